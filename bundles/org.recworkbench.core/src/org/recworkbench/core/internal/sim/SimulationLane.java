package org.recworkbench.core.internal.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.Step;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.result.TimeSeriesPoint;

/**
 * One world and the arms that serve it, stepped on one thread. Every step: notice hot swaps (one volatile
 * read), pick the arm (the only one, or by a stable hash of the user under {@code split}), let its policy act,
 * refuse what the arm's budget cannot pay, ask the oracle for regret, step the world, let the policy learn,
 * account. A swap happens only here, between two steps, so no step is lost or served twice.
 */
final class SimulationLane implements Callable<List<SimulationArm>> {

    /** How the lane is configured. */
    record Setup(String variant, int index, long steps, long recordEvery, long checkpointEvery, boolean regret,
            long assignmentSeed, Path checkpointFile) {
    }

    private final Setup setup;
    private final Environment env;
    private final EnvironmentInfo info;
    private final List<SimulationArm> arms;
    private final double[] cumulativeShare;
    private final PolicyBinder binder;
    private final TimeSeriesCsv csv;
    private final SimulationListener listener;
    private final ProgressMonitor monitor;
    private long startStep;
    private Observation observation;

    SimulationLane(Setup setup, Environment env, List<SimulationArm> arms, PolicyBinder binder, TimeSeriesCsv csv, SimulationListener listener, ProgressMonitor monitor) {
        this.setup = setup;
        this.env = env;
        this.info = env.info();
        this.arms = arms;
        this.binder = binder;
        this.csv = csv;
        this.listener = listener;
        this.monitor = monitor;
        double total = arms.stream().mapToDouble(a -> a.spec.share()).sum();
        this.cumulativeShare = new double[arms.size()];
        double running = 0;
        for (int a = 0; a < arms.size(); a++) {
            running += arms.get(a).spec.share() / total;
            cumulativeShare[a] = running;
        }
        cumulativeShare[arms.size() - 1] = 1.0;
    }

    /** Starts every arm on its preferred policy service. */
    void startFresh() {
        for (SimulationArm arm : arms) {
            PolicyFactory factory = binder.preferred(arm).orElseThrow();
            arm.serve(PolicyBinder.provider(factory), factory, binder.create(factory, arm, info, 0));
        }
        observation = env.start();
        startStep = 0;
    }

    /** Continues from a checkpoint: arms get their totals and policy state back, the world its state. */
    void restore(Checkpoint.Saved saved) throws IOException {
        env.readState(Checkpoint.input(saved.environment()));
        for (int a = 0; a < arms.size(); a++) {
            SimulationArm arm = arms.get(a);
            Checkpoint.SavedArm s = saved.arms().get(a);
            if (!s.label().equals(arm.spec.label())) {
                throw new IOException("checkpoint arm '" + s.label() + "' is not the spec's '" + arm.spec.label() + "'");
            }
            arm.readTotals(Checkpoint.input(s.totals()));
            arm.failure = s.failure();
            if (arm.failure != null) {
                continue;
            }
            PolicyFactory factory = binder.preferred(arm).orElseThrow(() -> new IOException("policy '" + arm.spec.id()
                    + "' of arm '" + arm.spec.label() + "' is not installed"));
            String provider = PolicyBinder.provider(factory);
            arm.serve(provider, factory, binder.create(factory, arm, info, s.generation()));
            arm.generation = s.generation();
            if (!provider.equals(s.provider())) {
                listener.onEvent(new SimulationListener.Notice("arm " + arm.spec.label() + ": checkpoint written by "
                        + s.provider() + ", continuing with " + provider));
            }
            arm.policy.readState(Checkpoint.input(s.policy()));
        }
        observation = saved.observation();
        startStep = saved.step();
    }

