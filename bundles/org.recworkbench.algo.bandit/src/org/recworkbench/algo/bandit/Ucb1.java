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
 * UCB1: every arm once, then the highest {@code mean + c·sqrt(ln t / n)}; {@code c = √2} is Auer et al.'s
 * bound for rewards in [0, 1]. {@code t} counts shown items, so slates explore as fast as single arms.
 */
@Component(service = PolicyFactory.class)
public class Ucb1 implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("ucb1", "UCB1", "bandit",
            "Optimism in the face of uncertainty: empirical mean plus a confidence bonus",
            "P. Auer, N. Cesa-Bianchi and P. Fischer. Finite-time analysis of the multiarmed bandit problem. "
                    + "Machine Learning 47, 2002",
            List.of(ParameterDescriptor.ofDouble("c", Math.sqrt(2), 0, 100,
                    "exploration coefficient of the bonus c·sqrt(ln t / n)")));

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new Instance(context, params.getDouble("c"));
    }

    static final class Instance implements Policy {
        private final ArmCounts counts;
        private final double c;
        private final int slateSize;
        private final double[] score;
        private final double[] mean;
        private final double[] inverseSqrtPulls;
        private final SeededRandom random;
        private long shown;

        Instance(PolicyContext context, double c) {
            int arms = context.environment().numItems();
            this.counts = new ArmCounts(arms);
            this.c = c;
            this.slateSize = context.environment().slateSize();
            this.score = new double[arms];
            this.mean = new double[arms];
            this.inverseSqrtPulls = new double[arms];
            java.util.Arrays.fill(inverseSqrtPulls, Double.POSITIVE_INFINITY);
            this.random = new SeededRandom(context.seed());
        }

        /** The mean and 1/sqrt(n) of an arm, kept so that scoring is one multiply-add per candidate. */
        private void refresh(int arm) {
            long n = counts.pulls[arm];
            mean[arm] = n == 0 ? 0 : counts.sums[arm] / n;
            inverseSqrtPulls[arm] = n == 0 ? Double.POSITIVE_INFINITY : 1 / Math.sqrt(n);
        }

        @Override
        public Action act(Observation observation) {
            int[] candidates = observation.candidates();
            // c·sqrt(ln t / n) = (c·sqrt(ln t))·(1/sqrt(n)); an unplayed arm's bonus is infinite
            double width = c * Math.sqrt(Math.log(Math.max(shown, 1)));
            if (width == 0) {
                width = Double.MIN_VALUE; // t = 1: still prefer unplayed arms
            }
            for (int item : candidates) {
                score[item] = mean[item] + width * inverseSqrtPulls[item];
            }
            return Action.recommend(Slates.top(score, candidates, slateSize, random));
        }

        @Override
        public void observe(Observation observation, Action action, Step step) {
            counts.observe(action, step);
            shown += action.slate().length;
            for (int item : action.slate()) {
                refresh(item);
            }
        }

        @Override
        public void writeState(DataOutput out) throws IOException {
            counts.write(out);
            out.writeLong(shown);
            random.writeState(out);
        }

        @Override
        public void readState(DataInput in) throws IOException {
            counts.read(in);
            shown = in.readLong();
            random.readState(in);
            for (int a = 0; a < mean.length; a++) {
                refresh(a);
            }
        }
    }
}
