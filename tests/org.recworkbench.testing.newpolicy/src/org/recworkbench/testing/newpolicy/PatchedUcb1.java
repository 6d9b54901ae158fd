package org.recworkbench.testing.newpolicy;

import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;

/** Registers id {@code ucb1} again with a higher ranking: an "updated" UCB1 that running simulations adopt. */
@Component(service = PolicyFactory.class, property = "service.ranking:Integer=100")
public class PatchedUcb1 implements PolicyFactory {

    @Override
    public PolicyDescriptor descriptor() {
        return FirstCandidates.descriptor("ucb1", "a replacement for ucb1, installed while a simulation runs");
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return FirstCandidates.create(context, params);
    }
}
