package org.recworkbench.backend.cpu;

import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.compute.ComputeBackend;

/**
 * Pure-Java kernels: a cache-blocked product against transposed item factors; top-k is the interface's
 * heap-based default.
 * Rows are independent, so the product parallelises over row blocks. Always available; lowest priority.
 */
@Component(service = ComputeBackend.class)
public class CpuBackend implements ComputeBackend {

    /** Item rows per block: a block of item factors (ITEM_BLOCK × d floats) stays in L2 for d ≤ 256. */
    private static final int ITEM_BLOCK = 256;
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
        int rowBlocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        IntStream range = IntStream.range(0, rowBlocks);
        if ((long) m * n * d > 1_000_000L) {
            range = range.parallel();
        }
        range.forEach(rb -> {
            int r0 = rb * ROW_BLOCK;
            int r1 = Math.min(m, r0 + ROW_BLOCK);
            for (int j0 = 0; j0 < n; j0 += ITEM_BLOCK) {
                int j1 = Math.min(n, j0 + ITEM_BLOCK);
                for (int i = r0; i < r1; i++) {
                    int ai = i * d;
                    int oi = i * n;
                    for (int j = j0; j < j1; j++) {
                        int bj = j * d;
                        float s = 0f;
                        for (int x = 0; x < d; x++) {
                            s += a[ai + x] * b[bj + x];
                        }
                        out[oi + j] = s;
                    }
                }
            }
        });
    }

}
