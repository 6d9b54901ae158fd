package org.recworkbench.core.result;

import java.util.List;
import java.util.Map;

/**
 * What one arm did over a whole simulation (in one variant).
 *
 * @param policies every policy that served the arm, in order, as {@code id (bundle version)}
 * @param rewards total of each named reward
 * @param regret total expected regret against the oracle (NaN when not computed)
 * @param ctr primary reward per shown slate
 * @param blocked steps on which the policy's action would have cost more than the budget left
 * @param failure why the arm stopped early, or null
 */
public record ArmResult(String variant, String label, String policyId, List<String> policies, long steps,
        Map<String, Double> rewards, double regret, long shown, double ctr, double budgetSpent, long blocked,
        long sessions, double meanSessionLength, String failure) {

    public ArmResult {
        policies = List.copyOf(policies);
        rewards = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rewards));
    }

    public boolean succeeded() {
        return failure == null;
    }

    public double reward() {
        return rewards.values().stream().findFirst().orElse(0.0);
    }
}
