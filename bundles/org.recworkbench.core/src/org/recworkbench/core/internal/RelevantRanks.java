package org.recworkbench.core.internal;

import java.util.Arrays;
import org.recworkbench.api.metrics.Relevance;

/**
 * Ranks of a user's relevant items in the full ranking of a score row, with the same order as top-k
 * selection (higher score first, ties by lower item index; excluded items score -Infinity and rank last).
 * One pass over the row with a binary search into the sorted relevant scores: O(items · log |rel|).
 */
final class RelevantRanks {
    private RelevantRanks() {
    }

    /** @return for each item of {@code rel.items()}, in that order, its 1-based rank */
    static int[] of(float[] scores, int offset, int numItems, Relevance rel) {
        int[] items = rel.items();
        int r = items.length;
        if (r == 0) {
            return new int[0];
        }
        // relevant items sorted by rank order: score descending, index ascending
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> beats(scores[offset + items[a]], items[a], scores[offset + items[b]], items[b])
                ? -1 : beats(scores[offset + items[b]], items[b], scores[offset + items[a]], items[a]) ? 1 : 0);
        float[] sortedScore = new float[r];
        int[] sortedItem = new int[r];
        for (int i = 0; i < r; i++) {
            sortedScore[i] = scores[offset + items[order[i]]];
            sortedItem[i] = items[order[i]];
        }
        // beatenFrom[p]: items that beat every sorted relevant item from position p on
        int[] beatenFrom = new int[r + 1];
        for (int j = 0; j < numItems; j++) {
            float s = scores[offset + j];
            // first position p whose relevant item item j beats
            int lo = 0;
            int hi = r;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (beats(s, j, sortedScore[mid], sortedItem[mid])) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            beatenFrom[lo]++;
        }
        int[] ranks = new int[r];
        int above = 0;
        for (int p = 0; p < r; p++) {
            above += beatenFrom[p];
            ranks[order[p]] = above + 1;
        }
        return ranks;
    }

    /** Whether (s1, i1) ranks before (s2, i2); an item never beats itself. */
    private static boolean beats(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }
}
