package org.recworkbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.SimulationContext;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.api.interactive.SimulatorDescriptor;
import org.recworkbench.api.interactive.Step;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.internal.sim.DefaultSimulationRunner;
import org.recworkbench.core.result.ArmResult;
import org.recworkbench.core.result.SimulationResult;
import org.recworkbench.core.spec.SimulationSpec;
import org.recworkbench.core.spec.SimulationSpec.CheckpointSpec;
import org.recworkbench.core.spec.SimulationSpec.PolicySpec;
import org.recworkbench.core.spec.SimulationSpec.SimulatorSpec;

/**
 * The simulation loop against a world whose answers are known: Bernoulli items with fixed click rates. Regret
 * by formula, budgets never exceeded, traffic split in proportion, and a run stopped and resumed from its
 * checkpoint is identical, file for file, to one that never stopped.
 */
class SimulationRunnerTest {

    static final double[] RATES = {0.1, 0.5, 0.3, 0.2};

    /** Users arrive at random; each session is one step; clicks are Bernoulli(rate of the first item). */
    static final class Arms implements Simulator {
        @Override
        public SimulatorDescriptor descriptor() {
            return new SimulatorDescriptor("arms", null, "Bernoulli items", null,
                    List.of(ParameterDescriptor.ofInt("users", 10_000, 1, 1_000_000, "users")), false);
        }

        @Override
        public Environment create(SimulationContext context, Parameters params) {
            int users = params.getInt("users");
            SeededRandom random = new SeededRandom(context.seed());
            EnvironmentInfo info = new EnvironmentInfo(RATES.length, 0, new float[0], 0, new float[] {1, 1, 1, 1}, 1,
                    List.of("clicks"));
            int[] all = {0, 1, 2, 3};
            return new Environment() {
                Observation current;

                @Override
                public EnvironmentInfo info() {
                    return info;
                }

                @Override
                public Observation start() {
                    current = new Observation(random.nextInt(users), new float[0], all, 0);
                    return current;
                }

                @Override
                public Step step(Action action) {
                    float click = !action.isSkip() && random.nextDouble() < RATES[action.slate()[0]] ? 1 : 0;
                    Observation next = new Observation(random.nextInt(users), new float[0], all, 0);
                    current = next;
                    return new Step(action.isSkip() ? new float[0] : new float[] {click}, new double[] {click},
                            info.cost(action.slate()), true, next);
                }

                @Override
                public double expectedReward(Action action) {
                    return action.isSkip() ? 0 : RATES[action.slate()[0]];
                }

                @Override
                public Action bestAction() {
                    return Action.recommend(1);
                }

                @Override
                public void writeState(DataOutput out) throws IOException {
                    random.writeState(out);
                }

                @Override
                public void readState(DataInput in) throws IOException {
                    random.readState(in);
                }
            };
        }
    }

    /** Always the same item ({@code item}), or, with {@code epsilon} > 0, ε-greedy on click counts. */
    static final class Learner implements PolicyFactory {
        private final String id;

        Learner(String id) {
            this.id = id;
        }

        @Override
        public PolicyDescriptor descriptor() {
            return new PolicyDescriptor(id, null, "bandit", "test", null, List.of(
                    ParameterDescriptor.ofInt("item", 0, 0, 3, "the fixed item"),
                    ParameterDescriptor.ofDouble("epsilon", 0, 0, 1, "exploration")));
        }

        @Override
        public Policy create(PolicyContext context, Parameters params) {
            int item = params.getInt("item");
            double epsilon = params.getDouble("epsilon");
            SeededRandom random = new SeededRandom(context.seed());
            double[] clicks = new double[4];
            double[] shown = new double[4];
            return new Policy() {
                @Override
                public Action act(Observation o) {
                    if (epsilon == 0) {
                        return Action.recommend(item);
                    }
                    if (random.nextDouble() < epsilon) {
                        return Action.recommend(random.nextInt(4));
                    }
                    int best = 0;
                    for (int i = 1; i < 4; i++) {
                        if (clicks[i] / Math.max(1, shown[i]) > clicks[best] / Math.max(1, shown[best])) {
                            best = i;
                        }
                    }
                    return Action.recommend(best);
                }

                @Override
                public void observe(Observation o, Action a, Step s) {
                    if (!a.isSkip()) {
                        shown[a.slate()[0]]++;
                        clicks[a.slate()[0]] += s.slotFeedback()[0];
                    }
                }

                @Override
                public void writeState(DataOutput out) throws IOException {
                    random.writeState(out);
                    for (int i = 0; i < 4; i++) {
                        out.writeDouble(clicks[i]);
                        out.writeDouble(shown[i]);
                    }
                }

                @Override
                public void readState(DataInput in) throws IOException {
                    random.readState(in);
                    for (int i = 0; i < 4; i++) {
                        clicks[i] = in.readDouble();
                        shown[i] = in.readDouble();
                    }
                }
            };
        }
    }

