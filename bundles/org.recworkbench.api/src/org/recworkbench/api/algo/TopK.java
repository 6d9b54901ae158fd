package org.recworkbench.api.algo;

/**
 * Partial selection of the k best entries of a score row with a bounded min-heap: O(n log k), no
 * allocation. Entries scoring {@code -Infinity} or NaN are never selected (that is how exclusions are
 * expressed). Ties are broken by the lower index, so results are deterministic.
 *
 * @since 1.0
 */
public final class TopK {

    private TopK() {
    }

    /**
     * Selects the best {@code k} of {@code scores[offset .. offset+length-1]} into {@code outItems} (indices
     * relative to {@code offset}) and {@code outScores}, best first.
     *
     * @return how many were selected (less than k when fewer entries are eligible)
     */
    public static int select(float[] scores, int offset, int length, int k, int[] outItems, float[] outScores) {
        if (k <= 0) {
            return 0;
        }
        int size = 0;
        // heap of (score, item); the root is the worst kept entry
        for (int i = 0; i < length; i++) {
            float s = scores[offset + i];
            if (!(s > Float.NEGATIVE_INFINITY)) {
                continue; // -inf or NaN
            }
            if (size < k) {
                outItems[size] = i;
                outScores[size] = s;
                siftUp(outItems, outScores, size);
                size++;
            } else if (better(s, i, outScores[0], outItems[0])) {
                outItems[0] = i;
                outScores[0] = s;
                siftDown(outItems, outScores, size);
            }
        }
        // heap sort: repeatedly move the worst to the end
        for (int end = size - 1; end > 0; end--) {
            swap(outItems, outScores, 0, end);
            siftDown(outItems, outScores, end);
        }
        return size;
    }

    /** Whether (s1, i1) ranks before (s2, i2). */
    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    private static void siftUp(int[] items, float[] scores, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (better(scores[parent], items[parent], scores[pos], items[pos])) {
                swap(items, scores, parent, pos);
                pos = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] items, float[] scores, int size) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(scores[worst], items[worst], scores[right], items[right])) {
                worst = right;
            }
            if (better(scores[pos], items[pos], scores[worst], items[worst])) {
                swap(items, scores, pos, worst);
                pos = worst;
            } else {
                return;
            }
        }
    }

    private static void swap(int[] items, float[] scores, int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
