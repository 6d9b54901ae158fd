package org.recworkbench.core.spec;

import java.util.Map;

/**
 * One algorithm to run: the {@code Recommender} id, an optional label (to run one algorithm with several
 * settings), hyper-parameter values, and optionally a hyper-parameter {@link SearchSpec search} whose winner
 * overrides those values.
 */
public record AlgorithmSpec(String id, String label, Map<String, Object> params, SearchSpec search) {
    public AlgorithmSpec {
        label = label == null || label.isBlank() ? id : label;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(params));
    }

    /** An algorithm with fixed hyper-parameters. */
    public AlgorithmSpec(String id, String label, Map<String, Object> params) {
        this(id, label, params, null);
    }
}
