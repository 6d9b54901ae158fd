package org.recworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Splitter;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.FaultyPlugin;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.FilterSpec;
import org.recworkbench.core.spec.SpecReader;

/** The command line's exit codes and messages, against an empty registry and a runner that rejects specs. */
class RecwbTest {

    private static final PluginRegistry EMPTY = new PluginRegistry() {
        public List<Recommender> recommenders() {
            return List.of();
        }

        public Optional<Recommender> recommender(String id) {
            return Optional.empty();
        }

        public List<DatasetAdapter> datasetAdapters() {
            return List.of();
        }

        public Optional<DatasetAdapter> datasetAdapter(String id) {
            return Optional.empty();
        }

        public List<DatasetFilter> filters() {
            return List.of();
        }

        public Optional<DatasetFilter> filter(String id) {
            return Optional.empty();
        }

        public List<Splitter> splitters() {
            return List.of();
        }

        public Optional<Splitter> splitter(String id) {
            return Optional.empty();
        }

        public List<MetricSet> metricSets() {
            return List.of();
        }

        public List<ComputeBackend> backends() {
            return List.of();
        }

        public List<Simulator> simulators() {
            return List.of();
        }

        public Optional<Simulator> simulator(String id) {
            return Optional.empty();
        }

        public List<PolicyFactory> policies() {
            return List.of();
        }

        public Optional<PolicyFactory> policy(String id) {
            return Optional.empty();
        }

        public long policyChanges() {
            return 0;
        }

        public long changes() {
            return 0;
        }

        public boolean isRegistered(Object service) {
            return false;
        }

        public List<FaultyPlugin> faultyPlugins() {
            return List.of();
        }
    };

    private static final ExperimentRunner REJECTING = new ExperimentRunner() {
        public ExperimentResult run(ExperimentSpec spec, RunListener listener, ProgressMonitor monitor) {
            throw new InvalidSpecException("algorithms[0].id", "unknown algorithm 'x'; available: none");
        }

        public Dataset loadDataset(DatasetSpec dataset, List<FilterSpec> filters, ProgressMonitor monitor) {
            throw new InvalidSpecException("dataset.adapter", "unknown dataset adapter '" + dataset.adapter() + "'");
        }
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Recwb.execute(new Recwb.Services(EMPTY, REJECTING, null, List::of, SpecReader::new, 0, null), args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAlgorithmThatCannotRunHereIsListedWithTheReason() {
        Recommender unavailable = new Recommender() {
            @Override
            public org.recworkbench.api.algo.RecommenderDescriptor descriptor() {
                return new org.recworkbench.api.algo.RecommenderDescriptor("gpu-model", "GPU model", "neural",
                        "a model on native code", null, List.of(), true, false);
            }

            @Override
            public org.recworkbench.api.algo.Model fit(org.recworkbench.api.algo.TrainingContext context,
                    org.recworkbench.api.data.Interactions train, org.recworkbench.api.Parameters params) {
                throw new IllegalStateException("not here");
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of("UnsatisfiedLinkError: no jnind4jcpu");
            }
        };
        // the empty registry, but for one algorithm
        PluginRegistry registry = (PluginRegistry) java.lang.reflect.Proxy.newProxyInstance(
                PluginRegistry.class.getClassLoader(), new Class<?>[] {PluginRegistry.class},
                (proxy, method, args) -> method.getName().equals("recommenders") ? List.of(unavailable)
                        : method.invoke(EMPTY, args));
        assertEquals(0, Recwb.execute(new Recwb.Services(registry, REJECTING, null, List::of, SpecReader::new, 0,
                null), new String[] {"list", "algorithms"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("gpu-model") && text.contains("(unavailable: UnsatisfiedLinkError: no jnind4jcpu)"),
                text);
    }

    @Test
    void listPrintsEverySection() {
        assertEquals(0, run("list"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String section : new String[] {"Adapters:", "Algorithms:", "Metrics:", "Splitters:", "Filters:",
                "Backends:", "Simulators:", "Policies:"}) {
            assertTrue(text.contains(section), section);
        }
    }

    @Test
    void specErrorsExitWithOneAndAOneLineReason(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("x.yaml"), "dataset: {adapter: s}\nalgoritms: []\n");
        assertEquals(1, run("run", spec.toString()));
        assertTrue(err().startsWith("recwb: "), err());
        assertTrue(err().contains("unknown field 'algoritms'"), err());
        assertEquals(1, err().strip().lines().count(), err());
    }

    @Test
    void runnerRejectionIsReported(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("x.yaml"), "dataset: {adapter: s}\nalgorithms: [{id: x}]\n");
        assertEquals(1, run("run", spec.toString()));
        assertTrue(err().contains("'algorithms[0].id': unknown algorithm 'x'"), err());
    }

    @Test
    void missingSpecFileAndBadUsage() {
        assertEquals(1, run("run", "/nonexistent/spec.yaml"));
        assertTrue(err().contains("spec file not found"), err());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("run"));
        assertEquals(1, run("list", "gadgets"));
    }

    @Test
    void everyCommandHasHelpThatNeedsNoOtherArguments() {
        for (String[] args : new String[][] {{"run", "--help"}, {"list", "--help"}, {"ope", "--help"},
            {"dataset", "--help"}, {"dataset", "fetch", "-h"}, {"describe", "--help"}, {"simulate", "--help"},
            {"plugins", "--help"}, {"help", "run"}}) {
            out.reset();
            assertEquals(0, run(args), String.join(" ", args) + ": " + err());
            String usage = out.toString(StandardCharsets.UTF_8);
            assertTrue(usage.startsWith("Usage: recwb " + (args[0].equals("help") ? args[1] : args[0])),
                    String.join(" ", args) + " printed " + usage);
        }
    }

    @Test
    void describeSaysWhatItCannotFind() {
        assertEquals(1, run("describe", "ease"));
        assertTrue(err().contains("'ease' is not a spec file, dataset adapter, algorithm, policy, simulator or metric"),
                err());
        assertEquals(1, run("describe", "/nonexistent/spec.yaml"));
        assertTrue(err().contains("spec file not found"), err());
    }

    @Test
    void aTimeoutThatIsNotADurationIsABadCommandLineValue(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("x.yaml"), "dataset: {adapter: s}\nalgorithms: [{id: x}]\n");
        assertEquals(1, run("run", spec.toString(), "--timeout", "forever"));
        assertTrue(err().contains("'--timeout': got 'forever', expected a duration"), err());
    }
}
