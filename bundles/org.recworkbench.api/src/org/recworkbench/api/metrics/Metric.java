package org.recworkbench.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One metric at one configuration (e.g. NDCG@10): a pure, thread-safe per-list function plus the
 * accumulator that aggregates its per-user values.
 *
 * @since 1.0
 */
@ConsumerType
public interface Metric {

    MetricDescriptor descriptor();

    /**
     * The value for one user.
     *
     * @param ranking recommended items, best first (may be longer than the cutoff; may be shorter)
     * @param relevant the user's held-out relevant items
     * @return the value, or NaN when the metric is undefined for this user (e.g. no relevant items), in
     *         which case the user is left out of the aggregate
     */
    double evaluate(int[] ranking, Relevance relevant);

    /** A fresh accumulator; the mean unless the metric says otherwise. */
    default MetricAccumulator newAccumulator() {
        return new MeanAccumulator();
    }
}
