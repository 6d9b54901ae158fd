/**
 * Business metrics (revenue, margin, conversion, CTR), RecSys Challenge 2018 playlist-continuation metrics,
 * and conversational-recommendation metrics ({@link org.recworkbench.metrics.business.ConversationalMetrics},
 * computed from episode outcomes).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.metrics.business;
