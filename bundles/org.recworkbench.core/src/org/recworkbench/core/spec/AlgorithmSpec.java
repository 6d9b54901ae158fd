package org.recworkbench.core.spec;

import java.util.Map;

/**
 * One algorithm to run: the {@code Recommender} id, an optional label (to run one algorithm with several
 * settings) and hyper-parameter values.
 */
public record AlgorithmSpec(String id, String label, Map<String, Object> params) {
    public AlgorithmSpec {
        label = label == null || label.isBlank() ? id : label;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(params));
    }
}
