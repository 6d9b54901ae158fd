package org.recworkbench.core;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.FilterSpec;

/**
 * Runs offline experiments: load, filter, split (seeded), fit each algorithm, evaluate with full-ranking
 * batched scoring, and collect per-user and aggregate metric values. The same spec and seed give identical
 * numbers. An algorithm that fails (or whose bundle goes away mid-run) is reported as failed; the others
 * finish.
 */
@ProviderType
public interface ExperimentRunner {

    /**
     * Runs a whole experiment.
     *
     * @throws org.recworkbench.api.InvalidSpecException when the spec names unknown plugins or bad options
     * @throws org.recworkbench.api.DatasetFormatException when the data cannot be read
     */
    ExperimentResult run(ExperimentSpec spec, RunListener listener, ProgressMonitor monitor);

    /** Loads a dataset and applies filters, as the first stages of {@link #run} do. */
    Dataset loadDataset(DatasetSpec dataset, List<FilterSpec> filters, ProgressMonitor monitor);
}
