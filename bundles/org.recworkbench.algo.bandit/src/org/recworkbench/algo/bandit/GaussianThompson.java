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
 * Thompson sampling with Gaussian rewards of known noise σ and a N(μ₀, σ₀²) prior per arm: the posterior of
 * an arm with n rewards summing to s has precision {@code 1/σ₀² + n/σ²} and mean
 * {@code (μ₀/σ₀² + s/σ²) / precision}. With μ₀ = 0 and σ₀ = σ = 1 this is Agrawal &amp; Goyal's
 * N(s/(n+1), 1/(n+1)).
 */
@Component(service = PolicyFactory.class)
public class GaussianThompson implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("gaussian-ts", "Gaussian Thompson sampling",
            "bandit", "Posterior sampling with Gaussian posteriors over per-item mean rewards",
            "S. Agrawal and N. Goyal. Further optimal regret bounds for Thompson sampling. AISTATS 2013",
            List.of(ParameterDescriptor.ofDouble("prior-mean", 0, -1e6, 1e6, "prior mean μ₀"),
                    ParameterDescriptor.ofDouble("prior-sd", 1, 1e-9, 1e6, "prior standard deviation σ₀"),
                    ParameterDescriptor.ofDouble("noise-sd", 1, 1e-9, 1e6, "reward noise standard deviation σ")));

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new Instance(context, params.getDouble("prior-mean"), params.getDouble("prior-sd"),
                params.getDouble("noise-sd"));
    }

    static final class Instance implements Policy {
        private final ArmCounts counts;
        private final double priorPrecision;
        private final double priorWeighted;
        private final double noisePrecision;
        private final double[] mean;
        private final double[] sd;
        private final int slateSize;
        private final double[] score;
        private final SeededRandom random;

        Instance(PolicyContext context, double priorMean, double priorSd, double noiseSd) {
            int arms = context.environment().numItems();
            counts = new ArmCounts(arms);
            priorPrecision = 1 / (priorSd * priorSd);
            priorWeighted = priorMean * priorPrecision;
            noisePrecision = 1 / (noiseSd * noiseSd);
            mean = new double[arms];
            sd = new double[arms];
            for (int a = 0; a < arms; a++) {
                refresh(a);
            }
            slateSize = context.environment().slateSize();
            score = new double[arms];
            random = new SeededRandom(context.seed());
        }

        private void refresh(int arm) {
            double precision = priorPrecision + counts.pulls[arm] * noisePrecision;
            mean[arm] = (priorWeighted + counts.sums[arm] * noisePrecision) / precision;
            sd[arm] = Math.sqrt(1 / precision);
        }

        /** Posterior mean and standard deviation of an arm (for tests). */
        double[] posterior(int arm) {
            return new double[] {mean[arm], sd[arm]};
        }

        @Override
        public Action act(Observation observation) {
            int[] candidates = observation.candidates();
            for (int item : candidates) {
                score[item] = mean[item] + sd[item] * random.nextGaussian();
            }
            return Action.recommend(Slates.top(score, candidates, slateSize, random));
        }

        @Override
        public void observe(Observation observation, Action action, Step step) {
            counts.observe(action, step);
            for (int item : action.slate()) {
                refresh(item);
            }
        }

        @Override
        public void writeState(DataOutput out) throws IOException {
            counts.write(out);
            random.writeState(out);
        }

        @Override
        public void readState(DataInput in) throws IOException {
            counts.read(in);
            for (int a = 0; a < mean.length; a++) {
                refresh(a);
            }
            random.readState(in);
        }
    }
}
