package org.recworkbench.core.spec;

import java.util.Map;

/** One preprocessing step (a {@code DatasetFilter} id) with its options. */
public record FilterSpec(String type, Map<String, Object> options) {
    public FilterSpec {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(options));
    }
}
