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

/** With probability ε a random slate, otherwise the items with the highest mean reward so far. */
@Component(service = PolicyFactory.class)
public class EpsilonGreedy implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("epsilon-greedy", "ε-greedy", "bandit",
            "Explores a uniformly random slate with probability ε, otherwise exploits the best empirical means",
            "R. S. Sutton and A. G. Barto. Reinforcement Learning: An Introduction, 2nd ed., §2.2. MIT Press, 2018",
            List.of(ParameterDescriptor.ofDouble("epsilon", 0.1, 0, 1, "probability of exploring")));

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new Instance(context, params.getDouble("epsilon"));
    }

    static final class Instance implements Policy {
        private final ArmCounts counts;
        private final double epsilon;
        private final int slateSize;
        private final double[] score;
        private final SeededRandom random;

        Instance(PolicyContext context, double epsilon) {
            int arms = context.environment().numItems();
            this.counts = new ArmCounts(arms);
            this.epsilon = epsilon;
            this.slateSize = context.environment().slateSize();
            this.score = new double[arms];
            this.random = new SeededRandom(context.seed());
        }

        @Override
        public Action act(Observation observation) {
            int[] candidates = observation.candidates();
            if (random.nextDouble() < epsilon) {
                return Action.recommend(Slates.random(candidates, slateSize, random));
            }
            long[] pulls = counts.pulls;
            double[] sums = counts.sums;
            for (int item : candidates) {
                score[item] = pulls[item] == 0 ? 0 : sums[item] / pulls[item];
            }
            return Action.recommend(Slates.top(score, candidates, slateSize, random));
        }

        @Override
        public void observe(Observation observation, Action action, Step step) {
            counts.observe(action, step);
        }

        @Override
        public void writeState(DataOutput out) throws IOException {
            counts.write(out);
            random.writeState(out);
        }

        @Override
        public void readState(DataInput in) throws IOException {
            counts.read(in);
            random.readState(in);
        }
    }
}
