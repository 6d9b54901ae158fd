package org.recworkbench.cli.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Budget;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.result.SimulationResult;
import org.recworkbench.core.spec.SimulationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The interactive benchmarks of docs/benchmarks.md: decisions + updates per second of the installed policies on
 * one thread (100 arms; LinUCB with d = 20), fed by a Bernoulli world with no simulator cost, and the heap over a
 * long simulation (after a full GC at every recorded point), to show that memory stays flat.
 */
@Command(name = "bench-interactive", description = "Measure policy throughput and memory over a long simulation "
        + "(figures for docs/benchmarks.md).")
final class InteractiveBenchCommand implements Callable<Integer> {
    private final Recwb.Services services;
    private final PrintStream out;

    @Option(names = "--seconds", description = "length of each timed repetition (default 2)")
    double seconds = 2;

    @Option(names = "--simulation-steps", description = "steps of the memory run (default 10,000,000; 0 skips it)")
    long simulationSteps = 10_000_000L;

    @Option(names = "--arms", description = "arms (default 100)")
    int arms = 100;

    @Option(names = "--dimension", description = "context dimension of the linear policies (default 20)")
    int dimension = 20;

    InteractiveBenchCommand(Recwb.Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        out.printf(Locale.ROOT, "Java %s, %d cores; %d arms; best of 3 timed runs of about %.0f s after a warm-up, one "
                + "thread%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), arms,
                seconds);
        for (String id : List.of("epsilon-greedy", "ucb1", "bernoulli-ts", "gaussian-ts")) {
            throughput(id, Map.of(), 0, false);
        }
        // d = 20 features: 19 context values and LinUCB's constant 1
        throughput("linucb", Map.of(), dimension - 1, false);
        throughput("linear-ts", Map.of(), dimension - 1, true);
        if (simulationSteps > 0) {
            memory();
        }
        return 0;
    }

    private PolicyFactory factory(String id) {
        return services.registry().policy(id).orElseThrow(() -> new RecWorkbenchException("policy '" + id
                + "' is not installed"));
    }

    /**
     * A world of Bernoulli arms: click rates drawn once; with contexts ({@code d > 0}) the click probability of
     * arm a is {@code σ(θₐ·x − 1)} with θₐ drawn once, a world a linear model can learn.
     */
    private void throughput(String id, Map<String, ?> params, int d, boolean itemFeatures) {
        PolicyFactory f = factory(id);
        SeededRandom world = new SeededRandom(1);
        float[] features = new float[itemFeatures ? arms * d : 0];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) world.nextGaussian();
        }
        float[] costs = new float[arms];
        java.util.Arrays.fill(costs, 1f);
        EnvironmentInfo info = new EnvironmentInfo(arms, d, features, itemFeatures ? d : 0, costs, 1,
                List.of("clicks"));
        double[] rates = new double[arms];
        for (int a = 0; a < arms; a++) {
            rates[a] = 0.05 + 0.4 * world.nextDouble();
        }
        double[] truth = new double[arms * d];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = world.nextGaussian();
        }
        int[] candidates = new int[arms];
        for (int a = 0; a < arms; a++) {
            candidates[a] = a;
        }
        Observation[] contexts = new Observation[1024];
        double[][] contextRates = new double[contexts.length][];
        for (int c = 0; c < contexts.length; c++) {
            float[] x = new float[d];
            for (int i = 0; i < d; i++) {
                x[i] = (float) (world.nextGaussian() / Math.sqrt(Math.max(1, d)));
            }
            contexts[c] = new Observation(c, x, candidates, 0);
            contextRates[c] = rates;
            if (d > 0) {
                contextRates[c] = new double[arms];
                for (int a = 0; a < arms; a++) {
                    double z = -1;
                    for (int i = 0; i < d; i++) {
                        z += truth[a * d + i] * x[i];
                    }
                    contextRates[c][a] = 1 / (1 + Math.exp(-z));
                }
            }
        }
        Step click = new Step(new float[] {1}, new double[] {1}, 1, false, null);
        Step noClick = new Step(new float[] {0}, new double[] {0}, 1, false, null);
        double bestRate = 0;
        long n = 300_000; // the first run warms the JIT up and sizes the timed ones
        for (int rep = 0; rep < 4; rep++) {
            Policy p = f.create(new PolicyContext(info, 7 + rep, Budget.UNLIMITED),
                    Parameters.validate(id, f.descriptor().parameters(), params));
            SeededRandom feedback = new SeededRandom(11 + rep);
            long start = System.nanoTime();
            for (long t = 0; t < n; t++) {
                int c = (int) (t & 1023);
                Observation o = contexts[c];
                Action a = p.act(o);
                p.observe(o, a, feedback.nextDouble() < contextRates[c][a.slate()[0]] ? click : noClick);
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            if (rep == 0) {
                n = Math.max(100_000, (long) (rate * seconds));
            } else {
                bestRate = Math.max(bestRate, rate);
            }
        }
        out.printf(Locale.ROOT, "  %-16s %s %,12.0f decisions+updates/s (%.0f ns each, %,d per run)%n", id,
                d > 0 ? "d=" + (d + 1) : "   ", bestRate, 1e9 / bestRate, n);
    }

    private void memory() throws Exception {
        if (services.simulations() == null) {
            throw new RecWorkbenchException("the simulation engine is not running");
        }
        long every = simulationSteps / 10;
        SimulationSpec spec = new SimulationSpec("memory", 1L, new SimulationSpec.SimulatorSpec("latent-factor",
                Map.of("users", 5000, "items", 500, "slate-size", 3)), null, null, null,
                List.of(new SimulationSpec.PolicySpec("ucb1", "ucb1", Map.of(), null)), simulationSteps,
                "replicate", null, null, every, true, null, null);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<String> heap = new ArrayList<>();
        Path folder = Files.createTempDirectory("recwb-bench-sim");
        SimulationResult result = services.simulations().run(spec, folder, false, event -> {
            if (event instanceof SimulationListener.Recorded r) {
                System.gc();
                heap.add(String.format(Locale.ROOT, "%d M: %.1f MB", r.point().step() / 1_000_000,
                        memory.getHeapMemoryUsage().getUsed() / 1e6));
            }
        }, org.recworkbench.api.ProgressMonitor.NONE);
        out.printf(Locale.ROOT, "Simulation: latent-factor (5,000 users, 500 items, slates of 3), UCB1, regret on; "
                + "%,d steps in %.1f s (%,.0f steps/s)%n", simulationSteps, result.seconds(),
                simulationSteps / result.seconds());
        out.println("  heap after full GC at each recorded point: " + String.join(", ", heap));
    }
}
