package org.recworkbench.core.internal.sim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recworkbench.api.interactive.Budget;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.core.result.ArmResult;
import org.recworkbench.core.result.TimeSeriesPoint;
import org.recworkbench.core.spec.SimulationSpec.PolicySpec;

/**
 * One arm of a lane: the policy serving it now, the service it came from, its budget (a live {@link Budget}
 * view handed to the policy) and its running totals. Confined to its lane's thread.
 */
final class SimulationArm implements Budget {

    final PolicySpec spec;
    final List<String> rewardNames;
    final double budgetTotal;
    final long horizon;
    PolicyFactory factory;
    Policy policy;
    String provider;
    final List<String> providers = new ArrayList<>();
    int generation;
    String failure;
    /** The arm's policy went away with no fallback; it serves nothing until one returns. */
    boolean orphaned;

    long steps;
    long shown;
    final double[] rewards;
    double regret;
    double spent;
    long blocked;
    long sessions;
    long sessionSteps;
    long currentSessionSteps;

    private long windowShown;
    private double windowReward;

    SimulationArm(PolicySpec spec, List<String> rewardNames, double budgetTotal, long horizon) {
        this.spec = spec;
        this.rewardNames = rewardNames;
        this.budgetTotal = budgetTotal;
        this.horizon = horizon;
        this.rewards = new double[rewardNames.size()];
    }

    @Override
    public double total() {
        return budgetTotal;
    }

    @Override
    public double spent() {
        return spent;
    }

    @Override
    public long horizon() {
        return horizon;
    }

    @Override
    public long steps() {
        return steps;
    }

    void serve(String newProvider, PolicyFactory newFactory, Policy newPolicy) {
        factory = newFactory;
        policy = newPolicy;
        provider = newProvider;
        providers.add(newProvider);
        generation++;
    }

    void account(boolean skipped, double[] stepRewards, double cost, double stepRegret, boolean sessionEnded) {
        steps++;
        if (!skipped) {
            shown++;
            windowShown++;
        }
        for (int r = 0; r < rewards.length && r < stepRewards.length; r++) {
            rewards[r] += stepRewards[r];
        }
        windowReward += stepRewards.length == 0 ? 0 : stepRewards[0];
        spent += cost;
        regret += stepRegret;
        currentSessionSteps++;
        if (sessionEnded) {
            sessions++;
            sessionSteps += currentSessionSteps;
            currentSessionSteps = 0;
        }
    }

    double meanSessionLength() {
        return sessions == 0 ? Double.NaN : (double) sessionSteps / sessions;
    }

    TimeSeriesPoint point(String variant, long laneStep, boolean withRegret, String event) {
        double ctr = windowShown == 0 ? Double.NaN : windowReward / windowShown;
        windowShown = 0;
        windowReward = 0;
        return new TimeSeriesPoint(variant, spec.label(), provider, laneStep, steps, rewardNames, rewards,
                withRegret ? regret : Double.NaN, ctr, spent, blocked, sessions, meanSessionLength(), event);
    }

    ArmResult result(String variant, boolean withRegret) {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (int r = 0; r < rewards.length; r++) {
            totals.put(rewardNames.get(r), rewards[r]);
        }
        return new ArmResult(variant, spec.label(), spec.id(), providers, steps, totals,
                withRegret ? regret : Double.NaN, shown, shown == 0 ? Double.NaN : rewards[0] / shown, spent, blocked,
                sessions, meanSessionLength(), failure);
    }

    void writeTotals(DataOutput out) throws IOException {
        out.writeLong(steps);
        out.writeLong(shown);
        out.writeInt(rewards.length);
        for (double r : rewards) {
            out.writeDouble(r);
        }
        out.writeDouble(regret);
        out.writeDouble(spent);
        out.writeLong(blocked);
        out.writeLong(sessions);
        out.writeLong(sessionSteps);
        out.writeLong(currentSessionSteps);
        out.writeDouble(windowReward);
        out.writeLong(windowShown);
    }

    void readTotals(DataInput in) throws IOException {
        steps = in.readLong();
        shown = in.readLong();
        if (in.readInt() != rewards.length) {
            throw new IOException("the checkpoint has another number of rewards than this simulator");
        }
        for (int r = 0; r < rewards.length; r++) {
            rewards[r] = in.readDouble();
        }
        regret = in.readDouble();
        spent = in.readDouble();
        blocked = in.readLong();
        sessions = in.readLong();
        sessionSteps = in.readLong();
        currentSessionSteps = in.readLong();
        windowReward = in.readDouble();
        windowShown = in.readLong();
    }
}
