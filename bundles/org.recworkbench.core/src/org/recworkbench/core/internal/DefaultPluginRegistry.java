package org.recworkbench.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
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
import org.recworkbench.core.FaultyPlugin;
import org.recworkbench.core.PluginRegistry;

/**
 * Tracks every plugin service through {@code MULTIPLE} + {@code DYNAMIC} references, so bundles come and go
 * while the framework runs. Each service's id and metadata are read once, when it is bound, inside a guard: a
 * plugin whose metadata cannot be read is kept aside as faulty (with its bundle and the reason) and never handed
 * out, and the listings sort by the ids read then, so no later call into plugin code happens here.
 */
@Component(service = PluginRegistry.class)
public class DefaultPluginRegistry implements PluginRegistry {

    /** What the registry read of a bound service: its id, and for policies the ranking and service id. */
    private record Bound(String id, long ranking, long serviceId) {
    }

    /** The bound services of one kind, with the check that reads and validates their metadata. */
    private static final class Shelf<T> {
        final String kind;
        final Function<T, String> readId;
        final Map<T, Bound> bound = new ConcurrentHashMap<>();

        Shelf(String kind, Function<T, String> readId) {
            this.kind = kind;
            this.readId = readId;
        }

        List<T> sorted() {
            return bound.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(Bound::id)))
                    .map(Map.Entry::getKey).toList();
        }

        Optional<T> find(String id) {
            return bound.entrySet().stream().filter(e -> e.getValue().id().equals(id)).map(Map.Entry::getKey)
                    .findFirst();
        }
    }

    private final Shelf<Recommender> recommenders = new Shelf<>("algorithm",
            r -> id(notNull(r.descriptor(), "descriptor()").id()));
    private final Shelf<DatasetAdapter> adapters = new Shelf<>("dataset adapter",
            a -> described(a.id(), a.description(), a.options()));
    private final Shelf<DatasetFilter> filters = new Shelf<>("filter",
            f -> described(f.id(), f.description(), f.options()));
    private final Shelf<Splitter> splitters = new Shelf<>("splitter",
            s -> described(s.id(), s.description(), s.options()));
    private final Shelf<MetricSet> metricSets = new Shelf<>("metric set", m -> {
        noNulls(m.catalog(), "catalog()");
        return described(m.id(), m.description(), m.options());
    });
    private final Shelf<ComputeBackend> backends = new Shelf<>("compute backend", b -> {
        b.priority();
        return id(b.id());
    });
    private final Shelf<Simulator> simulators = new Shelf<>("simulator",
            s -> id(notNull(s.descriptor(), "descriptor()").id()));
    private final Shelf<PolicyFactory> policies = new Shelf<>("policy",
            p -> id(notNull(p.descriptor(), "descriptor()").id()));
    private final List<Shelf<?>> shelves = List.of(recommenders, adapters, filters, splitters, metricSets, backends,
            simulators, policies);

    private final Map<Object, FaultyPlugin> faulty = new ConcurrentHashMap<>();
    private final AtomicLong policyChanges = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();

    @Override
    public List<Recommender> recommenders() {
        return recommenders.sorted();
    }

    @Override
    public Optional<Recommender> recommender(String id) {
        return recommenders.find(id);
    }

    @Override
    public List<DatasetAdapter> datasetAdapters() {
        return adapters.sorted();
    }

    @Override
    public Optional<DatasetAdapter> datasetAdapter(String id) {
        return adapters.find(id);
    }

    @Override
    public List<DatasetFilter> filters() {
        return filters.sorted();
    }

    @Override
    public Optional<DatasetFilter> filter(String id) {
        return filters.find(id);
    }

    @Override
    public List<Splitter> splitters() {
        return splitters.sorted();
    }

    @Override
    public Optional<Splitter> splitter(String id) {
        return splitters.find(id);
    }

    @Override
    public List<MetricSet> metricSets() {
        return metricSets.sorted();
    }

    /**
     * Available first, then by priority. Availability is asked here, not at bind time (backends start their
     * natives on that first question); a backend whose answer throws is moved to the faulty list.
     */
    @Override
    public List<ComputeBackend> backends() {
        record Ranked(ComputeBackend backend, String id, boolean available, int priority) {
        }
        List<Ranked> ranked = new java.util.ArrayList<>();
        for (ComputeBackend b : backends.sorted()) {
            try {
                ranked.add(new Ranked(b, b.id(), b.isAvailable(), b.priority()));
            } catch (RuntimeException | LinkageError e) {
                setAside(backends, b, "isAvailable() threw " + describe(e));
            }
        }
        return ranked.stream()
                .sorted(Comparator.comparing((Ranked r) -> !r.available())
                        .thenComparing(Comparator.comparingInt(Ranked::priority).reversed())
                        .thenComparing(Ranked::id))
                .map(Ranked::backend).toList();
    }

    @Override
    public List<Simulator> simulators() {
        return simulators.sorted();
    }

    @Override
    public Optional<Simulator> simulator(String id) {
        return simulators.find(id);
    }

    /** By id; among equal ids the highest ranking, then the highest (newest) service id first. */
    private static final Comparator<Map.Entry<PolicyFactory, Bound>> POLICY_ORDER = Comparator
            .comparing((Map.Entry<PolicyFactory, Bound> e) -> e.getValue().id())
            .thenComparing(e -> -e.getValue().ranking())
            .thenComparing(e -> -e.getValue().serviceId());

    @Override
    public List<PolicyFactory> policies() {
        return policies.bound.entrySet().stream().sorted(POLICY_ORDER).map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<PolicyFactory> policy(String id) {
        return policies.bound.entrySet().stream().filter(e -> e.getValue().id().equals(id)).sorted(POLICY_ORDER)
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

    @Override
    public boolean isRegistered(Object service) {
        for (Shelf<?> shelf : shelves) {
            if (shelf.bound.containsKey(service)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<FaultyPlugin> faultyPlugins() {
        return faulty.values().stream().sorted(Comparator.comparing(FaultyPlugin::kind)
                .thenComparing(FaultyPlugin::bundle).thenComparing(FaultyPlugin::implementation)).toList();
    }

    // ---------------------------------------------------------------- binding

    /**
     * Binds a service after reading its id (and checking its metadata) inside a guard; a failure there sets it
     * aside as faulty instead.
     */
    private <T> void bind(Shelf<T> shelf, T service, Map<String, Object> properties) {
        String id;
        try {
            id = shelf.readId.apply(service);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            faulty.put(service, new FaultyPlugin(shelf.kind, bundleOf(service), service.getClass().getName(),
                    reason(e)));
            changes.incrementAndGet();
            return;
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        shelf.bound.put(service, new Bound(id, ranking instanceof Integer r ? r : 0,
                serviceId instanceof Long sid ? sid : changes.get()));
        changes.incrementAndGet();
    }

    private <T> void unbind(Shelf<T> shelf, T service) {
        shelf.bound.remove(service);
        faulty.remove(service);
        changes.incrementAndGet();
    }

    private <T> void setAside(Shelf<T> shelf, T service, String reason) {
        if (shelf.bound.remove(service) != null) {
            faulty.put(service, new FaultyPlugin(shelf.kind, bundleOf(service), service.getClass().getName(),
                    reason));
            changes.incrementAndGet();
        }
    }

    private static String reason(Throwable e) {
        return e instanceof BadMetadata ? e.getMessage() : "reading its metadata threw " + describe(e);
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" (caused by ").append(c).append(')');
        }
        return sb.toString();
    }

    private static String bundleOf(Object service) {
        Bundle b = FrameworkUtil.getBundle(service.getClass());
        return b == null ? "(unknown bundle)" : b.getSymbolicName() + " " + b.getVersion();
    }

    /** Metadata that was read without an exception but cannot be used. */
    private static final class BadMetadata extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadMetadata(String message) {
            super(message, null, false, false);
        }
    }

    private static <V> V notNull(V value, String what) {
        if (value == null) {
            throw new BadMetadata(what + " returned null");
        }
        return value;
    }

    private static void noNulls(List<?> values, String what) {
        notNull(values, what);
        for (Object v : values) { // not contains(null): immutable lists throw on it
            if (v == null) {
                throw new BadMetadata(what + " holds a null entry");
            }
        }
    }

    /** An id as spec files name plugins: not blank, no white space or control characters. */
    private static String id(String id) {
        notNull(id, "id");
        if (id.isBlank() || id.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new BadMetadata("id '" + id + "' is not usable: expected a non-blank id without spaces or "
                    + "control characters");
        }
        return id;
    }

    private static String described(String id, String description, List<?> options) {
        notNull(description, "description()");
        noNulls(options, "options()");
        return id(id);
    }

    // ---------------------------------------------------------------- references

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRecommender(Recommender r, Map<String, Object> properties) {
        bind(recommenders, r, properties);
    }

    void removeRecommender(Recommender r) {
        unbind(recommenders, r);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDatasetAdapter(DatasetAdapter a, Map<String, Object> properties) {
        bind(adapters, a, properties);
    }

    void removeDatasetAdapter(DatasetAdapter a) {
        unbind(adapters, a);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDatasetFilter(DatasetFilter f, Map<String, Object> properties) {
        bind(filters, f, properties);
    }

    void removeDatasetFilter(DatasetFilter f) {
        unbind(filters, f);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSplitter(Splitter s, Map<String, Object> properties) {
        bind(splitters, s, properties);
    }

    void removeSplitter(Splitter s) {
        unbind(splitters, s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMetricSet(MetricSet m, Map<String, Object> properties) {
        bind(metricSets, m, properties);
    }

    void removeMetricSet(MetricSet m) {
        unbind(metricSets, m);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addComputeBackend(ComputeBackend b, Map<String, Object> properties) {
        bind(backends, b, properties);
    }

    void removeComputeBackend(ComputeBackend b) {
        unbind(backends, b);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSimulator(Simulator s, Map<String, Object> properties) {
        bind(simulators, s, properties);
    }

    void removeSimulator(Simulator s) {
        unbind(simulators, s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(PolicyFactory p, Map<String, Object> properties) {
        bind(policies, p, properties);
        policyChanges.incrementAndGet();
    }

    void removePolicy(PolicyFactory p) {
        unbind(policies, p);
        policyChanges.incrementAndGet();
    }
}
