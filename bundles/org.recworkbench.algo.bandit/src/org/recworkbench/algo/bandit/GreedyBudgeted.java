package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Budget;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;

/**
 * The budget baseline HATCH is compared with: serves every user while budget lasts, choosing the items with
 * the best estimated reward per unit cost (LinUCB estimates); it spends on whoever comes first.
 */
@Component(service = PolicyFactory.class)
public class GreedyBudgeted implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("greedy-budget", "Greedy reward/cost",
            "budgeted", "Acts whenever the budget allows, on the best LinUCB reward per unit cost", "",
            LinUcb.PARAMETERS);

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        LinUcb.Instance estimator = new LinUcb.Instance(context, params.getDouble("alpha"),
                params.getDouble("lambda"), params.getBoolean("intercept"));
        CostAwareSlate chooser = new CostAwareSlate(context.environment(), estimator);
        Budget budget = context.budget();
        SeededRandom random = SeededRandom.derived(context.seed(), "greedy-budget");
        return new Policy() {
            @Override
            public Action act(Observation observation) {
                return chooser.choose(observation, budget, random);
            }

            @Override
            public void observe(Observation observation, Action action, Step step) {
                estimator.observe(observation, action, step);
            }

            @Override
            public void writeState(DataOutput out) throws IOException {
                estimator.writeState(out);
                random.writeState(out);
            }

            @Override
            public void readState(DataInput in) throws IOException {
                estimator.readState(in);
                random.readState(in);
            }
        };
    }
}
