package org.recworkbench.core.result;

import java.util.List;

/**
 * One row of a simulation's time series, for one arm: cumulative values after {@code step} steps of its lane
 * ({@code armSteps} of them served by this arm), plus the click-through rate of the steps since the previous
 * point.
 *
 * @param policy the policy serving the arm now, as {@code id (bundle version)}
 * @param rewards cumulative rewards in the order of {@code rewardNames}
 * @param regret cumulative expected regret against the oracle (NaN when not computed)
 * @param windowCtr primary reward per shown slate since the previous point
 * @param event what happened at this point: empty, {@code swap: a -> b}, {@code fallback: a -> b}, {@code end}
 */
public record TimeSeriesPoint(String variant, String arm, String policy, long step, long armSteps,
        List<String> rewardNames, double[] rewards, double regret, double windowCtr, double budgetSpent,
        long blocked, long sessions, double meanSessionLength, String event) {

    public TimeSeriesPoint {
        rewardNames = List.copyOf(rewardNames);
        rewards = rewards.clone();
    }

    public double reward() {
        return rewards.length == 0 ? 0 : rewards[0];
    }
}
