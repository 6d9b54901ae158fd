package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;

/**
 * Thompson sampling with a Beta(α, β) prior per arm: draws each candidate's click rate from its posterior and
 * shows the highest draws. Feedback in (0, 1) counts as a success with that probability (Agrawal &amp; Goyal's
 * reduction), so the posterior stays Beta.
 */
@Component(service = PolicyFactory.class)
public class BernoulliThompson implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("bernoulli-ts", "Bernoulli Thompson sampling",
            "bandit", "Posterior sampling with Beta posteriors over per-item click rates",
            "S. Agrawal and N. Goyal. Analysis of Thompson sampling for the multi-armed bandit problem. COLT 2012",
            List.of(ParameterDescriptor.ofDouble("alpha", 1, 1e-6, 1e6, "prior successes α"),
                    ParameterDescriptor.ofDouble("beta", 1, 1e-6, 1e6, "prior failures β")));

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new Instance(context, params.getDouble("alpha"), params.getDouble("beta"));
    }

    static final class Instance implements Policy {
        private final double[] successes;
        private final double[] failures;
        /** Marsaglia–Tsang constants d = shape − 1/3 and c = 1/sqrt(9d) of both gamma draws, per arm. */
        private final double[] dSuccess;
        private final double[] cSuccess;
        private final double[] dFailure;
        private final double[] cFailure;
        private final int slateSize;
        private final double[] score;
        private final SeededRandom random;

        Instance(PolicyContext context, double alpha, double beta) {
            int arms = context.environment().numItems();
            successes = new double[arms];
            failures = new double[arms];
            java.util.Arrays.fill(successes, alpha);
            java.util.Arrays.fill(failures, beta);
            dSuccess = new double[arms];
            cSuccess = new double[arms];
            dFailure = new double[arms];
            cFailure = new double[arms];
            for (int a = 0; a < arms; a++) {
                refresh(a);
            }
            slateSize = context.environment().slateSize();
            score = new double[arms];
            random = new SeededRandom(context.seed());
        }

        private void refresh(int arm) {
            dSuccess[arm] = successes[arm] - 1.0 / 3;
            cSuccess[arm] = 1 / Math.sqrt(9 * dSuccess[arm]);
            dFailure[arm] = failures[arm] - 1.0 / 3;
            cFailure[arm] = 1 / Math.sqrt(9 * dFailure[arm]);
        }

        /** Beta(s, f) as X/(X+Y) with gamma draws; shapes below 1 (a prior under 1) take the general path. */
        private double draw(int arm) {
            double s = successes[arm];
            double f = failures[arm];
            double x = s >= 1 ? random.nextGamma(dSuccess[arm], cSuccess[arm]) : random.nextGamma(s);
            double y = f >= 1 ? random.nextGamma(dFailure[arm], cFailure[arm]) : random.nextGamma(f);
            return x / (x + y);
        }

        @Override
        public Action act(Observation observation) {
            int[] candidates = observation.candidates();
            for (int item : candidates) {
                score[item] = draw(item);
            }
            return Action.recommend(Slates.top(score, candidates, slateSize, random));
        }

        @Override
        public void observe(Observation observation, Action action, Step step) {
            int[] slate = action.slate();
            float[] feedback = step.slotFeedback();
            for (int k = 0; k < slate.length; k++) {
                double r = Math.min(1, Math.max(0, feedback[k]));
                boolean success = r == 1 || (r > 0 && random.nextDouble() < r);
                if (success) {
                    successes[slate[k]]++;
                } else {
                    failures[slate[k]]++;
                }
                refresh(slate[k]);
            }
        }

        @Override
        public void writeState(DataOutput out) throws IOException {
            States.write(out, successes);
            States.write(out, failures);
            random.writeState(out);
        }

        @Override
        public void readState(DataInput in) throws IOException {
            States.read(in, successes, "arms");
            States.read(in, failures, "arms");
            random.readState(in);
            for (int a = 0; a < successes.length; a++) {
                refresh(a);
            }
        }
    }
}