    private static DefaultSimulationRunner runner() {
        DefaultPluginRegistry registry = new DefaultPluginRegistry();
        registry.addSimulator(new Arms(), Map.of());
        registry.addPolicy(new Learner("fixed"), Map.of("service.id", 1L));
        registry.addPolicy(new Learner("greedy"), Map.of("service.id", 2L));
        return new DefaultSimulationRunner(registry, null);
    }

    private static SimulationSpec spec(long steps, String traffic, Double budget, CheckpointSpec checkpoint,
            PolicySpec... arms) {
        return new SimulationSpec("t", 3L, new SimulatorSpec("arms", Map.of()), null, null, null, List.of(arms),
                steps, traffic, budget, null, 1000L, true, checkpoint, null);
    }

    @Test
    void regretIsTheGapToTheBestItem(@TempDir Path out) {
        SimulationResult r = runner().run(spec(10_000, "replicate", null, null,
                new PolicySpec("fixed", "always-0", Map.of("item", 0), null),
                new PolicySpec("fixed", "always-1", Map.of("item", 1), null)), out, false, SimulationListener.NONE,
                ProgressMonitor.NONE);
        // expected regret per step: 0.5 - 0.1 for item 0, 0 for the best item
        assertEquals(10_000 * 0.4, r.arms().get(0).regret(), 1e-6);
        assertEquals(0, r.arms().get(1).regret(), 1e-12);
        // clicks of the best item: binomial(10000, 0.5), within 5 standard deviations
        assertEquals(5000, r.arms().get(1).reward(), 5 * Math.sqrt(10_000 * 0.25));
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
    }

    @Test
    void theBudgetIsNeverExceeded(@TempDir Path out) {
        SimulationResult r = runner().run(spec(5000, "replicate", 120.0, null,
                new PolicySpec("fixed", "a", Map.of("item", 1), null)), out, false, SimulationListener.NONE,
                ProgressMonitor.NONE);
        ArmResult a = r.arms().get(0);
        assertEquals(120, a.budgetSpent(), 1e-9);
        assertEquals(120, a.shown());
        assertEquals(5000 - 120, a.blocked());
    }

    @Test
    void splitTrafficFollowsTheShares(@TempDir Path out) {
        SimulationResult r = runner().run(spec(40_000, "split", 400.0, null,
                new PolicySpec("fixed", "three", Map.of(), 3.0), new PolicySpec("fixed", "one", Map.of(), 1.0)),
                out, false, SimulationListener.NONE, ProgressMonitor.NONE);
        long three = r.arms().get(0).steps();
        long one = r.arms().get(1).steps();
        assertEquals(40_000, three + one, "every step served by one arm");
        // 10,000 users hashed into 3:1 buckets; sd of the share over users is about 0.0043
        assertEquals(0.75, three / 40_000.0, 0.03);
        // the budget is split in proportion too
        assertEquals(300, r.arms().get(0).budgetSpent(), 1e-9);
        assertEquals(100, r.arms().get(1).budgetSpent(), 1e-9);
    }

    @Test
    void aResumedRunIsIdenticalToAnUninterruptedOne(@TempDir Path dir) throws Exception {
        long steps = 50_000;
        PolicySpec greedy = new PolicySpec("greedy", "g", Map.of("epsilon", 0.1), null);
        Path whole = dir.resolve("whole");
        Path interrupted = dir.resolve("interrupted");
        SimulationResult a = runner().run(spec(steps, "replicate", null, null, greedy), whole, false,
                SimulationListener.NONE, ProgressMonitor.NONE);
        // stop after about 30,000 steps; the last checkpoint is at 20,000
        ProgressMonitor stopping = new ProgressMonitor() {
            long work;

            @Override
            public void begin(String task, long totalWork) {
            }

            @Override
            public synchronized void worked(long w) {
                work += w;
            }

            @Override
            public void done() {
            }

            @Override
            public synchronized boolean isCanceled() {
                return work >= 30_000;
            }
        };
        SimulationResult stopped = runner().run(spec(steps, "replicate", null, new CheckpointSpec(10_000L), greedy),
                interrupted, false, SimulationListener.NONE, stopping);
        assertFalse(stopped.succeeded());
        SimulationResult resumed = runner().run(spec(steps, "replicate", null, new CheckpointSpec(10_000L), greedy),
                interrupted, true, SimulationListener.NONE, ProgressMonitor.NONE);
        assertTrue(resumed.succeeded(), resumed.arms().get(0).failure());
        assertEquals(a.arms().get(0).rewards(), resumed.arms().get(0).rewards());
        assertEquals(a.arms().get(0).regret(), resumed.arms().get(0).regret(), 1e-6);
        assertEquals(Files.readAllLines(whole.resolve("timeseries.csv")),
                Files.readAllLines(interrupted.resolve("timeseries.csv")));
    }

