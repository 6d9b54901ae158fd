package org.recworkbench.api.algo;

import java.util.Objects;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;

/**
 * What a training run may use besides the training data: the full dataset (for attributes and ids; never
 * its test interactions), the seed for every random choice, a progress monitor, the compute backend,
 * the number of worker threads and, where the run has a validation part, a {@link Validation} that scores
 * intermediate models on it (null otherwise; since 1.4).
 *
 * @since 1.0
 */
public record TrainingContext(Dataset dataset, long seed, ProgressMonitor monitor, ComputeBackend backend,
        int threads, Validation validation) {
    public TrainingContext {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(backend, "backend");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
    }

    /** A context without a validation part. */
    public TrainingContext(Dataset dataset, long seed, ProgressMonitor monitor, ComputeBackend backend,
            int threads) {
        this(dataset, seed, monitor, backend, threads, null);
    }
}
