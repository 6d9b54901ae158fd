package org.recworkbench.api.metrics;

import java.util.Arrays;
import java.util.Objects;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.SparseMatrix;

/**
 * What system-level and beyond-accuracy metrics need to know about the evaluation as a whole: the size of
 * the catalogue, how many users are evaluated, each item's popularity in the training data, the item
 * attributes, and the rating scale (NaN bounds when unknown). Immutable.
 *
 * @since 1.1
 */
public final class EvaluationContext {

    private final int numItems;
    private final int numUsers;
    private final int evaluatedUsers;
    private final int[] itemPopularity;
    private final Attributes itemAttributes;
    private final double minRating;
    private final double maxRating;
    private final int listLength;
    private final SparseMatrix trainByUser;

    /**
     * @param numUsers users in the training data (for popularity as a share of users)
     * @param evaluatedUsers users whose lists are evaluated
     * @param itemPopularity training interactions per item
     * @param listLength the length of the recommended lists (the largest cutoff)
     * @param trainByUser the training interactions user → items, or null when not available
     */
    public EvaluationContext(int numItems, int numUsers, int evaluatedUsers, int[] itemPopularity,
            Attributes itemAttributes, double minRating, double maxRating, int listLength, SparseMatrix trainByUser) {
        if (itemPopularity.length != numItems) {
            throw new IllegalArgumentException("one popularity count per item expected");
        }
        this.numItems = numItems;
        this.numUsers = numUsers;
        this.evaluatedUsers = evaluatedUsers;
        this.itemPopularity = itemPopularity;
        this.itemAttributes = Objects.requireNonNullElse(itemAttributes, Attributes.empty());
        this.minRating = minRating;
        this.maxRating = maxRating;
        this.listLength = listLength;
        this.trainByUser = trainByUser;
    }

    /** A context for tests and tools: popularity all zero, no attributes, unknown rating scale. */
    public static EvaluationContext of(int numItems, int evaluatedUsers, int listLength) {
        return new EvaluationContext(numItems, evaluatedUsers, evaluatedUsers, new int[numItems], null, Double.NaN,
                Double.NaN, listLength, null);
    }

    public int numItems() {
        return numItems;
    }

    public int numUsers() {
        return numUsers;
    }

    public int evaluatedUsers() {
        return evaluatedUsers;
    }

    /** Training interactions per item. Do not modify. */
    public int[] itemPopularity() {
        return itemPopularity;
    }

    public Attributes itemAttributes() {
        return itemAttributes;
    }

    public double minRating() {
        return minRating;
    }

    public double maxRating() {
        return maxRating;
    }

    public int listLength() {
        return listLength;
    }

    /** The training interactions user → items (the items excluded from each user's ranking), or null. */
    public SparseMatrix trainByUser() {
        return trainByUser;
    }

    /**
     * The short head: the most popular items that together hold {@code share} of the training interactions
     * (Abdollahpouri et al. 2019 use 20%); everything else is the long tail. Ties at the boundary are broken
     * by the lower item index.
     */
    public boolean[] shortHead(double share) {
        Integer[] order = new Integer[numItems];
        for (int i = 0; i < numItems; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> itemPopularity[a] != itemPopularity[b]
                ? Integer.compare(itemPopularity[b], itemPopularity[a]) : Integer.compare(a, b));
        long total = 0;
        for (int p : itemPopularity) {
            total += p;
        }
        boolean[] head = new boolean[numItems];
        long covered = 0;
        for (Integer i : order) {
            if (covered >= share * total || itemPopularity[i] == 0) {
                break;
            }
            head[i] = true;
            covered += itemPopularity[i];
        }
        return head;
    }
}
