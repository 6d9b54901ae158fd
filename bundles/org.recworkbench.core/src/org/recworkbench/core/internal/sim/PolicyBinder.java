package org.recworkbench.core.internal.sim;

import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.core.PluginRegistry;

/**
 * Decides which policy service serves an arm — the preferred service with the arm's id, else the fallback —
 * and creates its instances. An arm's hyper-parameters are validated against the service that will use them;
 * the fallback runs with its defaults.
 */
final class PolicyBinder {

    private final PluginRegistry registry;
    private final String fallback;
    private final long seed;

    PolicyBinder(PluginRegistry registry, String fallback, long seed) {
        this.registry = registry;
        this.fallback = fallback;
        this.seed = seed;
    }

    /** The service that should serve the arm now, or empty when neither its policy nor the fallback exists. */
    Optional<PolicyFactory> preferred(SimulationArm arm) {
        Optional<PolicyFactory> own = registry.policy(arm.spec.id());
        if (own.isPresent() || fallback == null) {
            return own;
        }
        return registry.policy(fallback);
    }

    boolean isOwn(PolicyFactory factory, SimulationArm arm) {
        return factory.descriptor().id().equals(arm.spec.id());
    }

    Policy create(PolicyFactory factory, SimulationArm arm, EnvironmentInfo info, int generation) {
        Map<String, ?> params = isOwn(factory, arm) ? arm.spec.params() : Map.of();
        Parameters validated = Parameters.validate("policies[" + arm.spec.label() + "].params",
                factory.descriptor().parameters(), params);
        long policySeed = SeededRandom.derived(seed, arm.spec.label() + "#" + generation).nextLong();
        return factory.create(new PolicyContext(info, policySeed, arm), validated);
    }

    /** {@code id (symbolic-name version)} of the bundle that registered a service. */
    static String provider(PolicyFactory factory) {
        Bundle bundle = FrameworkUtil.getBundle(factory.getClass());
        String id = factory.descriptor().id();
        return bundle == null ? id : id + " (" + bundle.getSymbolicName() + " " + bundle.getVersion() + ")";
    }

    /** Fails early, before any world is built, when an arm's policy or parameters are wrong. */
    void check(SimulationArm arm, int index) {
        PolicyFactory factory = registry.policy(arm.spec.id()).orElseThrow(() -> new InvalidSpecException(
                "policies[" + index + "].id", "no policy '" + arm.spec.id() + "'; installed: "
                        + registry.policies().stream().map(p -> p.descriptor().id()).distinct().toList()));
        Parameters.validate("policies[" + index + "].params", factory.descriptor().parameters(), arm.spec.params());
    }
}
