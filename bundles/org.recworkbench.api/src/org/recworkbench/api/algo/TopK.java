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

    /** Sampled scores per selected item: the sample's k-th best is then about the row's 16k-th best. */
    private static final int SAMPLE_PER_K = 16;

    /**
     * The best {@code k} of every row of a row-major {@code rows×cols} score matrix into {@code outItems} and
     * {@code outScores} ({@code rows×k}, best first, unfilled slots -1 and -Infinity): the same result as
     * {@link #select} row by row, with a threshold. The k-th best of a sample of the row can only
     * be lower than or equal to the k-th best of the whole row, so every score of the top k reaches it: one pass
     * keeps the scores that do (a branch-free compaction), and the heap selects among those few. Any sample
     * gives the same result; the row's prefix is used because it is read in order. Rows run in parallel for large inputs.
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

    /** Per-thread buffers of the row selection. */
    private static final class TopKScratch {
        float[] sample = new float[0];
        float[] candidates = new float[0];
        int[] candidateItems = new int[0];
        int[] order = new int[0];
        float[] best = new float[0];
    }

    private static void topKRow(float[] scores, int offset, int cols, int k, int[] outItems, float[] outScores,
            int outOffset, TopKScratch s) {
        if (s.order.length < k) {
            s.order = new int[k];
            s.best = new float[k];
        }
        int sampleSize = (int) Math.min(cols, (long) SAMPLE_PER_K * k);
        if (k <= 0 || 4L * sampleSize > cols) {
            int n = select(scores, offset, cols, k, s.order, s.best); // too short a row to be worth a filter
            copy(s.order, s.best, n, k, outItems, outScores, outOffset, null);
            return;
        }
        if (s.sample.length < sampleSize) {
            s.sample = new float[sampleSize];
        }
        int finite = 0;
        for (int x = 0; x < sampleSize; x++) {
            float v = scores[offset + x]; // a prefix: read in order, and it stays in cache for the next pass
            if (v > Float.NEGATIVE_INFINITY) { // neither excluded (-inf) nor NaN
                s.sample[finite++] = v;
            }
        }
        if (finite < k) {
            int n = select(scores, offset, cols, k, s.order, s.best); // most of the row excluded
            copy(s.order, s.best, n, k, outItems, outScores, outOffset, null);
            return;
        }
        float threshold = kthLargest(s.sample, finite, k);
        if (s.candidates.length < cols + 1) {
            s.candidates = new float[cols + 1];
            s.candidateItems = new int[cols + 1];
        }
        float[] candidates = s.candidates;
        int[] candidateItems = s.candidateItems;
        int c = 0;
        for (int j = 0; j < cols; j++) {
            // branch-free compaction: every score is written, the slot advances only for those that pass (NaN
            // never does), so a pass rate of a few percent costs no mispredicted branches
            float v = scores[offset + j];
            candidates[c] = v;
            candidateItems[c] = j;
            c += v >= threshold ? 1 : 0;
        }
        // candidates are in item order, so the heap's tie-break by position is the tie-break by item index
        int n = select(candidates, 0, c, k, s.order, s.best);
        copy(s.order, s.best, n, k, outItems, outScores, outOffset, candidateItems);
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