    @Override
    public List<SimulationArm> call() throws IOException {
        long seenChanges = binder.changes();
        followSwaps(startStep);
        long reported = 0;
        for (long step = startStep; step < setup.steps(); step++) {
            long changes = binder.changes();
            if (changes != seenChanges) {
                seenChanges = changes;
                followSwaps(step);
            }
            SimulationArm arm = arms.size() == 1 ? arms.get(0) : assign(observation.user());
            if (arm.failure != null) {
                if (arms.stream().allMatch(a -> a.failure != null && !a.orphaned)) {
                    break;
                }
                observation = env.step(Action.skip()).next(); // its users are served nothing while it is down
                continue;
            }
            Observation seen = observation;
            Step result;
            try {
                Action action = arm.policy.act(seen);
                if (!action.isSkip() && info.cost(action.slate()) > arm.remaining() + 1e-9) {
                    action = Action.skip();
                    arm.blocked++;
                }
                double regret = 0;
                if (setup.regret()) {
                    regret = Math.max(0, env.expectedReward(env.bestAction()) - env.expectedReward(action));
                }
                result = env.step(action);
                arm.policy.observe(seen, action, result);
                arm.account(action.isSkip(), result.rewards(), result.cost(), regret, result.sessionEnded());
            } catch (RuntimeException e) {
                arm.failure = "policy " + arm.provider + " failed at step " + step + ": " + e;
                record(step, "failed");
                if (arms.size() == 1) {
                    break;
                }
                continue;
            }
            observation = result.next();
            long done = step + 1;
            if (done % setup.recordEvery() == 0 || done == setup.steps()) {
                record(done, done == setup.steps() ? "end" : "");
            }
            if (setup.checkpointEvery() > 0 && (done % setup.checkpointEvery() == 0 || done == setup.steps())) {
                Checkpoint.write(setup.checkpointFile(), done, observation, arms, env);
            }
            if ((done & 4095) == 0) {
                monitor.worked(done - reported);
                reported = done;
                if (monitor.isCanceled()) {
                    for (SimulationArm a : arms) {
                        if (a.failure == null) {
                            a.failure = "canceled at step " + done;
                        }
                    }
                    record(done, "canceled");
                    break;
                }
            }
        }
        monitor.worked(Math.max(0, setup.steps() - startStep - reported));
        return arms;
    }

    /** The arm a user belongs to: a stable hash of (user, seed) against the cumulative shares. */
    private SimulationArm assign(int user) {
        long h = user * 0x9E3779B97F4A7C15L + setup.assignmentSeed();
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        double u = (h >>> 11) * 0x1.0p-53;
        for (int a = 0; a < cumulativeShare.length; a++) {
            if (u < cumulativeShare[a]) {
                return arms.get(a);
            }
        }
        return arms.get(arms.size() - 1);
    }

    /**
     * Re-binds every arm whose preferred policy service changed and records each switch at this step. An arm
     * whose policy went away without a fallback waits, serving nothing, until a policy with its id returns.
     */
    private void followSwaps(long step) {
        for (SimulationArm arm : arms) {
            if (arm.failure != null && !arm.orphaned) {
                continue;
            }
            Optional<PolicyFactory> preferred = binder.preferred(arm);
            if (preferred.isEmpty()) {
                if (!arm.orphaned) {
                    arm.orphaned = true;
                    arm.failure = "policy '" + arm.spec.id() + "' went away at step " + step
                            + " and no fallback is configured";
                    recordArm(arm, step, "stopped: " + arm.provider + " went away");
                }
                continue;
            }
            PolicyFactory factory = preferred.get();
            if (factory == arm.factory && !arm.orphaned) {
                continue;
            }
            String from = arm.provider;
            String to = PolicyBinder.provider(factory);
            String reason = !binder.isOwn(factory, arm) ? "fallback"
                    : arm.factory != null && factory.descriptor().id().equals(arm.factory.descriptor().id())
                            ? "updated" : "switched";
            try {
                arm.serve(to, factory, binder.create(factory, arm, info, arm.generation));
            } catch (RuntimeException e) {
                arm.orphaned = false;
                arm.failure = "policy '" + arm.spec.id() + "': cannot switch to " + to + ": " + e.getMessage();
                recordArm(arm, step, "failed: cannot switch to " + to);
                continue;
            }
            arm.orphaned = false;
            arm.failure = null;
            listener.onEvent(new SimulationListener.Swapped(setup.variant(), arm.spec.label(), step, from, to,
                    reason));
            recordArm(arm, step, (reason.equals("fallback") ? "fallback: " : "swap: ") + from + " -> " + to);
        }
    }

    private void record(long step, String event) {
        for (SimulationArm arm : arms) {
            recordArm(arm, step, event);
        }
    }

    private void recordArm(SimulationArm arm, long step, String event) {
        TimeSeriesPoint p = arm.point(setup.variant(), step, setup.regret(), event);
        csv.write(p);
        listener.onEvent(new SimulationListener.Recorded(p));
    }
}
