package org.recworkbench.testing.newpolicy;

import java.util.Arrays;
import java.util.List;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.Step;

/** A recognisable policy: always the first candidates. */
abstract class FirstCandidates {

    static PolicyDescriptor descriptor(String id, String what) {
        return new PolicyDescriptor(id, id + " (test)", "bandit", what, "", List.of());
    }

    static Policy create(PolicyContext context, Parameters params) {
        int size = context.environment().slateSize();
        return new Policy() {
            @Override
            public Action act(Observation observation) {
                int[] c = observation.candidates();
                return Action.recommend(Arrays.copyOf(c, Math.min(size, c.length)));
            }

            @Override
            public void observe(Observation observation, Action action, Step step) {
                // learns nothing
            }
        };
    }
}
