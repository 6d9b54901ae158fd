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
        private final int slateSize;
        private final double[] score;
        private final SeededRandom random;

        Instance(PolicyContext context, double alpha, double beta) {
            int arms = context.environment().numItems();
            successes = new double[arms];
            failures = new double[arms];
            java.util.Arrays.fill(successes, alpha);
            java.util.Arrays.fill(failures, beta);
            slateSize = context.environment().slateSize();
            score = new double[arms];
            random = new SeededRandom(context.seed());
        }

        @Override
        public Action act(Observation observation) {
            int[] candidates = observation.candidates();
            for (int item : candidates) {
                score[item] = random.nextBeta(successes[item], failures[item]);
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
        }
    }
}
