package org.recworkbench.core;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Splitter;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.api.metrics.MetricSet;

/**
 * Every plugin service registered right now, by kind. Backed by dynamic references: installing or
 * uninstalling a bundle is reflected at once. Lists are snapshots sorted by id. Thread safe.
 *
 * <p>The registry reads each plugin's id and metadata once, when the service appears, and never lets a failure
 * there escape: a plugin whose descriptor throws, returns null or is unusable is left out of every listing and
 * lookup and reported by {@link #faultyPlugins()} instead, so one broken third-party bundle cannot disable the
 * product.
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

    List<Simulator> simulators();

    Optional<Simulator> simulator(String id);

    /** Every registered policy service, by id, then preferred first among those sharing an id. */
    List<PolicyFactory> policies();

    /**
     * The preferred policy service with this id: the highest {@code service.ranking}, then the most recently
     * registered. Installing a bundle that registers an id again with a higher ranking (or updating the
     * bundle that provides it) changes the answer; running simulations follow it between two steps.
     */
    Optional<PolicyFactory> policy(String id);

    /**
     * A counter that grows whenever a policy service comes or goes; a simulation compares it between steps
     * (one volatile read) to notice hot swaps.
     */
    long policyChanges();

    /** A counter that grows whenever any plugin service comes or goes (views poll it to refresh). */
    long changes();

    /**
     * Whether this exact service object is still registered. A run checks it between batches so that a
     * plugin uninstalled mid-run is reported as failed instead of being used after it went away.
     */
    boolean isRegistered(Object service);

    /**
     * The plugin services left out because reading their id or metadata failed, with their bundle and the reason,
     * by kind then bundle.
     */
    List<FaultyPlugin> faultyPlugins();
}
