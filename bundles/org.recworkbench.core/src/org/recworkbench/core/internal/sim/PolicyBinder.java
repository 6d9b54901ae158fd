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
    /** Arms switched to another policy id by hand ({@link org.recworkbench.core.RunningSimulation#swap}). */
    private final Map<String, String> overrides = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong overrideChanges = new java.util.concurrent.atomic.AtomicLong();

    PolicyBinder(PluginRegistry registry, String fallback, long seed) {
        this.registry = registry;
        this.fallback = fallback;
        this.seed = seed;
    }

    /** The policy id an arm should run now: the one it was switched to by hand, else the spec's. */
    String target(SimulationArm arm) {
        return overrides.getOrDefault(arm.spec.label(), arm.spec.id());
    }

    void override(String label, String policyId) {
        overrides.put(label, policyId);
        overrideChanges.incrementAndGet();
    }

    /** Grows with every switch by hand; lanes add it to the registry's counter. */
    long changes() {
        return registry.policyChanges() + overrideChanges.get();
    }

    /** The service that should serve the arm now, or empty when neither its policy nor the fallback exists. */
    Optional<PolicyFactory> preferred(SimulationArm arm) {
        Optional<PolicyFactory> own = registry.policy(target(arm));
        if (own.isPresent() || fallback == null) {
            return own;
        }
        return registry.policy(fallback);
    }

    boolean isOwn(PolicyFactory factory, SimulationArm arm) {
        return factory.descriptor().id().equals(target(arm));
    }

    Policy create(PolicyFactory factory, SimulationArm arm, EnvironmentInfo info, int generation) {
        boolean specPolicy = factory.descriptor().id().equals(arm.spec.id());
        Map<String, ?> params = specPolicy ? arm.spec.params() : Map.of();
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
