package org.recworkbench.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one algorithm in one run. On success, {@code aggregates} holds one value per metric id (in
 * spec order) and {@code perUser[m][j]} the value of metric {@code m} for user {@code users[j]} (NaN where
 * undefined). On failure, {@code failure} says why and the values are empty. Where the split has a validation
 * part, {@code validation} holds the aggregates measured on it (same metric ids), else it is empty.
 * {@code search} is the hyper-parameter search that chose {@code params}, or null.
 */
public record AlgorithmResult(String label, String algorithmId, Map<String, Object> params, Status status,
        String failure, List<String> metricIds, Map<String, Double> aggregates, int[] users, double[][] perUser,
        double fitSeconds, double evaluateSeconds, Map<String, Double> validation, SearchLog search) {

    public enum Status {
        SUCCEEDED, FAILED, CANCELED
    }

    public AlgorithmResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metricIds = List.copyOf(metricIds);
        aggregates = Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
        validation = validation == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }

    public static AlgorithmResult failed(String label, String algorithmId, Map<String, Object> params,
            Status status, String reason, double fitSeconds, double evaluateSeconds) {
        return new AlgorithmResult(label, algorithmId, params, status, reason, List.of(), Map.of(), new int[0],
                new double[0][], fitSeconds, evaluateSeconds, Map.of(), null);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
