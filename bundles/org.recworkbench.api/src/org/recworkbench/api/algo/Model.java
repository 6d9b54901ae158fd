package org.recworkbench.api.algo;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A trained model. Scoring is batched: the engine asks for the scores of every item for a block of users
 * at once, then selects top-k with training items excluded. Implementations must allow concurrent calls
 * to {@link #scoreAll} from several threads (each with its own output buffer).
 *
 * @since 1.0
 */
@ConsumerType
public interface Model {

    int numUsers();

    int numItems();

    /**
     * Writes the score of every item for each given user into {@code out}, row-major:
     * {@code out[b * numItems() + item]} for the user {@code users[b]}. Higher means more recommended.
     * {@code out} has at least {@code users.length * numItems()} elements and may hold garbage on entry.
     */
    void scoreAll(int[] users, float[] out);

    /**
     * A model that gives every user the same item scores (popularity and other non-personalised baselines).
     *
     * @param itemScores one score per item; kept by reference, so it must not change afterwards
     */
    static Model nonPersonalized(int numUsers, float[] itemScores) {
        return new Model() {
            @Override
            public int numUsers() {
                return numUsers;
            }

            @Override
            public int numItems() {
                return itemScores.length;
            }

            @Override
            public void scoreAll(int[] users, float[] out) {
                for (int b = 0; b < users.length; b++) {
                    System.arraycopy(itemScores, 0, out, b * itemScores.length, itemScores.length);
                }
            }
        };
    }

    /** Whether {@link #predict} gives rating predictions on the data's scale. */
    default boolean predictsRatings() {
        return false;
    }

    /** The predicted rating of a user for an item. */
    default float predict(int user, int item) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not predict ratings");
    }

    /**
     * The top-{@code k} items for one user, best first, skipping the excluded ones (e.g. the items seen in
     * training; sorted ascending). Ties are broken by the lower item index.
     */
    default int[] recommend(int user, int k, int[] excludedSorted) {
        float[] scores = new float[numItems()];
        scoreAll(new int[] {user}, scores);
        for (int item : excludedSorted) {
            scores[item] = Float.NEGATIVE_INFINITY;
        }
        int[] top = new int[k];
        int n = TopK.select(scores, 0, numItems(), k, top, new float[k]);
        return java.util.Arrays.copyOf(top, n);
    }
}
