package org.recworkbench.api.algo;

import java.util.stream.IntStream;

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

    /** Scores per block of the row filter: the block maxima of a 27k-item row fit in L1. */
    private static final int FILTER_BLOCK = 16;

    /**
     * The best {@code k} of every row of a row-major {@code rows×cols} score matrix into {@code outItems} and
     * {@code outScores} ({@code rows×k}, best first, unfilled slots -1 and -Infinity): the same result as
     * {@link #select} row by row, in two passes per row. The maximum of every block of {@value #FILTER_BLOCK}
     * scores, then the k-th largest of those maxima is a threshold that at least k scores reach (one per block),
     * so only the blocks whose maximum reaches it are searched with the heap. Rows run in parallel for large
     * inputs.
     *
     * @since 1.2
     */
    public static void selectRows(float[] scores, int rows, int cols, int k, int[] outItems, float[] outScores) {
        IntStream range = IntStream.range(0, rows);
        if ((long) rows * cols > 1_000_000L) {
            range = range.parallel();
        }
        ThreadLocal<TopKScratch> scratch = ThreadLocal.withInitial(TopKScratch::new);
        range.forEach(r -> topKRow(scores, r * cols, cols, k, outItems, outScores, r * k, scratch.get()));
    }

    /** Per-thread buffers of the top-k filter. */
    private static final class TopKScratch {
        float[] blockMax = new float[0];
        float[] candidates = new float[0];
        int[] candidateItems = new int[0];
        int[] order = new int[0];
        float[] best = new float[0];
        float[] maxCopy = new float[0];
    }

    private static void topKRow(float[] scores, int offset, int cols, int k, int[] outItems, float[] outScores,
            int outOffset, TopKScratch s) {
        if (s.order.length < k) {
            s.order = new int[k];
            s.best = new float[k];
        }
        int blocks = (cols + FILTER_BLOCK - 1) / FILTER_BLOCK;
        int n;
        if (blocks <= 2 * k) {
            n = select(scores, offset, cols, k, s.order, s.best); // too few blocks to filter
            copy(s.order, s.best, n, k, outItems, outScores, outOffset, null);
            return;
        }
        if (s.blockMax.length < blocks) {
            s.blockMax = new float[blocks];
            s.maxCopy = new float[blocks];
        }
        float[] blockMax = s.blockMax;
        for (int b = 0; b < blocks; b++) {
            int from = offset + b * FILTER_BLOCK;
            int to = Math.min(offset + cols, from + FILTER_BLOCK);
            float m = Float.NEGATIVE_INFINITY;
            for (int j = from; j < to; j++) {
                float v = scores[j];
                m = v > m ? v : m; // NaN never wins
            }
            blockMax[b] = m;
        }
        // the k-th largest block maximum: at least k scores are at or above it
        System.arraycopy(blockMax, 0, s.maxCopy, 0, blocks);
        float threshold = kthLargest(s.maxCopy, blocks, k);
        if (threshold == Float.NEGATIVE_INFINITY) {
            n = select(scores, offset, cols, k, s.order, s.best); // fewer than k usable blocks
            copy(s.order, s.best, n, k, outItems, outScores, outOffset, null);
            return;
        }
        int count = 0;
        for (int b = 0; b < blocks; b++) {
            if (blockMax[b] >= threshold) {
                count += Math.min(FILTER_BLOCK, cols - b * FILTER_BLOCK);
            }
        }
        if (s.candidates.length < count) {
            s.candidates = new float[count];
            s.candidateItems = new int[count];
        }
        int c = 0;
        for (int b = 0; b < blocks; b++) {
            if (blockMax[b] >= threshold) {
                int from = b * FILTER_BLOCK;
                int to = Math.min(cols, from + FILTER_BLOCK);
                for (int j = from; j < to; j++) {
                    float v = scores[offset + j];
                    if (v >= threshold) {
                        s.candidates[c] = v;
                        s.candidateItems[c] = j;
                        c++;
                    }
                }
            }
        }
        // candidates are in item order, so the heap's tie-break by position is the tie-break by item index
        n = select(s.candidates, 0, c, k, s.order, s.best);
        copy(s.order, s.best, n, k, outItems, outScores, outOffset, s.candidateItems);
    }

    /** The k-th largest of {@code v[0, n)} (k ≤ n) by quickselect; reorders {@code v}. */
    static float kthLargest(float[] v, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1; // index of the k-th largest in descending order
        while (lo < hi) {
            float pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] > pivot) {
                    i++;
                }
                while (v[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return v[target];
            }
        }
        return v[target];
    }

    private static void copy(int[] order, float[] best, int n, int k, int[] outItems, float[] outScores,
            int outOffset, int[] itemOf) {
        for (int x = 0; x < n; x++) {
            outItems[outOffset + x] = itemOf == null ? order[x] : itemOf[order[x]];
            outScores[outOffset + x] = best[x];
        }
        for (int x = n; x < k; x++) {
            outItems[outOffset + x] = -1;
            outScores[outOffset + x] = Float.NEGATIVE_INFINITY;
        }
    }
}
