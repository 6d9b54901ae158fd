package org.recworkbench.algo.bandit;

import java.util.List;
import java.util.Map;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Budget;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;

/** Small worlds with known answers, and a loop that runs a policy in them. */
final class Worlds {

    private Worlds() {
    }

    static EnvironmentInfo arms(int n, int slateSize) {
        return new EnvironmentInfo(n, 0, new float[0], 0, ones(n), slateSize, List.of("clicks"));
    }

    static EnvironmentInfo contextual(int n, int contextDim, float[] itemFeatures, int itemDim, float[] costs,
            int slateSize) {
        return new EnvironmentInfo(n, contextDim, itemFeatures, itemDim, costs, slateSize, List.of("clicks"));
    }

    static float[] ones(int n) {
        float[] c = new float[n];
        java.util.Arrays.fill(c, 1f);
        return c;
    }

    static int[] all(int n) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i;
        }
        return c;
    }

    static Policy create(PolicyFactory factory, EnvironmentInfo info, long seed, Map<String, ?> params) {
        return create(factory, info, seed, params, Budget.UNLIMITED);
    }

    static Policy create(PolicyFactory factory, EnvironmentInfo info, long seed, Map<String, ?> params,
            Budget budget) {
        return factory.create(new PolicyContext(info, seed, budget),
                Parameters.validate("params", factory.descriptor().parameters(), params));
    }

    static Step step(float[] feedback) {
        double clicks = 0;
        for (float f : feedback) {
            clicks += f;
        }
        return new Step(feedback, new double[] {clicks}, feedback.length, false, null);
    }

    /**
     * Bernoulli arms with the given click rates, one item per step; returns how often each arm was chosen in
     * the last {@code tail} steps.
     */
    static int[] runBernoulli(Policy policy, double[] rates, int steps, int tail, long seed) {
        SeededRandom random = new SeededRandom(seed);
        int[] all = all(rates.length);
        int[] chosen = new int[rates.length];
        Observation o = new Observation(0, new float[0], all, 0);
        for (int t = 0; t < steps; t++) {
            Action a = policy.act(o);
            int arm = a.slate()[0];
            if (t >= steps - tail) {
                chosen[arm]++;
            }
            policy.observe(o, a, step(new float[] {random.nextDouble() < rates[arm] ? 1f : 0f}));
        }
        return chosen;
    }

    /** A mutable budget the test drives, as the engine would. */
    static final class TestBudget implements Budget {
        final double total;
        final long horizon;
        double spent;
        long steps;

        TestBudget(double total, long horizon) {
            this.total = total;
            this.horizon = horizon;
        }

        @Override
        public double total() {
            return total;
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
    }
}
