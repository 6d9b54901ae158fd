package org.recworkbench.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.result.ArmResult;
import org.recworkbench.core.result.SimulationResult;
import org.recworkbench.core.spec.SimulationSpec;
import org.recworkbench.core.spec.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recwb simulate}: runs policies against a user simulator and prints a table per variant and arm. */
@Command(name = "simulate", description = "Run the policies of a simulation spec against a user simulator; the "
        + "time series goes to <output>/timeseries.csv as it runs.")
final class SimulateCommand implements Callable<Integer> {
    private final Recwb.Services services;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "SPEC", description = "simulation spec file (.yaml, .yml or .json)")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "folder for results (default: the spec's output, else results/<name>)")
    Path output;

    @Option(names = "--seed", description = "override the spec's seed")
    Long seed;

    @Option(names = "--steps", description = "override the spec's number of steps")
    Long steps;

    @Option(names = "--resume", description = "continue from the checkpoints in the output folder")
    boolean resume;

    SimulateCommand(Recwb.Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (services.simulations() == null) {
            throw new RecWorkbenchException("the simulation engine is not running");
        }
        PluginsCommand.warn(services, err);
        SimulationSpec s = services.specReader().get().readSimulation(specFile);
        if (seed != null || steps != null) {
            s = s.with(seed != null ? seed : s.seed(), steps != null ? steps : s.steps());
        }
        Path folder = output != null ? output : s.output() != null ? Path.of(s.output()) : Path.of("results", s.name());
        out.printf("Simulating '%s' on %s: %d policies, %s traffic, %d steps, seed %d%s%n", s.name(), s.simulator().id(),
                s.policies().size(), s.traffic(), s.steps(), s.seed(), resume ? " (resuming)" : "");
        TerminalProgress progress = new TerminalProgress(err, System.console() != null);
        // Ctrl-C stops the lanes at their next check (every 4,096 steps); the summary of what ran is still written
        try (CancelOnExit cancel = new CancelOnExit(progress)) {
            return report(s, folder, services.simulations().run(s, folder, resume, event -> {
                if (event instanceof SimulationListener.Swapped w) {
                    err.printf("%n  [%s] %s, step %d: %s %s -> %s%n", w.variant(), w.arm(), w.step(), w.reason(),
                            w.from(), w.to());
                } else if (event instanceof SimulationListener.Notice n) {
                    err.println("note: " + n.message());
                }
            }, progress));
        }
    }

    private int report(SimulationSpec s, Path folder, SimulationResult result) {
        out.println();
        out.print(table(result));
        out.printf("Time series and summary in %s (timeseries.csv, summary.csv, spec.json), %.1f s%n", folder,
                result.seconds());
        long failed = result.arms().stream().filter(a -> !a.succeeded()).count();
        for (ArmResult a : result.arms()) {
            if (!a.succeeded()) {
                err.println("  " + a.variant() + "/" + a.label() + ": " + a.failure());
            }
        }
        if (failed > 0) {
            err.printf("recwb: %d of %d arms did not finish%n", failed, result.arms().size());
            return Recwb.EXIT_FAILED_ALGORITHMS;
        }
        return 0;
    }

    static String table(SimulationResult result) {
        List<String> rewardNames = result.arms().isEmpty() ? List.of()
                : new ArrayList<>(result.arms().get(0).rewards().keySet());
        List<String> header = new ArrayList<>(List.of("variant", "arm", "steps"));
        header.addAll(rewardNames);
        header.addAll(List.of("CTR", "regret", "session", "spent", "blocked", "policy"));
        List<List<String>> rows = new ArrayList<>();
        for (ArmResult a : result.arms()) {
            List<String> row = new ArrayList<>(List.of(a.variant(), a.label(), Long.toString(a.steps())));
            for (String r : rewardNames) {
                row.add(format(a.rewards().get(r)));
            }
            row.add(format(a.ctr()));
            row.add(format(a.regret()));
            row.add(format(a.meanSessionLength()));
            row.add(format(a.budgetSpent()));
            row.add(Long.toString(a.blocked()));
            row.add(String.join(" -> ", a.policies().stream().map(p -> p.replaceAll(" \\(.*\\)", "")).toList()));
            rows.add(row);
        }
        return Tables.render(header, rows);
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
