package org.recworkbench.core.result;

import java.time.Instant;
import java.util.List;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Split;
import org.recworkbench.core.DatasetStatistics;
import org.recworkbench.core.spec.ExperimentSpec;

/**
 * Everything a run produced: the spec it ran, statistics of the (filtered) data, how the split was made,
 * the evaluation protocol's label, the split itself ({@code splitData}, so that it can be saved and reused),
 * which backend computed ({@code none} when the spec said {@code auto} and no model called a kernel: top-k
 * selection is the same Java code on every backend), the metric ids, and one result per algorithm in spec order.
 * {@code validationSize} is the number of training interactions held out for validation (0 without a validation
 * split).
 */
public record ExperimentResult(ExperimentSpec spec, DatasetStatistics dataset, String split, String protocol,
        int trainSize, int testSize, int testUsers, int validationSize, String backend, List<String> metricIds,
        List<AlgorithmResult> algorithms,
        IdIndex userIds, Instant started, double seconds, Split splitData) {
    public ExperimentResult {
        metricIds = List.copyOf(metricIds);
        algorithms = List.copyOf(algorithms);
    }
}
