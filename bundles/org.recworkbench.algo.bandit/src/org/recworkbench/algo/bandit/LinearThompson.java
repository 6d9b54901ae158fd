package org.recworkbench.algo.bandit;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;

/** Linear Thompson sampling over user–item features: one posterior draw per step ({@link SharedLinearPolicy}). */
@Component(service = PolicyFactory.class)
public class LinearThompson implements PolicyFactory {

    static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.ofDouble("v", 0.25, 0, 100, "posterior scale v (draws from N(μ, v²B⁻¹))"),
            ParameterDescriptor.ofDouble("lambda", 1.0, 1e-9, 1e9, "ridge penalty λ (B starts as λI)"));

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("linear-ts", "Linear Thompson sampling",
            "contextual-bandit", "Gaussian posterior over a shared linear reward model, one draw per step",
            "S. Agrawal and N. Goyal. Thompson sampling for contextual bandits with linear payoffs. ICML 2013",
            PARAMETERS);

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new SharedLinearPolicy(context, SharedLinearPolicy.Mode.PER_STEP, params.getDouble("v"),
                params.getDouble("lambda"), DESCRIPTOR.id());
    }
}
