/**
 * The engine's services: the plugin registry (every algorithm, adapter, metric set, splitter, filter,
 * backend, simulator and policy registered now), the experiment runner and its events, and dataset
 * statistics.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.core;
