package org.recworkbench.algo.bandit;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;

/** The slate baseline: the k items with the highest posterior-mean reward, no exploration. */
@Component(service = PolicyFactory.class)
public class TopKGreedy implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("topk-greedy", "Top-k greedy", "slate",
            "The k best items under the ridge-regression mean of a shared linear model; learns, never explores",
            "", List.of(ParameterDescriptor.ofDouble("lambda", 1.0, 1e-9, 1e9, "ridge penalty λ")));

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new SharedLinearPolicy(context, SharedLinearPolicy.Mode.MEAN, 0, params.getDouble("lambda"),
                DESCRIPTOR.id());
    }
}
