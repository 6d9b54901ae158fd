package org.recworkbench.algo.bandit;

import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Budget;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.SeededRandom;

/**
 * The item choice of the budgeted policies: the candidates with the highest estimated reward per unit cost
 * (LinUCB upper bounds divided by the item's cost) among those the remaining budget can pay for; nothing when
 * none is affordable.
 */
final class CostAwareSlate {

    private final EnvironmentInfo info;
    private final LinUcb.Instance estimator;
    private final double[] ratio;

    CostAwareSlate(EnvironmentInfo info, LinUcb.Instance estimator) {
        this.info = info;
        this.estimator = estimator;
        this.ratio = new double[info.numItems()];
    }

    Action choose(Observation observation, Budget budget, SeededRandom random) {
        estimator.scoreCandidates(observation);
        double[] ucb = estimator.scores();
        float[] costs = info.itemCosts();
        double left = budget.remaining();
        int affordable = 0;
        for (int item : observation.candidates()) {
            double cost = costs[item];
            if (cost > left) {
                ratio[item] = Double.NEGATIVE_INFINITY;
            } else {
                ratio[item] = cost > 0 ? ucb[item] / cost : Double.MAX_VALUE;
                affordable++;
            }
        }
        if (affordable == 0) {
            return Action.skip();
        }
        int[] slate = Slates.top(ratio, observation.candidates(), Math.min(info.slateSize(), affordable), random);
        double total = 0;
        int keep = 0;
        while (keep < slate.length && total + costs[slate[keep]] <= left) {
            total += costs[slate[keep++]];
        }
        return keep == 0 ? Action.skip() : Action.recommend(keep == slate.length ? slate
                : java.util.Arrays.copyOf(slate, keep));
    }
}
