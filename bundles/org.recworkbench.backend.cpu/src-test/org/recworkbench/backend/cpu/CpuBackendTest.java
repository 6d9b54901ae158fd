package org.recworkbench.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void filteredTopKEqualsTheHeapDefault() {
        org.recworkbench.api.compute.ComputeBackend reference = new org.recworkbench.api.compute.ComputeBackend() {
            public String id() {
                return "reference";
            }

            public String description() {
                return "";
            }

            public int priority() {
                return 0;
            }

            public boolean isAvailable() {
                return true;
            }

            public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
            }
        };
        Random random = new Random(3);
        int rows = 40;
        int cols = 5000;
        float[] scores = new float[rows * cols];
        for (int k = 0; k < scores.length; k++) {
            // few distinct values: many ties; some excluded (-inf) and undefined (NaN) entries
            int kind = random.nextInt(50);
            scores[k] = kind == 0 ? Float.NEGATIVE_INFINITY : kind == 1 ? Float.NaN : random.nextInt(200) / 7f;
        }
        // a row with fewer usable scores than k, and one with nothing usable
        java.util.Arrays.fill(scores, 5 * cols, 6 * cols, Float.NEGATIVE_INFINITY);
        scores[5 * cols + 4321] = 1f;
        java.util.Arrays.fill(scores, 6 * cols, 7 * cols, Float.NaN);
        for (int k : new int[] {1, 10, 100, 157}) {
            int[] expectedItems = new int[rows * k];
            float[] expectedScores = new float[rows * k];
            reference.topK(scores, rows, cols, k, expectedItems, expectedScores);
            int[] items = new int[rows * k];
            float[] best = new float[rows * k];
            new CpuBackend().topK(scores, rows, cols, k, items, best);
            assertArrayEquals(expectedItems, items, "k = " + k);
            assertArrayEquals(expectedScores, best, "k = " + k);
        }
    }
}
