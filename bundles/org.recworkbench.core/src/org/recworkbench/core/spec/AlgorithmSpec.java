package org.recworkbench.core.spec;

import java.util.Map;
import org.recworkbench.api.InvalidSpecException;

/**
 * One algorithm to run: the {@code Recommender} id, an optional label (to run one algorithm with several
 * settings) and hyper-parameter values.
 */
public record AlgorithmSpec(String id, String label, Map<String, Object> params) {
    public AlgorithmSpec {
        if (id == null || id.isBlank()) {
            throw new InvalidSpecException("algorithms[].id", "is required");
        }
        label = label == null || label.isBlank() ? id : label;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(params));
    }
}
