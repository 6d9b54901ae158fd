package org.recworkbench.api.interactive;

import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.Parameters;

/**
 * A user simulator, registered as an OSGi service: describes its parameters and creates an independent
 * {@link Environment} per run.
 *
 * @since 2.0
 */
@ConsumerType
public interface Simulator {

    SimulatorDescriptor descriptor();

    /**
     * Builds a world.
     *
     * @param params values validated against {@link SimulatorDescriptor#parameters()}
     * @throws org.recworkbench.api.RecWorkbenchException when the world cannot be built from these inputs
     */
    Environment create(SimulationContext context, Parameters params);
}
