package org.recworkbench.core;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Splitter;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.metrics.MetricSet;

/**
 * Every plugin service registered right now, by kind. Backed by dynamic references: installing or
 * uninstalling a bundle is reflected at once. Lists are snapshots sorted by id. Thread safe.
 */
@ProviderType
public interface PluginRegistry {

    List<Recommender> recommenders();

    Optional<Recommender> recommender(String id);

    List<DatasetAdapter> datasetAdapters();

    Optional<DatasetAdapter> datasetAdapter(String id);

    List<DatasetFilter> filters();

    Optional<DatasetFilter> filter(String id);

    List<Splitter> splitters();

    Optional<Splitter> splitter(String id);

    List<MetricSet> metricSets();

    /** Backends, best first (highest priority among the available ones). */
    List<ComputeBackend> backends();

    List<Environment> environments();

    List<Policy> policies();

    /**
     * Whether this exact service object is still registered. A run checks it between batches so that a
     * plugin uninstalled mid-run is reported as failed instead of being used after it went away.
     */
    boolean isRegistered(Object service);
}
