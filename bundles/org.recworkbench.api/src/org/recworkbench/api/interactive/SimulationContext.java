package org.recworkbench.api.interactive;

import java.util.Optional;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/**
 * What a simulator gets to build a world: the run's seed, an optional dataset to fit the world on, and a
 * monitor for progress and cancellation while it builds.
 *
 * @since 2.0
 */
public record SimulationContext(long seed, Optional<Dataset> dataset, ProgressMonitor monitor) {
    public SimulationContext {
        dataset = dataset == null ? Optional.empty() : dataset;
        monitor = monitor == null ? ProgressMonitor.NONE : monitor;
    }
}
