package org.recworkbench.backend.cpu;

import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.compute.ComputeBackend;

/**
 * Pure-Java kernels: a cache-blocked, register-blocked product against the transposed item factors, written
 * as offset-free axpys so that the JIT vectorizes it, and a two-pass block-maximum filter in front of the
 * bounded-heap top-k.
 * Rows are independent, so the product parallelises over row blocks. Always available; lowest priority.
 */
@Component(service = ComputeBackend.class)
public class CpuBackend implements ComputeBackend {

    /** Items per block: the block's slice of every column (ITEM_BLOCK × d floats) stays in L2 for d ≤ 128. */
    private static final int ITEM_BLOCK = 1024;
    private static final int ROW_BLOCK = 16;

    @Override
    public String id() {
        return "cpu";
    }

    @Override
    public String description() {
        return "Pure Java, multithreaded, cache-blocked (always available)";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
        // b transposed block by block: blocks[k][x][t] = b[(k * ITEM_BLOCK + t) * d + x], every column slice its
        // own array starting at 0, so the row kernel is a sum of offset-free axpys, the form C2 (JDK 17)
        // vectorizes (a dot product per (i, j) it does not)
        int numBlocks = (n + ITEM_BLOCK - 1) / ITEM_BLOCK;
        float[][][] blocks = new float[numBlocks][][];
        for (int k = 0; k < numBlocks; k++) {
            int j0 = k * ITEM_BLOCK;
            int len = Math.min(ITEM_BLOCK, n - j0);
            float[][] block = new float[d][len];
            for (int t = 0; t < len; t++) {
                int bj = (j0 + t) * d;
                for (int x = 0; x < d; x++) {
                    block[x][t] = b[bj + x];
                }
            }
            blocks[k] = block;
        }
        int rowBlocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        IntStream range = IntStream.range(0, rowBlocks);
        if ((long) m * n * d > 1_000_000L) {
            range = range.parallel();
        }
        range.forEach(rb -> {
            float[] row = new float[Math.min(n, ITEM_BLOCK)];
            int r0 = rb * ROW_BLOCK;
            int r1 = Math.min(m, r0 + ROW_BLOCK);
            for (int k = 0; k < numBlocks; k++) {
                int len = blocks[k].length == 0 ? 0 : blocks[k][0].length;
                for (int i = r0; i < r1; i++) {
                    rowTimesColumns(a, i * d, d, blocks[k], len, row);
                    System.arraycopy(row, 0, out, i * n + k * ITEM_BLOCK, len);
                }
            }
        });
    }

    /** {@code row[t] = Σ_x a[ai + x] · columns[x][t]} for t < len, four columns per pass over {@code row}. */
    private static void rowTimesColumns(float[] a, int ai, int d, float[][] columns, int len, float[] row) {
        java.util.Arrays.fill(row, 0, len, 0f);
        int x = 0;
        for (; x + 3 < d; x += 4) {
            float a0 = a[ai + x];
            float a1 = a[ai + x + 1];
            float a2 = a[ai + x + 2];
            float a3 = a[ai + x + 3];
            float[] c0 = columns[x];
            float[] c1 = columns[x + 1];
            float[] c2 = columns[x + 2];
            float[] c3 = columns[x + 3];
            for (int t = 0; t < len; t++) {
                row[t] += a0 * c0[t] + a1 * c1[t] + a2 * c2[t] + a3 * c3[t];
            }
        }
        for (; x < d; x++) {
            float ax = a[ai + x];
            float[] c = columns[x];
            for (int t = 0; t < len; t++) {
                row[t] += ax * c[t];
            }
        }
    }

    /** Scores per block of the top-k filter: the block maxima of a 27k-item row fit in L1. */
    private static final int FILTER_BLOCK = 16;

    /**
     * Top-k per row in two passes: the maximum of every block of {@value #FILTER_BLOCK} scores, then the k-th
     * largest of those maxima is a threshold that at least k scores reach (one per block), so only the blocks
     * whose maximum reaches it are searched, with the bounded heap of {@link TopK}. Same result as the default
     * (ties by lower index; -Infinity and NaN never selected). Rows run in parallel for large inputs.
     */
    @Override
    public void topK(float[] scores, int rows, int cols, int k, int[] outItems, float[] outScores) {
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
            n = TopK.select(scores, offset, cols, k, s.order, s.best); // too few blocks to filter
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
            n = TopK.select(scores, offset, cols, k, s.order, s.best); // fewer than k usable blocks
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
        n = TopK.select(s.candidates, 0, c, k, s.order, s.best);
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
