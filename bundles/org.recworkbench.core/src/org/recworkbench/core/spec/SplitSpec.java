package org.recworkbench.core.spec;

import java.util.Map;

/** How to split: a {@code Splitter} id and its options. Default: per-user random 80/20 hold-out. */
public record SplitSpec(String method, Map<String, Object> options) {
    public static final SplitSpec DEFAULT = new SplitSpec("user-holdout", Map.of());

    public SplitSpec {
        method = method == null || method.isBlank() ? DEFAULT_METHOD : method;
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(options));
    }

    private static final String DEFAULT_METHOD = "user-holdout";
}
