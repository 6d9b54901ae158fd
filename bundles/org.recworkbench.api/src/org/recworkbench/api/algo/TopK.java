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
        int i = 0;
        // heap of (score, item); the root is the worst kept entry. Fill it with the first k eligible entries...
        for (; i < length && size < k; i++) {
            float s = scores[offset + i];
            if (s > Float.NEGATIVE_INFINITY) { // neither -inf nor NaN
                outItems[size] = i;
                outScores[size] = s;
                siftUp(outItems, outScores, size);
                size++;
            }
        }
        // ...then an entry enters only by beating the root's score: every later index is higher than the root's,
        // so an equal score loses the tie, and -inf and NaN never beat a finite score
        if (size == k) {
            float worst = outScores[0];
            for (; i < length; i++) {
                float s = scores[offset + i];
                if (s > worst) {
                    outItems[0] = i;
                    outScores[0] = s;
                    siftDown(outItems, outScores, size);
                    worst = outScores[0];
                }
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

    /** Sampled scores per selected item: a prefix of 16k scores estimates where the row's best 2.5k begin. */
    private static final int SAMPLE_PER_K = 16;
    /** Candidates aimed for, per selected item: few enough that the filter's branch is rarely taken. */
    private static final double CANDIDATES_PER_K = 2.5;

    /**
     * The best {@code k} of every row of a row-major {@code rows×cols} score matrix into {@code outItems} and
     * {@code outScores} ({@code rows×k}, best first, unfilled slots -1 and -Infinity): the same result as
     * {@link #select} row by row, with a threshold. From a prefix of the row, estimate the score above which
     * about 2.5k of the row's scores lie; one pass keeps the scores that reach it (a compare whose branch is rarely
     * taken), and the heap selects among those few. If fewer than k reach it, the row is selected again without
     * a threshold, so the result is exact either way: when at least k scores reach a threshold, every score of
     * the top k (ties included) reaches it. Rows run in parallel for large inputs.
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
        float[] sampleHeap = new float[0];
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
        int n;
        if (k <= 0 || 4L * sampleSize > cols) {
            n = select(scores, offset, cols, k, s.order, s.best); // too short a row to be worth a filter
            copy(s.order, s.best, n, k, outItems, outScores, outOffset, null);
            return;
        }
        // the r-th best of the sample estimates the score of the row's (2.5k)-th best
        int r = (int) Math.max(1, Math.ceil(CANDIDATES_PER_K * k * sampleSize / cols));
        float threshold = rthBest(scores, offset, sampleSize, r, s);
        int c = 0;
        if (threshold > Float.NEGATIVE_INFINITY) {
            if (s.candidates.length < cols) {
                s.candidates = new float[cols];
                s.candidateItems = new int[cols];
            }
            float[] candidates = s.candidates;
            int[] candidateItems = s.candidateItems;
            for (int j = 0; j < cols; j++) {
                float v = scores[offset + j];
                if (v >= threshold) { // NaN never passes
                    candidates[c] = v;
                    candidateItems[c] = j;
                    c++;
                }
            }
        }
        if (c < k) {
            n = select(scores, offset, cols, k, s.order, s.best); // the estimate was too high: no threshold
            copy(s.order, s.best, n, k, outItems, outScores, outOffset, null);
            return;
        }
        // candidates are in item order, so the heap's tie-break by position is the tie-break by item index
        n = select(s.candidates, 0, c, k, s.order, s.best);
        copy(s.order, s.best, n, k, outItems, outScores, outOffset, s.candidateItems);
    }

    /** The r-th largest finite score of {@code scores[offset, offset+length)} by a min-heap; -Infinity if fewer. */
    private static float rthBest(float[] scores, int offset, int length, int r, TopKScratch s) {
        if (s.sampleHeap.length < r) {
            s.sampleHeap = new float[r];
        }
        float[] heap = s.sampleHeap;
        int size = 0;
        for (int j = 0; j < length; j++) {
            float v = scores[offset + j];
            if (size < r) {
                if (v > Float.NEGATIVE_INFINITY) { // neither excluded (-inf) nor NaN
                    int pos = size++;
                    heap[pos] = v;
                    while (pos > 0 && heap[(pos - 1) >>> 1] > heap[pos]) {
                        int parent = (pos - 1) >>> 1;
                        float t = heap[parent];
                        heap[parent] = heap[pos];
                        heap[pos] = t;
                        pos = parent;
                    }
                }
            } else if (v > heap[0]) {
                heap[0] = v;
                int pos = 0;
                while (true) {
                    int child = 2 * pos + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && heap[child + 1] < heap[child]) {
                        child++;
                    }
                    if (heap[pos] <= heap[child]) {
                        break;
                    }
                    float t = heap[pos];
                    heap[pos] = heap[child];
                    heap[child] = t;
                    pos = child;
                }
            }
        }
        return size < r ? Float.NEGATIVE_INFINITY : heap[0];
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
