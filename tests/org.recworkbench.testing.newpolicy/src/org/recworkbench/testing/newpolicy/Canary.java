package org.recworkbench.testing.newpolicy;

import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;

/** A policy only this bundle provides: uninstalling the bundle sends its arms to the fallback. */
@Component(service = PolicyFactory.class)
public class Canary implements PolicyFactory {

    @Override
    public PolicyDescriptor descriptor() {
        return FirstCandidates.descriptor("canary", "a policy that exists only while its test bundle is installed");
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return FirstCandidates.create(context, params);
    }
}
