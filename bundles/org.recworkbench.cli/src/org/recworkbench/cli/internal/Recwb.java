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
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.core.DatasetStatistics;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.ModelFiles;
import org.recworkbench.core.OutputFolder;
import org.recworkbench.core.PluginDiagnostics;
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
            Supplier<List<ReportWriter>> writers, Supplier<SpecReader> specReader, long readyMillis,
            PluginDiagnostics diagnostics) {
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
        cl.addSubcommand("list", new ListCommand(services, out, err));
        cl.addSubcommand("describe", new DescribeCommand(services, out, err));
        cl.addSubcommand("bench", new BenchCommand(services, out));
        cl.addSubcommand("bench-interactive", new InteractiveBenchCommand(services, out));
        cl.addSubcommand("ope", new OpeCommand(services, out));
        cl.addSubcommand("dataset", new CommandLine(new DatasetCommand(out)));
        cl.addSubcommand("plugins", new PluginsCommand(services, out));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        addHelpOptions(cl);
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
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            String task = TerminalProgress.lastTask();
            err.println("recwb: out of memory" + (task == null ? "" : " while " + task) + " (Java heap limit "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB); raise it with RECWB_JAVA_OPTS, e.g. "
                    + "RECWB_JAVA_OPTS=-Xmx16g recwb ...");
            return 1;
        }
    }

    /** {@code -h/--help} (and {@code -V/--version}) on every command and subcommand, not only on {@code recwb}. */
    private static void addHelpOptions(CommandLine cl) {
        if (cl.getCommandSpec().findOption("--help") == null) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(Recwb::addHelpOptions);
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

        @Option(names = "--timeout", paramLabel = "DURATION", description = "time limit per algorithm (search, fit "
                + "and evaluation), e.g. 90s, 30m, 2h: an algorithm over it is reported as failed and the run goes on "
                + "(overrides the spec's algorithm-timeout; an algorithm's own timeout still wins)")
        String timeout;

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
            PluginsCommand.warn(services, err);
            ExperimentSpec s = services.specReader().get().read(specFile);
            if (seed != null || threads != null) {
                s = s.with(seed != null ? seed : s.seed(), threads != null ? threads : s.threads());
            }
            if (timeout != null) {
                org.recworkbench.core.spec.Durations.parse("--timeout", timeout);
                s = s.withAlgorithmTimeout(timeout);
            }
            Path folder = output != null ? output
                    : s.output() != null ? Path.of(s.output()) : Path.of("results", s.name());
            TerminalProgress progress = new TerminalProgress(err, System.console() != null);
            // the output folder is checked before anything is loaded; the run writes into a staging folder that
            // replaces it only when complete. Ctrl-C cancels: the run stops at the next batch and its results so
            // far are still written.
            try (OutputFolder output = OutputFolder.prepare(folder); CancelOnExit cancel = new CancelOnExit(progress)) {
                out.printf("Running '%s' (seed %d, %d threads)%n", s.name(), s.seed(), s.threads());
                Path models = output.staging().resolve("models");
                return report(output, services.runner().run(s, event -> {
                    if (saveModels && event instanceof RunListener.ModelFitted m) {
                        Path file = models.resolve(m.label().replaceAll("[^A-Za-z0-9._+-]", "_") + ".model");
                        if (!ModelFiles.write(file, m.recommenderId(), m.params(), m.model())) {
                            err.println("  " + m.label() + ": this algorithm's models cannot be saved yet");
                        }
                    }
                    if (event instanceof RunListener.Notice n) {
                        err.println("note: " + n.message());
                    }
                    if (event instanceof RunListener.DataWarning w) {
                        err.println("warning: " + w.message());
                    }
                    if (event instanceof RunListener.AlgorithmFinished f && !f.result().succeeded()) {
                        err.println("  " + f.result().label() + " " + f.result().status() + ": "
                                + f.result().failure());
                    }
                }, progress));
            }
        }

        private int report(OutputFolder output, ExperimentResult result) {
            out.println();
            out.printf("Dataset %s: %d users, %d items, %d interactions; split %s: %d train, %d test, "
                    + "%d test users; backend %s%nProtocol: %s%n", result.dataset().name(), result.dataset().users(),
                    result.dataset().items(), result.dataset().interactions(), result.split(), result.trainSize(),
                    result.testSize(), result.testUsers(), result.backend(), result.protocol());
            out.print(Tables.results(result, Comparisons.of(result)));
            List<String> written = ReportWriters.writeAll(services.writers().get(), result, output.staging()).stream()
                    .map(p -> p.getFileName().toString()).toList();
            Path folder = output.commit();
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
        private final PrintStream err;

        @Parameters(index = "0", arity = "0..1", paramLabel = "KIND",
                description = "only this kind: adapters, algorithms, metrics, splitters, filters, backends, "
                        + "simulators, policies")
        String kind;

        @Option(names = "--markdown", description = "print the metric catalogue as a Markdown table (the source of "
                + "docs/metrics.md)")
        boolean markdown;

        ListCommand(Services services, PrintStream out, PrintStream err) {
            this.services = services;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            PluginsCommand.warn(services, err);
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
                    line(d.id(), "[" + d.family() + "] " + d.description()
                            + a.unavailableReason().map(why -> " (unavailable: " + why + ")").orElse(""));
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

    @Command(name = "describe", description = "Describe a plugin or a dataset. TARGET is an algorithm, metric (NAME or "
            + "NAME@K), policy or simulator id (its descriptor: parameters, defaults, ranges, formula, citation); a "
            + "dataset adapter id with -O options, or a spec file (the dataset is loaded and its statistics printed).")
    static final class DescribeCommand implements Callable<Integer> {
        private final Services services;
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(index = "0", paramLabel = "TARGET", description = "spec file, adapter id (see 'recwb list "
                + "adapters'), algorithm id, metric name, policy id or simulator id")
        String target;

        @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE", description = "adapter option, repeatable")
        Map<String, String> options = new LinkedHashMap<>();

        DescribeCommand(Services services, PrintStream out, PrintStream err) {
            this.services = services;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            PluginRegistry r = services.registry();
            Path asFile = Path.of(target);
            String lower = target.toLowerCase(Locale.ROOT);
            boolean specFile = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
            if (specFile && Files.isRegularFile(asFile)) {
                ExperimentSpec s = services.specReader().get().read(asFile);
                return describeDataset(s.dataset(), s.filters());
            }
            if (specFile) {
                throw new RecWorkbenchException("spec file not found: " + asFile.toAbsolutePath());
            }
            if (r.datasetAdapter(target).isPresent()) {
                return describeDataset(new DatasetSpec(target, new LinkedHashMap<>(options)), List.of());
            }
            if (!options.isEmpty()) {
                throw new RecWorkbenchException("-O options are for dataset adapters, and '" + target
                        + "' is not one; adapters: " + ids(r.datasetAdapters().stream().map(DatasetAdapter::id)));
            }
            var algorithm = r.recommender(target);
            if (algorithm.isPresent()) {
                var d = algorithm.get().descriptor();
                header(d.id(), d.displayName(), "algorithm, family " + d.family(), d.description(), d.citation());
                out.printf("  ranks items: %s; predicts ratings: %s%n", d.ranksItems() ? "yes" : "no",
                        d.predictsRatings() ? "yes" : "no");
                parameters(d.parameters());
                return 0;
            }
            var policy = r.policy(target);
            if (policy.isPresent()) {
                var d = policy.get().descriptor();
                header(d.id(), d.displayName(), "policy, family " + d.family(), d.description(), d.citation());
                parameters(d.parameters());
                return 0;
            }
            var simulator = r.simulator(target);
            if (simulator.isPresent()) {
                var d = simulator.get().descriptor();
                header(d.id(), d.displayName(), "simulator" + (d.usesDataset() ? " (can be fitted on a dataset)" : ""),
                        d.description(), d.citation());
                parameters(d.parameters());
                return 0;
            }
            String name = target.contains("@") ? target.substring(0, target.indexOf('@')) : target;
            for (MetricSet set : r.metricSets()) {
                for (MetricDescriptor m : set.catalog()) {
                    if (m.name().equals(name)) {
                        describeMetric(set, m);
                        return 0;
                    }
                }
            }
            throw new RecWorkbenchException("'" + target + "' is not a spec file, dataset adapter, algorithm, policy, "
                    + "simulator or metric; 'recwb list' shows what is installed");
        }

        private int describeDataset(DatasetSpec ds, List<FilterSpec> filters) {
            TerminalProgress progress = new TerminalProgress(err, System.console() != null);
            Dataset d = services.runner().loadDataset(ds, filters, progress);
            d.warnings().values().forEach(w -> err.println("warning: " + w));
            out.print(Tables.statistics(DatasetStatistics.of(d), d));
            return 0;
        }

        private void header(String id, String displayName, String kind, String description, String citation) {
            out.printf("%s%s (%s)%n", id, displayName.equals(id) ? "" : " - " + displayName, kind);
            if (!description.isBlank()) {
                out.println("  " + description);
            }
            if (!citation.isBlank()) {
                out.println("  cite: " + citation);
            }
        }

        private void parameters(List<ParameterDescriptor> parameters) {
            if (parameters.isEmpty()) {
                out.println("  no parameters");
                return;
            }
            out.println("  parameters:");
            for (ParameterDescriptor p : parameters) {
                out.printf("    %-22s %s (default %s; %s)%n", p.name(), p.description(), p.defaultValue(),
                        p.allowedText());
            }
        }

        private void describeMetric(MetricSet set, MetricDescriptor m) {
            out.printf("%s%s (metric, set %s, family %s)%n", m.name(), m.cutoff() < 0 ? "@K" : "", set.id(),
                    m.family());
            if (!m.formula().isBlank()) {
                out.println("  formula: " + m.formula());
            }
            if (!m.convention().isBlank()) {
                out.println("  convention: " + m.convention());
            }
            out.printf(Locale.ROOT, "  range: [%s, %s], %s is better%n", Tables.bound(m.lowerBound()),
                    Tables.bound(m.upperBound()), m.higherIsBetter() ? "higher" : "lower");
            if (!m.reference().isBlank()) {
                out.println("  reference: " + m.reference());
            }
            parameters(set.options());
        }

        private static String ids(java.util.stream.Stream<String> ids) {
            return ids.collect(Collectors.joining(", "));
        }
    }
}
