package org.recworkbench.backend.cpu;

import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.compute.ComputeBackend;

/**
 * Pure-Java kernels: a cache-blocked, register-blocked product against the transposed item factors, written
 * as offset-free axpys so that the JIT vectorizes it; top-k and the dense inverse are the API's pure-Java
 * defaults. Rows are independent, so the product parallelises over row blocks. Always available; lowest
 * priority.
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
}
