package org.recworkbench.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocked product against the textbook triple loop in double precision. */
class CpuBackendTest {

    @Test
    void productMatchesTheDefinitionAcrossBlockEdges() {
        // n crosses the item block (1024) and d is not a multiple of the 4-way register block
        for (int[] shape : new int[][] {{37, 1500, 67}, {1, 3, 1}, {20, 1024, 64}, {5, 2049, 3}}) {
            int m = shape[0];
            int n = shape[1];
            int d = shape[2];
            Random random = new Random(m * 31L + n);
            float[] a = new float[m * d];
            float[] b = new float[n * d];
            for (int k = 0; k < a.length; k++) {
                a[k] = (float) random.nextGaussian();
            }
            for (int k = 0; k < b.length; k++) {
                b[k] = (float) random.nextGaussian();
            }
            float[] out = new float[m * n];
            new CpuBackend().multiplyTransposed(a, m, b, n, d, out);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int x = 0; x < d; x++) {
                        s += (double) a[i * d + x] * b[j * d + x];
                    }
                    assertEquals(s, out[i * n + j], 1e-4 * Math.sqrt(d), "(" + i + ", " + j + ") of " + m + "x" + n);
                }
            }
        }
    }
}
