package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
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
 * A uniformly random slate of distinct candidates: the reference point of every regret curve and the
 * logging policy whose propensities are known exactly (for off-policy evaluation).
 */
@Component(service = PolicyFactory.class)
public class RandomPolicy implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("random-policy", "Uniform random", "bandit",
            "A uniformly random slate of distinct candidates; learns nothing", "", List.of());

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        int slateSize = context.environment().slateSize();
        SeededRandom random = new SeededRandom(context.seed());
        return new Policy() {
            @Override
            public Action act(Observation observation) {
                return Action.recommend(Slates.random(observation.candidates(), slateSize, random));
            }

            @Override
            public void observe(Observation observation, Action action, Step step) {
                // learns nothing
            }

            @Override
            public void writeState(DataOutput out) throws IOException {
                random.writeState(out);
            }

            @Override
            public void readState(DataInput in) throws IOException {
                random.readState(in);
            }
        };
    }
}
