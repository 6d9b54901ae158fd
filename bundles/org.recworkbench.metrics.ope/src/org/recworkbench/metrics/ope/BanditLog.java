package org.recworkbench.metrics.ope;

import java.util.Objects;

/**
 * Logged bandit feedback: for each of n rounds, the action taken, its slot (position; 0 when there is one), the
 * reward, the behaviour policy's probability of that action, and the target policy's whole action distribution
 * for that round ({@code target[i·actions + a]}). {@code contexts} optionally groups rounds by a discrete context
 * for the reward model (-1 or null: no grouping).
 */
public record BanditLog(int actions, int positions, int[] action, int[] position, double[] reward,
        double[] behaviour, double[] target, int[] contexts) {

    public BanditLog {
        Objects.requireNonNull(action, "action");
        int n = action.length;
        if (position.length != n || reward.length != n || behaviour.length != n
                || target.length != (long) n * actions || (contexts != null && contexts.length != n)) {
            throw new IllegalArgumentException("every column needs one value per round (" + n + " rounds, "
                    + actions + " actions)");
        }
        for (int i = 0; i < n; i++) {
            if (!(behaviour[i] > 0 && behaviour[i] <= 1)) {
                throw new IllegalArgumentException("round " + i + ": behaviour probability " + behaviour[i]
                        + " is not in (0, 1]; off-policy estimates need the logged action's probability");
            }
            if (action[i] < 0 || action[i] >= actions || position[i] < 0 || position[i] >= positions) {
                throw new IllegalArgumentException("round " + i + ": action " + action[i] + " or position "
                        + position[i] + " out of range");
            }
        }
    }

    public int size() {
        return action.length;
    }

    /** The importance weight π_target(aᵢ) / π_behaviour(aᵢ) of round i. */
    public double weight(int i) {
        return target[i * actions + action[i]] / behaviour[i];
    }

    public double targetProbability(int i, int a) {
        return target[i * actions + a];
    }
}
