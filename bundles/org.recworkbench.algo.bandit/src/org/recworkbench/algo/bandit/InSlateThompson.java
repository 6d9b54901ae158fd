package org.recworkbench.algo.bandit;

import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;

/**
 * In-slate Thompson sampling, the non-recurrent variant: Eide &amp; Zhou draw a fresh posterior sample for
 * each slot of the slate; their user state comes from a GRU over the user's history, here it is the context
 * vector the simulator gives (no neural backend needed). See {@link SharedLinearPolicy}.
 */
@Component(service = PolicyFactory.class)
public class InSlateThompson implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("slate-ts", "In-slate Thompson sampling",
            "slate", "A fresh posterior draw per slot of a shared linear model; each slot takes the best item not "
                    + "yet shown (non-recurrent variant)",
            "S. Eide and N. Zhou. Dynamic slate recommendation with gated recurrent units and Thompson sampling. "
                    + "Data Mining and Knowledge Discovery 36, 2022 (arXiv:2104.15046)",
            LinearThompson.PARAMETERS);

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new SharedLinearPolicy(context, SharedLinearPolicy.Mode.PER_SLOT, params.getDouble("v"),
                params.getDouble("lambda"), DESCRIPTOR.id());
    }
}
