package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.ExperimentSpec;

/**
 * Both compute backends in the running framework: the ND4J bundle's natives load inside OSGi, the engine picks
 * it, the same experiment gives the same numbers on either backend, an installed backend that cannot run is
 * passed over with a notice, and implicit ALS finds the JDK's Vector API module through the framework.
 */
class ComputeBackendsTest {

    private static boolean nativesExpected() {
        // the embedded natives are linux-x86_64 only; elsewhere the fallback is the expected behaviour
        return System.getProperty("os.name").toLowerCase().contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    @Test
    void nd4jLoadsInsideTheFrameworkAndIsPreferred() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> registry.backends().stream().anyMatch(b -> b.id().equals("nd4j"))));
        ComputeBackend nd4j = registry.backends().stream().filter(b -> b.id().equals("nd4j")).findFirst()
                .orElseThrow();
        if (nativesExpected()) {
            assertTrue(nd4j.isAvailable(), nd4j.description());
            assertEquals("nd4j", registry.backends().get(0).id());
        }
        assertTrue(registry.backends().stream().anyMatch(b -> b.id().equals("cpu") && b.isAvailable()));
    }

    @Test
    void implicitAlsSolvesWithTheVectorApiKernelInsideTheFramework() throws Exception {
        // the test JVM has --add-modules jdk.incubator.vector (pom.xml), as the product launchers do; the mf
        // bundle reaches the module through the system bundle (DynamicImport-Package) and names its kernel in the
        // fit's progress task; asked for that kernel where the module is out of its reach, the fit would fail
        PluginRegistry registry = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> registry.recommender("implicit-als").isPresent()));
        Recommender ials = registry.recommender("implicit-als").orElseThrow();
        int[] users = {0, 0, 1, 1, 2};
        int[] items = {0, 1, 1, 2, 0};
        Interactions train = new Interactions(3, 3, users, items, new float[] {1, 1, 1, 1, 1}, new long[5]);
        List<String> tasks = new ArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            public void begin(String task, long totalWork) {
                tasks.add(task);
            }

            public void worked(long work) {
            }

            public void done() {
            }

            public boolean isCanceled() {
                return false;
            }
        };
        ComputeBackend cpu = registry.backends().stream().filter(b -> b.id().equals("cpu")).findFirst().orElseThrow();
        System.setProperty("recworkbench.als.kernel", "vector"); // a fit this small would take the plain kernel
        try {
            ials.fit(new TrainingContext(null, 1, monitor, cpu, 1), train, Parameters.validate("params",
                    ials.descriptor().parameters(), Map.of("factors", 64, "iterations", 1)));
        } finally {
            System.clearProperty("recworkbench.als.kernel");
        }
        assertTrue(tasks.get(0).contains("(vector "), tasks.toString());
    }

    @Test
    void factorAndEaseModelsGiveTheSameNumbersOnBothBackends() throws Exception {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        PluginRegistry registry = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> registry.backends().size() >= 2));
        Map<String, ExperimentResult> byBackend = new java.util.TreeMap<>();
        for (String backend : List.of("cpu", "nd4j")) {
            if (backend.equals("nd4j") && !nativesExpected()) {
                continue;
            }
            ExperimentSpec base = Specs.synthetic(1200, 700, 50_000, 2,
                    Specs.algo("implicit-als", Map.of("factors", 24, "iterations", 4)), Specs.algo("ease"));
            ExperimentSpec spec = new ExperimentSpec(base.name(), base.seed(), base.dataset(), base.filters(),
                    base.split(), base.algorithms(), base.metrics(), base.protocol(), backend, base.threads(),
                    base.output(), base.significance(), base.metricOptions());
            ExperimentResult r = runner.run(spec, RunListener.NONE, ProgressMonitor.NONE);
            assertEquals(backend, r.backend());
            r.algorithms().forEach(a -> assertTrue(a.succeeded(), a.label() + " on " + backend + ": " + a.failure()));
            byBackend.put(backend, r);
        }
        if (byBackend.size() == 2) {
            for (int i = 0; i < 2; i++) {
                Map<String, Double> cpu = byBackend.get("cpu").algorithms().get(i).aggregates();
                Map<String, Double> nd4j = byBackend.get("nd4j").algorithms().get(i).aggregates();
                for (String metric : cpu.keySet()) {
                    // float rounding differs (sgemm vs Java sums, Cholesky vs Gauss-Jordan); only near-ties can flip
                    assertEquals(cpu.get(metric), nd4j.get(metric), 2e-3, metric + " of algorithm " + i);
                }
            }
        }
    }

    @Test
    void aBackendThatCannotRunIsPassedOverWithANotice() throws Exception {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        PluginRegistry registry = Services.await(PluginRegistry.class);
        ComputeBackend broken = new ComputeBackend() {
            public String id() {
                return "broken";
            }

            public String description() {
                return "natives failed to load: libbroken.so: cannot open shared object file";
            }

            public int priority() {
                return 1000;
            }

            public boolean isAvailable() {
                return false;
            }

            public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
                throw new IllegalStateException("not available");
            }
        };
        ServiceRegistration<ComputeBackend> registration = Services.context().registerService(ComputeBackend.class,
                broken, new Hashtable<>());
        try {
            assertTrue(Services.eventually(() -> registry.backends().contains(broken)));
            List<String> notices = new ArrayList<>();
            ExperimentResult r = runner.run(Specs.synthetic(300, 200, 6_000, 2, Specs.algo("bpr")), event -> {
                if (event instanceof RunListener.Notice n) {
                    notices.add(n.message());
                }
            }, ProgressMonitor.NONE);
            assertEquals(registry.backends().get(0).id(), r.backend());
            assertTrue(r.algorithms().get(0).succeeded(), r.algorithms().get(0).failure());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains("broken") && notices.get(0).contains("libbroken.so"), notices.get(0));

            // a run whose models never call a kernel chooses no backend, so it neither waits for a native one to
            // start nor hears about one that cannot
            notices.clear();
            ExperimentResult knn = runner.run(Specs.synthetic(300, 200, 6_000, 2, Specs.algo("item-knn")), event -> {
                if (event instanceof RunListener.Notice n) {
                    notices.add(n.message());
                }
            }, ProgressMonitor.NONE);
            assertTrue(knn.algorithms().get(0).succeeded(), knn.algorithms().get(0).failure());
            assertEquals("none", knn.backend());
            assertEquals(List.of(), notices);

            ExperimentSpec base = Specs.synthetic(300, 200, 6_000, 2, Specs.algo("bpr"));
            ExperimentSpec forced = new ExperimentSpec(base.name(), base.seed(), base.dataset(), base.filters(),
                    base.split(), base.algorithms(), base.metrics(), base.protocol(), "broken", base.threads(),
                    base.output(), base.significance(), base.metricOptions());
            InvalidSpecException e = assertThrows(InvalidSpecException.class,
                    () -> runner.run(forced, RunListener.NONE, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("cannot run here"), e.getMessage());
        } finally {
            registration.unregister();
        }
    }
}
