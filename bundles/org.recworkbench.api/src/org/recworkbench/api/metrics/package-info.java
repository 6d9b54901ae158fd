/**
 * Evaluation metrics: descriptors, per-list functions and mergeable accumulators, grouped into
 * {@link org.recworkbench.api.metrics.MetricSet} services.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.recworkbench.api.metrics;
