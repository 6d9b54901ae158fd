package org.recworkbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.core.FaultyPlugin;

/**
 * A faulty plugin never takes the registry down: whatever its metadata calls do (throw, return null, return an
 * unusable id), it is left out of listings and lookups and reported with the reason, and every other plugin is
 * listed and found as before.
 */
class DefaultPluginRegistryTest {

    /** An adapter whose id, description and options are whatever the test says. */
    private record Adapter(String id, String description, List<ParameterDescriptor> options) implements DatasetAdapter {
        @Override
        public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }
    }

    /** An adapter whose id() throws. */
    private static final class ThrowingAdapter implements DatasetAdapter {
        @Override
        public String id() {
            throw new IllegalStateException("no id today");
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<ParameterDescriptor> options() {
            return List.of();
        }

        @Override
        public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }
    }

    /** An algorithm with a descriptor, or a null one, or one that throws. */
    private static final class Algorithm extends DefaultExperimentRunnerTest.OrderRecommender {
        private final String mode;

        Algorithm(String id, String mode) {
            super(id, false);
            this.mode = mode;
        }

        @Override
        public RecommenderDescriptor descriptor() {
            return switch (mode) {
                case "null" -> null;
                case "throw" -> throw new NoClassDefFoundError("org/example/Gone");
                default -> super.descriptor();
            };
        }
    }

    /** A metric set whose catalogue holds a null descriptor. */
    private static final class NullCatalog implements MetricSet {
        @Override
        public String id() {
            return "broken-set";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<MetricDescriptor> catalog() {
            return java.util.Arrays.asList((MetricDescriptor) null);
        }

        @Override
        public Metric create(String name, int cutoff) {
            throw new UnsupportedOperationException();
        }
    }

    /** A backend whose availability check throws. */
    private static final class ThrowingBackend implements ComputeBackend {
        @Override
        public String id() {
            return "shaky";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public boolean isAvailable() {
            throw new UnsatisfiedLinkError("no libshaky.so");
        }

        @Override
        public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void faultyPluginsAreLeftOutWithTheirReasonAndTheOthersWork() {
        DefaultPluginRegistry registry = new DefaultPluginRegistry();
        Adapter good = new Adapter("good", "fine", List.of());
        registry.addDatasetAdapter(good, Map.of());
        registry.addDatasetAdapter(new ThrowingAdapter(), Map.of());
        registry.addDatasetAdapter(new Adapter(null, "no id", List.of()), Map.of());
        registry.addDatasetAdapter(new Adapter("two words", "spaces", List.of()), Map.of());
        registry.addDatasetAdapter(new Adapter("nul\u0000id", "control character", List.of()), Map.of());
        registry.addDatasetAdapter(new Adapter("no-options", "null options", null), Map.of());
        Algorithm fine = new Algorithm("fine", "ok");
        registry.addRecommender(fine, Map.of());
        registry.addRecommender(new Algorithm("x", "null"), Map.of());
        registry.addRecommender(new Algorithm("y", "throw"), Map.of());
        registry.addMetricSet(new NullCatalog(), Map.of());

        assertEquals(List.of(good), registry.datasetAdapters());
        assertEquals(good, registry.datasetAdapter("good").orElseThrow());
        assertFalse(registry.datasetAdapter("two words").isPresent());
        assertEquals(List.of(fine), registry.recommenders());
        assertEquals(List.of(), registry.metricSets());

        List<FaultyPlugin> faulty = registry.faultyPlugins();
        assertEquals(8, faulty.size(), faulty.toString());
        List<String> reasons = faulty.stream().map(FaultyPlugin::reason).toList();
        assertTrue(reasons.contains("descriptor() returned null"), reasons.toString());
        assertTrue(reasons.contains("reading its metadata threw java.lang.NoClassDefFoundError: org/example/Gone"),
                reasons.toString());
        assertTrue(reasons.contains("reading its metadata threw java.lang.IllegalStateException: no id today"),
                reasons.toString());
        assertTrue(reasons.contains("id returned null"), reasons.toString());
        assertTrue(reasons.contains("id 'two words' is not usable: expected a non-blank id without spaces or control "
                + "characters"), reasons.toString());
        assertTrue(reasons.contains("options() returned null"), reasons.toString());
        assertTrue(reasons.contains("catalog() holds a null entry"), reasons.toString());
        assertEquals(List.of("algorithm", "algorithm", "dataset adapter", "dataset adapter", "dataset adapter",
                "dataset adapter", "dataset adapter", "metric set"), faulty.stream().map(FaultyPlugin::kind).toList());
        assertTrue(faulty.stream().allMatch(f -> f.bundle().equals("(unknown bundle)")), "no framework here");
    }

    @Test
    void aBackendWhoseAvailabilityThrowsIsSetAsideAndAWorkingOneIsStillChosen() {
        DefaultPluginRegistry registry = new DefaultPluginRegistry();
        ThrowingBackend shaky = new ThrowingBackend();
        DefaultExperimentRunnerTest.HeapBackend heap = new DefaultExperimentRunnerTest.HeapBackend();
        registry.addComputeBackend(shaky, Map.of());
        registry.addComputeBackend(heap, Map.of());
        assertEquals(List.of(heap), registry.backends());
        assertFalse(registry.isRegistered(shaky));
        FaultyPlugin f = registry.faultyPlugins().get(0);
        assertEquals("compute backend", f.kind());
        assertEquals("isAvailable() threw java.lang.UnsatisfiedLinkError: no libshaky.so", f.reason());
    }

    @Test
    void aFaultyPluginThatGoesAwayIsNoLongerReported() {
        DefaultPluginRegistry registry = new DefaultPluginRegistry();
        Algorithm broken = new Algorithm("x", "throw");
        registry.addRecommender(broken, Map.of());
        assertEquals(1, registry.faultyPlugins().size());
        long before = registry.changes();
        registry.removeRecommender(broken);
        assertEquals(List.of(), registry.faultyPlugins());
        assertTrue(registry.changes() > before);
    }
}
