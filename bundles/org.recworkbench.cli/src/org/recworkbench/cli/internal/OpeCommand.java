package org.recworkbench.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.metrics.ope.BanditEstimator;
import org.recworkbench.metrics.ope.Estimate;
import org.recworkbench.metrics.ope.ObdStudy;
import org.recworkbench.metrics.ope.SimulatedStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recwb ope}: how well each off-policy estimator recovers a known policy value — on the Open Bandit
 * Dataset (each logging policy estimated from the other's log) and on logs drawn from the latent-factor
 * simulator (bandit and slate estimators, under both click models).
 */
@Command(name = "ope", description = "Off-policy evaluation studies: estimators against known policy values on the "
        + "Open Bandit Dataset and on simulated logs.")
final class OpeCommand implements Callable<Integer> {
    private final Recwb.Services services;
    private final PrintStream out;

    @Option(names = "--obd", description = "the obd folder (default: ../shared/datasets/obd; 'none' skips it)")
    String obd = Path.of("..", "shared", "datasets", "obd").toString();

    @Option(names = "--campaigns", split = ",", description = "OBD campaigns (default: men,women)")
    List<String> campaigns = List.of("men", "women");

    @Option(names = "--rounds", description = "rounds per simulated log (default 10,000)")
    int rounds = 10_000;

    @Option(names = "--repetitions", description = "simulated logs per study (default 20)")
    int repetitions = 20;

    @Option(names = "--resamples", description = "bootstrap resamples for OBD intervals (default 1,000)")
    int resamples = 1000;

    @Option(names = "--switch-threshold", description = "τ of Switch-DR (default 10)")
    double tau = 10;

    @Option(names = "--seed", description = "seed (default 42)")
    long seed = 42;

    @Option(names = {"-o", "--output"}, description = "folder for ope-obd.csv and ope-simulated.csv "
            + "(default results/ope)")
    Path output = Path.of("results", "ope");

    OpeCommand(Recwb.Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(output);
        List<BanditEstimator> estimators = BanditEstimator.standard(tau);
        if (!obd.equals("none")) {
            obd(estimators);
        }
        if (rounds > 0 && repetitions > 0) {
            simulated();
        }
        return 0;
    }

    private void obd(List<BanditEstimator> estimators) throws IOException {
        DatasetAdapter adapter = services.registry().datasetAdapter("obd").orElseThrow(() ->
                new RecWorkbenchException("the obd dataset adapter is not installed"));
        List<String> csv = new ArrayList<>(List.of("campaign,target,logged_by,rounds,truth,estimator,estimate,lower,"
                + "upper,relative_error"));
        for (String campaign : campaigns) {
            Dataset random = adapter.load(Map.of("path", obd, "policy", "random", "campaign", campaign),
                    ProgressMonitor.NONE);
            Dataset bts = adapter.load(Map.of("path", obd, "policy", "bts", "campaign", campaign), ProgressMonitor.NONE);
            for (ObdStudy.Row row : ObdStudy.run(random, bts, estimators, resamples, seed)) {
                out.printf(Locale.ROOT, "OBD %s: %s estimated from the %s log (%,d rounds); true value %.5f%n",
                        campaign, row.target(), row.loggedBy(), row.rounds(), row.truth());
                List<List<String>> table = new ArrayList<>();
                for (Estimate e : row.estimates()) {
                    table.add(List.of(e.estimator(), f(e.value()), "[" + f(e.lower()) + ", " + f(e.upper()) + "]",
                            f(e.relativeError(row.truth()))));
                    csv.add(String.join(",", campaign, row.target(), row.loggedBy(), Integer.toString(row.rounds()),
                            f(row.truth()), e.estimator(), f(e.value()), f(e.lower()), f(e.upper()),
                            f(e.relativeError(row.truth()))));
                }
                out.print(Tables.render(List.of("estimator", "estimate", "95% interval", "relative error"), table));
                out.println();
            }
        }
        Files.write(output.resolve("ope-obd.csv"), csv, StandardCharsets.UTF_8);
    }

    private void simulated() throws IOException {
        Simulator sim = services.registry().simulator("latent-factor").orElseThrow(() ->
                new RecWorkbenchException("the latent-factor simulator is not installed"));
        List<String> csv = new ArrayList<>(List.of("study,truth,estimator,mean_estimate,bias,rmse,"
                + "mean_relative_error,sd_relative_error"));
        Map<String, Object> world = Map.of("users", 2000, "items", 200, "candidates", 20);
        print("Simulated bandit logs: 1 of 20 candidates, logging = 20 % uniform + 80 % softmax of a noisy view",
                "bandit", SimulatedStudy.bandit(sim, world, rounds, repetitions, 100_000, tau, seed), csv);
        for (String model : List.of("position-based", "cascade")) {
            Map<String, Object> slates = Map.of("users", 2000, "items", 200, "candidates", 8, "slate-size", 3,
                    "click-model", model);
            print("Simulated slate logs (" + model + " clicks): 3 of 8 candidates, logging uniform, target "
                    + "Plackett-Luce", "slates-" + model, SimulatedStudy.slates(sim, slates, rounds, repetitions,
                            20_000, 0.5, seed), csv);
        }
        Files.write(output.resolve("ope-simulated.csv"), csv, StandardCharsets.UTF_8);
        out.printf("Tables in %s (ope-obd.csv, ope-simulated.csv)%n", output);
    }

    private void print(String title, String study, List<SimulatedStudy.Summary> rows, List<String> csv) {
        out.printf(Locale.ROOT, "%s; %d logs of %,d rounds; true value %.5f%n", title, repetitions, rounds,
                rows.get(0).truth());
        List<List<String>> table = new ArrayList<>();
        for (SimulatedStudy.Summary s : rows) {
            table.add(List.of(s.estimator(), f(s.meanEstimate()), f(s.bias()), f(s.rmse()),
                    f(s.meanRelativeError()) + " ± " + f(s.sdRelativeError())));
            csv.add(String.join(",", study, f(s.truth()), s.estimator(), f(s.meanEstimate()), f(s.bias()), f(s.rmse()),
                    f(s.meanRelativeError()), f(s.sdRelativeError())));
        }
        out.print(Tables.render(List.of("estimator", "mean estimate", "bias", "RMSE", "relative error"), table));
        out.println();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }
}
