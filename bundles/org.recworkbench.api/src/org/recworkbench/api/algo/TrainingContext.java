package org.recworkbench.api.algo;

import java.util.Objects;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;

/**
 * What a training run may use besides the training data: the full dataset (for attributes and ids; never
 * its test interactions), the seed for every random choice, a progress monitor, the compute backend and
 * the number of worker threads.
 *
 * @since 1.0
 */
public record TrainingContext(Dataset dataset, long seed, ProgressMonitor monitor, ComputeBackend backend,
        int threads) {
    public TrainingContext {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(backend, "backend");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
    }
}
