package org.recworkbench.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Splitter;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.core.DatasetStatistics;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.ModelFiles;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.SimulationRunner;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.FilterSpec;
import org.recworkbench.core.spec.SpecReader;
import org.recworkbench.report.ReportWriter;
import org.recworkbench.report.ReportWriters;
import org.recworkbench.stats.Comparisons;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code recwb} commands. Exit codes: 0 success, 1 failure (one line on stderr says why), 2 bad
 * usage, 3 a run finished but some algorithms failed.
 */
@Command(name = "recwb", mixinStandardHelpOptions = true, version = "RecWorkbench 0.1.0",
        description = "RecWorkbench: build, evaluate and compare recommender systems.")
final class Recwb implements Runnable {

    /** The engine services the commands use. */
    record Services(PluginRegistry registry, ExperimentRunner runner, SimulationRunner simulations,
            Supplier<List<ReportWriter>> writers, Supplier<SpecReader> specReader, long readyMillis) {
    }

    static final int EXIT_FAILED_ALGORITHMS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs one command line and returns the exit code. */
    static int execute(Services services, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Recwb());
        cl.addSubcommand("run", new RunCommand(services, out, err));
        cl.addSubcommand("simulate", new SimulateCommand(services, out, err));
        cl.addSubcommand("list", new ListCommand(services, out));
        cl.addSubcommand("describe", new DescribeCommand(services, out, err));
        cl.addSubcommand("bench", new BenchCommand(services, out));
        cl.addSubcommand("bench-interactive", new InteractiveBenchCommand(services, out));
        cl.addSubcommand("ope", new OpeCommand(services, out));
        cl.addSubcommand("dataset", new CommandLine(new DatasetCommand(out)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RecWorkbenchException) {
                err.println("recwb: " + e.getMessage());
            } else {
                err.println("recwb: internal error: " + e);
                e.printStackTrace(err);
            }
            return 1;
        });
        return cl.execute(args);
    }

    // ---------------------------------------------------------------- run

    @Command(name = "run", description = "Run the experiment described by a spec file (YAML or JSON).")
    static final class RunCommand implements Callable<Integer> {
        private final Services services;
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(index = "0", paramLabel = "SPEC", description = "experiment spec file (.yaml, .yml or .json)")
        Path specFile;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR",
                description = "folder for results (default: the spec's output, else results/<name>)")
        Path output;

        @Option(names = "--seed", description = "override the spec's seed")
        Long seed;

        @Option(names = "--threads", description = "override the number of worker threads")
        Integer threads;

        @Option(names = "--save-models", description = "also save every trained model that can be saved to "
                + "<output>/models/<label>.model (reload with the engine's ModelFiles)")
        boolean saveModels;

        RunCommand(Services services, PrintStream out, PrintStream err) {
            this.services = services;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            ExperimentSpec s = services.specReader().get().read(specFile);
            if (seed != null || threads != null) {
                s = s.with(seed != null ? seed : s.seed(), threads != null ? threads : s.threads());
            }
            Path folder = output != null ? output
                    : s.output() != null ? Path.of(s.output()) : Path.of("results", s.name());
            TerminalProgress progress = new TerminalProgress(err, System.console() != null);
            out.printf("Running '%s' (seed %d, %d threads)%n", s.name(), s.seed(), s.threads());
            // Ctrl-C cancels: the run stops at the next batch and its results so far are still written
            try (CancelOnExit cancel = new CancelOnExit(progress)) {
                return report(s, folder, services.runner().run(s, event -> {
                    if (saveModels && event instanceof RunListener.ModelFitted m) {
                        Path file = folder.resolve("models").resolve(m.label().replaceAll("[^A-Za-z0-9._+-]", "_")
                                + ".model");
                        if (!ModelFiles.write(file, m.recommenderId(), m.params(), m.model())) {
                            err.println("  " + m.label() + ": this algorithm's models cannot be saved yet");
                        }
                    }
                    if (event instanceof RunListener.Notice n) {
                        err.println("note: " + n.message());
                    }
                    if (event instanceof RunListener.AlgorithmFinished f && !f.result().succeeded()) {
                        err.println("  " + f.result().label() + " " + f.result().status() + ": "
                                + f.result().failure());
                    }
                }, progress));
            }
        }

        private int report(ExperimentSpec s, Path folder, ExperimentResult result) {
            out.println();
            out.printf("Dataset %s: %d users, %d items, %d interactions; split %s: %d train, %d test, "
                    + "%d test users; backend %s%nProtocol: %s%n", result.dataset().name(), result.dataset().users(),
                    result.dataset().items(), result.dataset().interactions(), result.split(), result.trainSize(),
                    result.testSize(), result.testUsers(), result.backend(), result.protocol());
            out.print(Tables.results(result, Comparisons.of(result)));
            List<String> written = ReportWriters.writeAll(services.writers().get(), result, folder).stream()
                    .map(p -> p.getFileName().toString()).toList();
            out.printf("Results in %s (%s), %.1f s in all%n", folder, String.join(", ", written), result.seconds());
            long failed = result.algorithms().stream().filter(a -> !a.succeeded()).count();
            if (failed > 0) {
                err.printf("recwb: %d of %d algorithms failed%n", failed, result.algorithms().size());
                return EXIT_FAILED_ALGORITHMS;
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- list

    @Command(name = "list", description = "List what is registered now: adapters, algorithms, metrics, splitters, "
            + "filters, backends, simulators, policies.")
    static final class ListCommand implements Callable<Integer> {
        private final Services services;
        private final PrintStream out;

        @Parameters(index = "0", arity = "0..1", paramLabel = "KIND",
                description = "only this kind: adapters, algorithms, metrics, splitters, filters, backends, "
                        + "simulators, policies")
        String kind;

        @Option(names = "--markdown", description = "print the metric catalogue as a Markdown table (the source of "
                + "docs/metrics.md)")
        boolean markdown;

        ListCommand(Services services, PrintStream out) {
            this.services = services;
            this.out = out;
        }

        @Override
        public Integer call() {
            PluginRegistry r = services.registry();
            if (markdown) {
                out.print(Tables.metricCatalog(r.metricSets()));
                return 0;
            }
            Map<String, Runnable> sections = new LinkedHashMap<>();
            sections.put("adapters", () -> {
                for (DatasetAdapter a : r.datasetAdapters()) {
                    line(a.id(), a.description());
                    options(a.options());
                }
            });
            sections.put("algorithms", () -> {
                for (Recommender a : r.recommenders()) {
                    var d = a.descriptor();
                    line(d.id(), "[" + d.family() + "] " + d.description());
                    options(d.parameters());
                }
            });
            sections.put("metrics", () -> {
                for (MetricSet m : r.metricSets()) {
                    line(m.id(), m.description() + ": " + m.catalog().stream()
                            .map(d -> d.name() + (d.cutoff() < 0 ? "@K" : "")).collect(Collectors.joining(", ")));
                }
            });
            sections.put("splitters", () -> {
                for (Splitter s : r.splitters()) {
                    line(s.id(), s.description());
                    options(s.options());
                }
            });
            sections.put("filters", () -> {
                for (DatasetFilter f : r.filters()) {
                    line(f.id(), f.description());
                    options(f.options());
                }
            });
            sections.put("backends", () -> {
                for (ComputeBackend b : r.backends()) {
                    line(b.id(), b.description() + " (priority " + b.priority() + (b.isAvailable() ? "" : ", unavailable")
                            + ")");
                }
            });
            sections.put("simulators", () -> {
                for (Simulator sim : r.simulators()) {
                    line(sim.descriptor().id(), sim.descriptor().description());
                    options(sim.descriptor().parameters());
                }
            });
            sections.put("policies", () -> {
                String previous = null;
                for (PolicyFactory p : r.policies()) {
                    var d = p.descriptor();
                    line(d.id().equals(previous) ? "  (also)" : d.id(), "[" + d.family() + "] " + d.description());
                    options(d.parameters());
                    previous = d.id();
                }
            });
            if (kind != null && !sections.containsKey(kind)) {
                throw new RecWorkbenchException("unknown kind '" + kind + "'; expected one of " + sections.keySet());
            }
            sections.forEach((name, body) -> {
                if (kind == null || kind.equals(name)) {
                    out.println(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + ":");
                    body.run();
                }
            });
            return 0;
        }

        private void line(String id, String description) {
            out.printf("  %-18s %s%n", id, description);
        }

        private void options(List<ParameterDescriptor> options) {
            for (ParameterDescriptor p : options) {
                out.printf("      %-22s %s (default %s; %s)%n", p.name(), p.description(), p.defaultValue(),
                        p.allowedText());
            }
        }
    }

    // ---------------------------------------------------------------- describe

    @Command(name = "describe", description = "Load a dataset and print its statistics. DATASET is a spec file "
            + "(its dataset and filters are used) or an adapter id with -O options.")
    static final class DescribeCommand implements Callable<Integer> {
        private final Services services;
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(index = "0", paramLabel = "DATASET", description = "spec file, or adapter id (see 'recwb list adapters')")
        String dataset;

        @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE", description = "adapter option, repeatable")
        Map<String, String> options = new LinkedHashMap<>();

        DescribeCommand(Services services, PrintStream out, PrintStream err) {
            this.services = services;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            DatasetSpec ds;
            List<FilterSpec> filters = List.of();
            Path asFile = Path.of(dataset);
            String lower = dataset.toLowerCase(Locale.ROOT);
            if (Files.isRegularFile(asFile)
                    && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"))) {
                ExperimentSpec s = services.specReader().get().read(asFile);
                ds = s.dataset();
                filters = s.filters();
            } else {
                ds = new DatasetSpec(dataset, new LinkedHashMap<>(options));
            }
            TerminalProgress progress = new TerminalProgress(err, System.console() != null);
            Dataset d = services.runner().loadDataset(ds, filters, progress);
            out.print(Tables.statistics(DatasetStatistics.of(d), d));
            return 0;
        }
    }
}