    @Test
    void aRunningSimulationSwitchesAnArmByHandAndStops(@TempDir Path dir) throws Exception {
        long steps = 3_000_000;
        java.util.concurrent.CountDownLatch going = new java.util.concurrent.CountDownLatch(1);
        List<SimulationListener.Swapped> swaps = new java.util.concurrent.CopyOnWriteArrayList<>();
        SimulationListener listener = e -> {
            if (e instanceof SimulationListener.Recorded r && r.point().step() >= 2000) {
                going.countDown();
            }
            if (e instanceof SimulationListener.Swapped s) {
                swaps.add(s);
            }
        };
        var running = runner().start(spec(steps, "replicate", null, null,
                new PolicySpec("fixed", "a", Map.of("item", 0), null)), dir.resolve("one"), false, listener,
                ProgressMonitor.NONE);
        assertTrue(going.await(30, java.util.concurrent.TimeUnit.SECONDS));
        assertThrows(InvalidSpecException.class, () -> running.swap("nope", "greedy"));
        assertThrows(InvalidSpecException.class, () -> running.swap("a", "nope"));
        running.swap("a", "greedy");
        SimulationResult r = running.result().get(120, java.util.concurrent.TimeUnit.SECONDS);
        ArmResult arm = r.arms().get(0);
        assertTrue(arm.succeeded(), arm.failure());
        assertEquals(steps, arm.steps(), "every step served once");
        assertEquals(List.of("fixed", "greedy"), arm.policies());
        assertEquals(1, swaps.size());
        assertEquals("switched", swaps.get(0).reason());

        var stopped = runner().start(spec(100_000_000, "replicate", null, null,
                new PolicySpec("fixed", "a", Map.of(), null)), dir.resolve("two"), false, SimulationListener.NONE,
                ProgressMonitor.NONE);
        stopped.cancel();
        SimulationResult partial = stopped.result().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(partial.arms().get(0).failure().startsWith("canceled at step"), partial.arms().get(0).failure());
        assertTrue(partial.arms().get(0).steps() < 100_000_000);
    }

    @Test
    void specErrorsNameTheField(@TempDir Path out) {
        InvalidSpecException p = assertThrows(InvalidSpecException.class, () -> runner().run(spec(10, "replicate",
                null, null, new PolicySpec("nope", null, Map.of(), null)), out, false, SimulationListener.NONE,
                ProgressMonitor.NONE));
        assertEquals("policies[0].id", p.field());
        InvalidSpecException q = assertThrows(InvalidSpecException.class, () -> runner().run(spec(10, "replicate",
                null, null, new PolicySpec("fixed", null, Map.of("item", 9), null)), out, false,
                SimulationListener.NONE, ProgressMonitor.NONE));
        assertEquals("policies[0].params.item", q.field());
        InvalidSpecException t = assertThrows(InvalidSpecException.class, () -> spec(10, "sideways", null, null,
                new PolicySpec("fixed", null, Map.of(), null)).validate());
        assertEquals("traffic", t.field());
        InvalidSpecException d = assertThrows(InvalidSpecException.class, () -> spec(10, "split", null, null,
                new PolicySpec("fixed", "x", Map.of(), null), new PolicySpec("greedy", "x", Map.of(), null))
                .validate());
        assertEquals("policies[1].label", d.field());
        assertFalse(Files.exists(out.resolve("timeseries.csv")), "nothing written for a rejected spec");
    }

    @Test
    void resumingAnotherSpecsCheckpointsIsRefusedAndAFreshRunClearsTheLastOnesFiles(@TempDir Path out)
            throws Exception {
        PolicySpec greedy = new PolicySpec("greedy", "greedy", Map.of(), null);
        SimulationSpec first = spec(20_000, "replicate", null, new CheckpointSpec(5_000L), greedy);
        assertTrue(runner().run(first, out, false, SimulationListener.NONE, ProgressMonitor.NONE).succeeded());
        // another seed and length: resuming would mix two runs in one time series
        SimulationSpec other = first.with(4L, 30_000L);
        org.recworkbench.api.RecWorkbenchException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.recworkbench.api.RecWorkbenchException.class,
                () -> runner().run(other, out, true, SimulationListener.NONE, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("seed: 3 in the checkpointed run, 4 now"), e.getMessage());
        assertTrue(e.getMessage().contains("steps: 20000 in the checkpointed run, 30000 now"), e.getMessage());
        // leftovers of a killed run and the last run's files go; a file of the user's stays
        Files.writeString(out.resolve("timeseries.csv.tmp"), "half");
        Files.writeString(out.resolve("checkpoints").resolve("t.0.ckpt.tmp"), "half");
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("checkpoints").resolve("gone.9.ckpt"), "a checkpoint of the last run");
        SimulationSpec shorter = spec(2_000, "replicate", null, null, greedy);
        assertTrue(runner().run(shorter, out, false, SimulationListener.NONE, ProgressMonitor.NONE).succeeded());
        assertFalse(Files.exists(out.resolve("timeseries.csv.tmp")));
        assertFalse(Files.exists(out.resolve("checkpoints").resolve("t.0.ckpt.tmp")));
        assertFalse(Files.exists(out.resolve("checkpoints").resolve("gone.9.ckpt")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        // only the new run's rows: 2,000 steps recorded every 1,000
        assertEquals(3, Files.readAllLines(out.resolve("timeseries.csv")).size());
    }
}
