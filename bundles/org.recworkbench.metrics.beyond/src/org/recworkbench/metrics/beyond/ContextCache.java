package org.recworkbench.metrics.beyond;

import java.util.function.Function;
import org.recworkbench.api.metrics.EvaluationContext;

/**
 * Remembers a value derived from the evaluation context (the short head, the most popular items), computed
 * once per context and shared by all worker threads.
 */
final class ContextCache<T> {
    private final Function<EvaluationContext, T> compute;
    private volatile EvaluationContext key;
    private volatile T value;

    ContextCache(Function<EvaluationContext, T> compute) {
        this.compute = compute;
    }

    T get(EvaluationContext context) {
        if (key != context) {
            synchronized (this) {
                if (key != context) {
                    value = compute.apply(context);
                    key = context;
                }
            }
        }
        return value;
    }
}
