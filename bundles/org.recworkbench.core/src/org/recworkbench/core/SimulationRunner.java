package org.recworkbench.core;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.result.SimulationResult;
import org.recworkbench.core.spec.SimulationSpec;

/**
 * Runs policies against simulated users: for every variant of the simulator, every lane (one world per policy
 * under {@code replicate}, one shared world under {@code split}) runs on its own thread. Between two steps each
 * arm follows hot swaps of its policy service ({@link PluginRegistry#policy}); the time series
 ({@code timeseries.csv}), the summary ({@code summary.csv}) and checkpoints are written under the output
 * folder while the run goes on.
 */
@ProviderType
public interface SimulationRunner {

    /**
     * Runs a simulation.
     *
     * @param resume continue from the checkpoints in {@code output} instead of starting over
     * @throws org.recworkbench.api.InvalidSpecException when the spec names unknown plugins or bad parameters
     */
    SimulationResult run(SimulationSpec spec, Path output, boolean resume, SimulationListener listener,
            ProgressMonitor monitor);

    /**
     * Checks the spec, then runs it on a background thread and returns a handle to steer it.
     *
     * @throws org.recworkbench.api.InvalidSpecException as {@link #run} does, before anything starts
     */
    RunningSimulation start(SimulationSpec spec, Path output, boolean resume, SimulationListener listener,
            ProgressMonitor monitor);
}
