package org.recworkbench.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Splitter;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.core.PluginRegistry;

/**
 * Tracks every plugin service through {@code MULTIPLE} + {@code DYNAMIC} references, so bundles come and go
 * while the framework runs. Keyed by service object identity; listings are sorted by id.
 */
@Component(service = PluginRegistry.class)
public class DefaultPluginRegistry implements PluginRegistry {

    private final Map<Recommender, Boolean> recommenders = new ConcurrentHashMap<>();
    private final Map<DatasetAdapter, Boolean> adapters = new ConcurrentHashMap<>();
    private final Map<DatasetFilter, Boolean> filters = new ConcurrentHashMap<>();
    private final Map<Splitter, Boolean> splitters = new ConcurrentHashMap<>();
    private final Map<MetricSet, Boolean> metricSets = new ConcurrentHashMap<>();
    private final Map<ComputeBackend, Boolean> backends = new ConcurrentHashMap<>();
    private final Map<Simulator, Boolean> simulators = new ConcurrentHashMap<>();
    /** Policy services with their ranking and service id, which decide the preferred one per policy id. */
    private final Map<PolicyFactory, long[]> policies = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong policyChanges = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    private static <T> List<T> sorted(Map<T, Boolean> services, Function<T, String> id) {
        return services.keySet().stream().sorted(Comparator.comparing(id)).toList();
    }

    private static <T> Optional<T> find(Map<T, Boolean> services, Function<T, String> id, String wanted) {
        return sorted(services, id).stream().filter(s -> id.apply(s).equals(wanted)).findFirst();
    }

    @Override
    public List<Recommender> recommenders() {
        return sorted(recommenders, r -> r.descriptor().id());
    }

    @Override
    public Optional<Recommender> recommender(String id) {
        return find(recommenders, r -> r.descriptor().id(), id);
    }

    @Override
    public List<DatasetAdapter> datasetAdapters() {
        return sorted(adapters, DatasetAdapter::id);
    }

    @Override
    public Optional<DatasetAdapter> datasetAdapter(String id) {
        return find(adapters, DatasetAdapter::id, id);
    }

    @Override
    public List<DatasetFilter> filters() {
        return sorted(filters, DatasetFilter::id);
    }

    @Override
    public Optional<DatasetFilter> filter(String id) {
        return find(filters, DatasetFilter::id, id);
    }

    @Override
    public List<Splitter> splitters() {
        return sorted(splitters, Splitter::id);
    }

    @Override
    public Optional<Splitter> splitter(String id) {
        return find(splitters, Splitter::id, id);
    }

    @Override
    public List<MetricSet> metricSets() {
        return sorted(metricSets, MetricSet::id);
    }

    @Override
    public List<ComputeBackend> backends() {
        return backends.keySet().stream()
                .sorted(Comparator.comparing((ComputeBackend b) -> !b.isAvailable())
                        .thenComparing(Comparator.comparingInt(ComputeBackend::priority).reversed())
                        .thenComparing(ComputeBackend::id))
                .toList();
    }

    @Override
    public List<Simulator> simulators() {
        return sorted(simulators, s -> s.descriptor().id());
    }

    @Override
    public Optional<Simulator> simulator(String id) {
        return find(simulators, s -> s.descriptor().id(), id);
    }

    /** By id; among equal ids the highest ranking, then the highest (newest) service id first. */
    private final Comparator<Map.Entry<PolicyFactory, long[]>> policyOrder = Comparator
            .comparing((Map.Entry<PolicyFactory, long[]> e) -> e.getKey().descriptor().id())
            .thenComparing(e -> -e.getValue()[0])
            .thenComparing(e -> -e.getValue()[1]);

    @Override
    public List<PolicyFactory> policies() {
        return policies.entrySet().stream().sorted(policyOrder).map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<PolicyFactory> policy(String id) {
        return policies.entrySet().stream().filter(e -> e.getKey().descriptor().id().equals(id)).sorted(policyOrder)
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public long policyChanges() {
        return policyChanges.get();
    }

    @Override
    public long changes() {
        return changes.get();
    }

    /** Adds or removes a service and counts the change. */
    private <T> void track(Map<T, Boolean> services, T service, boolean add) {
        if (add) {
            services.put(service, Boolean.TRUE);
        } else {
            services.remove(service);
        }
        changes.incrementAndGet();
    }

    @Override
    public boolean isRegistered(Object service) {
        return recommenders.containsKey(service) || adapters.containsKey(service) || filters.containsKey(service)
                || splitters.containsKey(service) || metricSets.containsKey(service)
                || backends.containsKey(service) || simulators.containsKey(service)
                || policies.containsKey(service);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRecommender(Recommender r) {
        track(recommenders, r, true);
    }

    void removeRecommender(Recommender r) {
        track(recommenders, r, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDatasetAdapter(DatasetAdapter a) {
        track(adapters, a, true);
    }

    void removeDatasetAdapter(DatasetAdapter a) {
        track(adapters, a, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDatasetFilter(DatasetFilter f) {
        track(filters, f, true);
    }

    void removeDatasetFilter(DatasetFilter f) {
        track(filters, f, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSplitter(Splitter s) {
        track(splitters, s, true);
    }

    void removeSplitter(Splitter s) {
        track(splitters, s, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMetricSet(MetricSet m) {
        track(metricSets, m, true);
    }

    void removeMetricSet(MetricSet m) {
        track(metricSets, m, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addComputeBackend(ComputeBackend b) {
        track(backends, b, true);
    }

    void removeComputeBackend(ComputeBackend b) {
        track(backends, b, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSimulator(Simulator s) {
        track(simulators, s, true);
    }

    void removeSimulator(Simulator s) {
        track(simulators, s, false);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(PolicyFactory p, Map<String, Object> properties) {
        Object ranking = properties.get(org.osgi.framework.Constants.SERVICE_RANKING);
        Object serviceId = properties.get(org.osgi.framework.Constants.SERVICE_ID);
        policies.put(p, new long[] {ranking instanceof Integer r ? r : 0,
            serviceId instanceof Long id ? id : policyChanges.get()});
        policyChanges.incrementAndGet();
        changes.incrementAndGet();
    }

    void removePolicy(PolicyFactory p) {
        policies.remove(p);
        policyChanges.incrementAndGet();
        changes.incrementAndGet();
    }
}
