package org.recworkbench.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Aggregates per-user values of one metric. Not thread safe: each worker uses its own accumulator and the
 * engine {@link #combine combines} them, so evaluation runs as a parallel reduction.
 *
 * @since 1.0
 */
@ConsumerType
public interface MetricAccumulator {

    /** Adds one per-user value; NaN (metric undefined for this user) is ignored. */
    void add(double value);

    /**
     * Adds one user's list with its per-user value (NaN when the metric has none per user). The default adds
     * the value; system-level metrics override it to collect what they need from the list.
     *
     * @since 1.1
     */
    default void add(UserList list, double value) {
        add(value);
    }

    /** Merges another accumulator of the same metric into this one. */
    void combine(MetricAccumulator other);

    /** The aggregate; NaN when nothing was added. */
    double result();

    /** How many values were aggregated. */
    long count();
}
