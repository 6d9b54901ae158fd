package org.recworkbench.api.metrics;

import java.util.Objects;

/**
 * Everything a metric may look at for one user: the recommended ranking (best first), the user's relevant
 * held-out items, and, where the engine computed them, the ranks of the relevant items in the full ranking
 * of all candidate items and the rating predictions for the user's held-out interactions. Immutable apart
 * from lazily computed, idempotent caches; safe to share between threads.
 *
 * @since 1.1
 */
public final class UserList {

    private final int user;
    private final int[] ranking;
    private final Relevance relevance;
    private final int[] relevantRanks;
    private final int candidates;
    private final int[] ratedItems;
    private final float[] actualRatings;
    private final float[] predictedRatings;
    private volatile float[] gains;

    /**
     * @param relevantRanks for each item of {@code relevance.items()} (same order) its 1-based rank among all
     *        {@code candidates} items, or null when the engine did not compute full ranks
     * @param ratedItems the user's held-out items with their actual and predicted ratings; all three null when
     *        the model does not predict ratings
     */
    public UserList(int user, int[] ranking, Relevance relevance, int[] relevantRanks, int candidates,
            int[] ratedItems, float[] actualRatings, float[] predictedRatings) {
        this.user = user;
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.relevance = Objects.requireNonNull(relevance, "relevance");
        if (relevantRanks != null && relevantRanks.length != relevance.size()) {
            throw new IllegalArgumentException("one rank per relevant item expected");
        }
        if (ratedItems != null && (actualRatings.length != ratedItems.length
                || predictedRatings.length != ratedItems.length)) {
            throw new IllegalArgumentException("rating columns differ in length");
        }
        this.relevantRanks = relevantRanks;
        this.candidates = candidates;
        this.ratedItems = ratedItems;
        this.actualRatings = actualRatings;
        this.predictedRatings = predictedRatings;
    }

    /** A list with only a ranking and relevance (no full ranks, no rating predictions). */
    public static UserList of(int[] ranking, Relevance relevance) {
        return new UserList(-1, ranking, relevance, null, 0, null, null, null);
    }

    public int user() {
        return user;
    }

    /** The recommended items, best first. Do not modify. */
    public int[] ranking() {
        return ranking;
    }

    public Relevance relevance() {
        return relevance;
    }

    /** Ranks (1-based) of the relevant items in the full ranking, in {@code relevance.items()} order, or null. */
    public int[] relevantRanks() {
        return relevantRanks;
    }

    /** How many items were ranked in the full ranking (all items minus the excluded ones). */
    public int candidates() {
        return candidates;
    }

    public boolean hasRatingPredictions() {
        return ratedItems != null;
    }

    public int[] ratedItems() {
        return ratedItems;
    }

    public float[] actualRatings() {
        return actualRatings;
    }

    public float[] predictedRatings() {
        return predictedRatings;
    }

    /**
     * The gain at each position of the ranking: the item's relevance gain, or 0 when it is not relevant or
     * already appeared earlier in the ranking (a repeated item counts once, at its first position). Computed
     * once and shared by every metric. Do not modify.
     */
    public float[] gains() {
        float[] g = gains;
        if (g == null) {
            g = new float[ranking.length];
            for (int i = 0; i < ranking.length; i++) {
                float gain = relevance.gain(ranking[i]);
                if (gain != 0f) {
                    for (int j = 0; j < i; j++) {
                        if (ranking[j] == ranking[i]) {
                            gain = 0f;
                            break;
                        }
                    }
                }
                g[i] = gain;
            }
            gains = g;
        }
        return g;
    }
}
