package org.recworkbench.core.spec;

import java.util.Map;
import org.recworkbench.api.InvalidSpecException;

/** One preprocessing step (a {@code DatasetFilter} id) with its options. */
public record FilterSpec(String type, Map<String, Object> options) {
    public FilterSpec {
        if (type == null || type.isBlank()) {
            throw new InvalidSpecException("filters[].type", "is required");
        }
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(options));
    }
}
