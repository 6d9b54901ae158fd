package org.recworkbench.core;

import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;
import org.recworkbench.core.result.SimulationResult;

/**
 * A simulation running in the background ({@link SimulationRunner#start}): a dashboard follows it through its
 * listener, switches an arm to another policy, or stops it.
 */
@ProviderType
public interface RunningSimulation {

    /**
     * Switches every lane's arm with this label to the preferred service of {@code policyId} (with that
     * policy's default parameters; the arm's own parameters when it is the spec's policy) between two steps;
     * the switch is recorded like a hot swap. An unknown label or policy fails at once.
     *
     * @throws org.recworkbench.api.InvalidSpecException naming what is unknown
     */
    void swap(String arm, String policyId);

    /** Asks the run to stop; it finishes the current step, records the point and completes its result. */
    void cancel();

    CompletableFuture<SimulationResult> result();
}
