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

    /**
     * The value for one user with everything the engine knows about the list; by default the simple form
     * above. Metrics that look at full ranks, rating predictions, popularity or attributes override this.
     *
     * @since 1.1
     */
    default double evaluate(UserList list, EvaluationContext context) {
        return evaluate(list.ranking(), list.relevance());
    }

    /** A fresh accumulator; the mean unless the metric says otherwise. */
    default MetricAccumulator newAccumulator() {
        return new MeanAccumulator();
    }

    /**
     * A fresh accumulator for one evaluation. System-level metrics (coverage, Gini, exposure) return one that
     * collects the lists themselves through {@link MetricAccumulator#add(UserList, double)}.
     *
     * @since 1.1
     */
    default MetricAccumulator newAccumulator(EvaluationContext context) {
        return newAccumulator();
    }

    /**
     * Whether this metric needs {@link UserList#relevantRanks()} (the ranks of relevant items among all
     * candidates), which costs a pass over every item score per user.
     *
     * @since 1.1
     */
    default boolean needsFullRanks() {
        return false;
    }

    /**
     * Whether this metric needs rating predictions ({@link UserList#hasRatingPredictions()}).
     *
     * @since 1.1
     */
    default boolean needsRatingPredictions() {
        return false;
    }
}
