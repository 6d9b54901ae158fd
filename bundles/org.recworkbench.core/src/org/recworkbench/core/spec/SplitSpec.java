package org.recworkbench.core.spec;

import java.util.Map;

/**
 * How to split: a {@code Splitter} id and its options. Default: per-user random 80/20 hold-out. An optional
 * {@code validation} split is carved from the training part the same way (its own method and options):
 * models are then fit on what remains, and evaluated on the validation part as well as on the test part.
 */
public record SplitSpec(String method, Map<String, Object> options, SplitSpec validation) {
    public static final SplitSpec DEFAULT = new SplitSpec("user-holdout", Map.of());

    /** A split without a validation part. */
    public SplitSpec(String method, Map<String, Object> options) {
        this(method, options, null);
    }

    public SplitSpec {
        method = method == null || method.isBlank() ? DEFAULT_METHOD : method;
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(options));
    }

    private static final String DEFAULT_METHOD = "user-holdout";
}
