package org.recworkbench.algo.support;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Top-k neighbourhoods from a two-step walk over a bipartite graph: for every source row s, accumulate
 * {@code acc[t] = Σ_{m ∈ out(s)} w1(s, m) · w2(m, t)} over the middle nodes m linked to s and the target nodes t
 * linked to m, then turn each accumulated value into a score with {@link Finish} and keep the k best targets.
 * With sources = items and middles = users this yields item–item similarities (cosine, Jaccard, RP3beta
 * transition probabilities ...); with sources = users, user–user similarities. Edge weights are given as arrays
 * aligned with the CSR entries, so the inner loop makes no calls. Rows are computed in parallel and
 * independently: the result does not depend on the thread count.
 */
public final class Neighbourhoods {
    private Neighbourhoods() {
    }

    /** Turns the accumulated walk weight from {@code source} to {@code target} into its score. */
    @FunctionalInterface
    public interface Finish {
        /**
         * @param coCount number of middle nodes shared by source and target
         * @return the score, or NaN / -Infinity to drop the pair
         */
        double score(int source, int target, double accumulated, int coCount);
    }

    /**
     * @param out CSR source → middle nodes (e.g. item → users)
     * @param outWeights one weight per entry of {@code out} (w1)
     * @param in CSR middle → target nodes (e.g. user → items)
     * @param inWeights one weight per entry of {@code in} (w2)
     * @param k neighbours kept per source (the best scores; ties by lower index); the source itself is never kept
     * @return CSR source → (target, score), rows sorted by target
     */
    public static SparseMatrix topK(SparseMatrix out, float[] outWeights, SparseMatrix in, float[] inWeights, int k,
            Finish finish, ProgressMonitor monitor, String task) {
        int sources = out.rows();
        int targets = in.cols();
        int[][] keptTargets = new int[sources][];
        float[][] keptScores = new float[sources][];
        ThreadLocal<double[]> accumulators = ThreadLocal.withInitial(() -> new double[targets]);
        ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[targets]);
        ThreadLocal<int[][]> touchedLists = ThreadLocal.withInitial(() -> new int[][] {new int[64]});
        AtomicInteger done = new AtomicInteger();
        monitor.begin(task, sources);
        int[] outCols = out.columns();
        int[] inCols = in.columns();
        IntStream.range(0, sources).parallel().forEach(s -> {
            if ((s & 255) == 0) {
                monitor.checkCanceled();
            }
            double[] acc = accumulators.get();
            int[] count = counts.get();
            int[][] holder = touchedLists.get();
            int[] touched = holder[0];
            int touchedCount = 0;
            for (int p = out.rowStart(s); p < out.rowEnd(s); p++) {
                int m = outCols[p];
                double w1 = outWeights[p];
                for (int q = in.rowStart(m); q < in.rowEnd(m); q++) {
                    int t = inCols[q];
                    if (count[t] == 0) {
                        if (touchedCount == touched.length) {
                            touched = Arrays.copyOf(touched, touchedCount * 2);
                            holder[0] = touched;
                        }
                        touched[touchedCount++] = t;
                    }
                    count[t]++;
                    acc[t] += w1 * inWeights[q];
                }
            }
            float[] scores = new float[touchedCount];
            for (int x = 0; x < touchedCount; x++) {
                int t = touched[x];
                double score = t == s && sources == targets ? Double.NaN : finish.score(s, t, acc[t], count[t]);
                scores[x] = Double.isNaN(score) ? Float.NEGATIVE_INFINITY : (float) score;
                acc[t] = 0;
                count[t] = 0;
            }
            int keep = Math.min(k, touchedCount);
            int[] order = new int[keep];
            float[] best = new float[keep];
            int n = TopK.select(scores, 0, touchedCount, keep, order, best);
            int[] ids = new int[n];
            for (int x = 0; x < n; x++) {
                ids[x] = touched[order[x]];
            }
            keptTargets[s] = ids;
            keptScores[s] = Arrays.copyOf(best, n);
            int d = done.incrementAndGet();
            if ((d & 255) == 0) {
                monitor.worked(256);
            }
        });
        monitor.done();
        return toMatrix(keptTargets, keptScores, sources, targets);
    }

    private static SparseMatrix toMatrix(int[][] ids, float[][] scores, int rows, int cols) {
        int total = 0;
        for (int[] row : ids) {
            total += row.length;
        }
        int[] r = new int[total];
        int[] c = new int[total];
        float[] v = new float[total];
        int pos = 0;
        for (int s = 0; s < rows; s++) {
            for (int x = 0; x < ids[s].length; x++) {
                r[pos] = s;
                c[pos] = ids[s][x];
                v[pos] = scores[s][x];
                pos++;
            }
        }
        return SparseMatrix.fromCoordinates(rows, cols, r, c, v);
    }

    /** Weights that are 1 for every entry (binary walks). */
    public static float[] ones(SparseMatrix m) {
        float[] w = new float[m.columns().length];
        Arrays.fill(w, 1f);
        return w;
    }
}
