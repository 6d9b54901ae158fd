package org.recworkbench.api.interactive;

import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.Parameters;

/**
 * A policy family member registered as an OSGi service: describes its hyper-parameters and creates a fresh
 * {@link Policy} for each run or A/B arm. Several services may share an id; the engine uses the one with the
 * highest {@code service.ranking} (then the newest), which is how an updated policy bundle takes over a
 * running simulation.
 *
 * @since 2.0
 */
@ConsumerType
public interface PolicyFactory {

    PolicyDescriptor descriptor();

    /**
     * @param params values validated against {@link PolicyDescriptor#parameters()}
     * @throws org.recworkbench.api.RecWorkbenchException when this policy cannot serve this environment
     */
    Policy create(PolicyContext context, Parameters params);
}
