package org.recworkbench.core.spec;

import java.util.Map;

/** Which dataset adapter to use, with its options (e.g. {@code path}, {@code variant}). */
public record DatasetSpec(String adapter, Map<String, Object> options) {
    public DatasetSpec {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(options));
    }
}
