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
 * LinUCB with disjoint linear models (Li et al. 2010, Algorithm 1): each item keeps a ridge regression of its
 * reward on the user context and scores {@code θₐᵀx + α·sqrt(xᵀAₐ⁻¹x)}. Updates are Sherman–Morrison rank-one
 * updates of Aₐ⁻¹ (O(d²)); scoring uses one packed outer product of x shared by all candidates and the
 * arm-minor layout of {@link RidgeArms}, so that scoring the whole catalogue is a few vectorised loops.
 */
@Component(service = PolicyFactory.class)
public class LinUcb implements PolicyFactory {

    static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.ofDouble("alpha", 1.0, 0, 100, "width of the confidence bonus α"),
            ParameterDescriptor.ofDouble("lambda", 1.0, 1e-9, 1e9, "ridge penalty λ (A starts as λI)"),
            ParameterDescriptor.ofBoolean("intercept", true, "append a constant 1 to the user context"));

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("linucb", "LinUCB (disjoint)",
            "contextual-bandit", "Per-item ridge regression on the user context with an upper confidence bonus",
            "L. Li, W. Chu, J. Langford and R. E. Schapire. A contextual-bandit approach to personalized news "
                    + "article recommendation. WWW 2010",
            PARAMETERS);

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new Instance(context, params.getDouble("alpha"), params.getDouble("lambda"),
                params.getBoolean("intercept"));
    }

    static final class Instance implements Policy {
        private final RidgeArms arms;
        private final double alpha;
        private final boolean intercept;
        private final int slateSize;
        private final double[] x;
        private final double[] outer;
        private final double[] score;
        private final float[] mean;
        private final float[] xScratch;
        private final float[] variance;
        private final float[] packedScratch;
        private final SeededRandom random;

        Instance(PolicyContext context, double alpha, double lambda, boolean intercept) {
            int d = Features.userDimension(context.environment(), intercept);
            int items = context.environment().numItems();
            this.arms = new RidgeArms(items, d, lambda);
            this.alpha = alpha;
            this.intercept = intercept;
            this.slateSize = context.environment().slateSize();
            this.x = new double[d];
            this.outer = new double[arms.packed];
            this.score = new double[items];
            this.mean = new float[arms.paddedArms()];
            this.xScratch = new float[d];
            this.variance = new float[arms.paddedArms()];
            this.packedScratch = new float[arms.packed];
            this.random = new SeededRandom(context.seed());
        }

        /**
         * Upper confidence bounds of the candidates into {@link #score}: all arms at once with the vectorised
         * kernels when the candidates are a good part of the catalogue, one by one otherwise.
         */
        void scoreCandidates(Observation observation) {
            Features.user(observation.context(), intercept, x);
            RidgeArms.packOuter(x, arms.d, outer);
            int[] candidates = observation.candidates();
            if (candidates.length * 4 >= arms.arms) {
                arms.meanAll(x, mean, xScratch);
                arms.varianceAll(outer, variance, packedScratch);
                for (int item : candidates) {
                    score[item] = mean[item] + alpha * Math.sqrt(Math.max(0, variance[item]));
                }
            } else {
                for (int item : candidates) {
                    score[item] = arms.mean(item, x) + alpha * Math.sqrt(Math.max(0, arms.variance(item, outer)));
                }
            }
        }

        double[] scores() {
            return score;
        }

        @Override
        public Action act(Observation observation) {
            scoreCandidates(observation);
            return Action.recommend(Slates.top(score, observation.candidates(), slateSize, random));
        }

        @Override
        public void observe(Observation observation, Action action, Step step) {
            Features.user(observation.context(), intercept, x);
            int[] slate = action.slate();
            float[] feedback = step.slotFeedback();
            for (int k = 0; k < slate.length; k++) {
                arms.update(slate[k], x, feedback[k]);
            }
        }

        @Override
        public void writeState(DataOutput out) throws IOException {
            arms.write(out);
            random.writeState(out);
        }

        @Override
        public void readState(DataInput in) throws IOException {
            arms.read(in);
            random.readState(in);
        }
    }
}
