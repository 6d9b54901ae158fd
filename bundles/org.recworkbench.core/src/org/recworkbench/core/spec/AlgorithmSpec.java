package org.recworkbench.core.spec;

import java.util.Map;

/**
 * One algorithm to run: the {@code Recommender} id, an optional label (to run one algorithm with several
 * settings), hyper-parameter values, and optionally a hyper-parameter {@link SearchSpec search} whose winner
 * overrides those values, and optionally a {@code timeout} for its fit and evaluation together (a duration such as
 * {@code 10m}; the spec's {@code algorithm-timeout} when absent): an algorithm that takes longer is reported as
 * failed and the run goes on with the next.
 */
public record AlgorithmSpec(String id, String label, Map<String, Object> params, SearchSpec search, String timeout) {
    public AlgorithmSpec {
        label = label == null || label.isBlank() ? id : label;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(params));
    }

    /** An algorithm with fixed hyper-parameters. */
    public AlgorithmSpec(String id, String label, Map<String, Object> params) {
        this(id, label, params, null, null);
    }

    /** An algorithm with a hyper-parameter search and no timeout of its own. */
    public AlgorithmSpec(String id, String label, Map<String, Object> params, SearchSpec search) {
        this(id, label, params, search, null);
    }
}
