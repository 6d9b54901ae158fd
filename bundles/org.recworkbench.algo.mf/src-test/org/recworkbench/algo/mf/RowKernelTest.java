package org.recworkbench.algo.mf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Both implicit-ALS row kernels against the formulas they implement, evaluated here in double precision from
 * the definitions: {@code out + Σ_k (shift_k + scale_k (y_k·v)) y_k}, {@code (G + λI) v} and
 * {@code g + Σ y yᵀ}. Sizes cover d below, at and across the vector width (16 floats with AVX-512, 8 with AVX2)
 * and row counts below and across the kernels' blocks of two, four and eight rows.
 */
class RowKernelTest {

    /** The kernels under test; this build runs its tests with the Vector API module (see the pom). */
    static List<Supplier<RowKernel>> kernels() {
        assertTrue(RowKernels.vectorAvailable(), "the unit tests run with --add-modules jdk.incubator.vector");
        return List.of(ScalarRowKernel::new, RowKernels.vector());
    }

    @Test
    void accumulateMatchesTheDefinition() {
        Random random = new Random(3);
        for (Supplier<RowKernel> kernels : kernels()) {
            RowKernel kernel = kernels.get();
            for (int d : new int[] {5, 8, 16, 20, 32, 64}) {
                for (int n : new int[] {0, 1, 3, 4, 7, 8, 33}) {
                    int rows = 50;
                    float[] y = gaussian(random, rows * d);
                    int[] cols = new int[n + 2];
                    for (int k = 0; k < cols.length; k++) {
                        cols[k] = random.nextInt(rows);
                    }
                    float[] v = gaussian(random, d);
                    float[] shift = gaussian(random, n);
                    float[] scale = gaussian(random, n);
                    float[] start = gaussian(random, d);
                    kernel.gather(y, d, cols, 2, n); // entries from the third on: start offsets count
                    for (float[] s : new float[][] {shift, null}) {
                        double[] expected = new double[d];
                        for (int f = 0; f < d; f++) {
                            expected[f] = start[f];
                        }
                        for (int k = 0; k < n; k++) {
                            int o = cols[2 + k] * d;
                            double product = 0;
                            for (int f = 0; f < d; f++) {
                                product += (double) y[o + f] * v[f];
                            }
                            double a = (s == null ? 0 : s[k]) + scale[k] * product;
                            for (int f = 0; f < d; f++) {
                                expected[f] += a * y[o + f];
                            }
                        }
                        float[] out = start.clone();
                        kernel.accumulate(v, s, scale, out);
                        for (int f = 0; f < d; f++) {
                            assertEquals(expected[f], out[f], 1e-4 * (1 + Math.abs(expected[f])),
                                    kernel.name() + " d " + d + " n " + n + " f " + f);
                        }
                    }
                }
            }
        }
    }

    @Test
    void gramTimesMatchesTheDefinition() {
        Random random = new Random(4);
        for (Supplier<RowKernel> kernels : kernels()) {
            RowKernel kernel = kernels.get();
            for (int d : new int[] {3, 16, 21, 64}) {
                float[][] g = new float[d][];
                for (int i = 0; i < d; i++) {
                    g[i] = gaussian(random, d);
                }
                float[] v = gaussian(random, d);
                float[] out = gaussian(random, d); // overwritten, not added to
                kernel.gramTimes(g, 2.5f, v, out);
                for (int i = 0; i < d; i++) {
                    double expected = 2.5 * v[i];
                    for (int j = 0; j < d; j++) {
                        expected += (double) g[j][i] * v[j]; // column i: Gv for symmetric G, Gᵀv in general
                    }
                    assertEquals(expected, out[i], 1e-4 * (1 + Math.abs(expected)), kernel.name() + " d " + d);
                }
            }
        }
    }

    @Test
    void addGramMatchesTheDefinitionOnTheUpperTriangle() {
        Random random = new Random(5);
        for (Supplier<RowKernel> kernels : kernels()) {
            RowKernel kernel = kernels.get();
            for (int d : new int[] {5, 16, 20, 64}) {
                float[] y = gaussian(random, 12 * d);
                for (int to : new int[] {1, 2, 5, 8, 11}) { // rows [1, to): none, one, across blocks of four
                    double[] g = new double[d * d];
                    for (int k = 0; k < g.length; k++) {
                        g[k] = random.nextGaussian();
                    }
                    double[] expected = g.clone();
                    for (int r = 1; r < to; r++) {
                        for (int i = 0; i < d; i++) {
                            for (int j = 0; j < d; j++) {
                                expected[i * d + j] += (double) y[r * d + i] * y[r * d + j];
                            }
                        }
                    }
                    kernel.addGram(y, d, 1, to, g);
                    for (int i = 0; i < d; i++) {
                        for (int j = i; j < d; j++) {
                            assertEquals(expected[i * d + j], g[i * d + j], 1e-9 * (1 + Math.abs(expected[i * d + j])),
                                    kernel.name() + " d " + d + " to " + to + " (" + i + ", " + j + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theVectorKernelIsChosenForLargeFitsOfWideFactorsAndCanBeForcedEitherWay() {
        int width = RowKernels.vector().get().width();
        double large = 1e9; // entries visited: 20M interactions, 25 iterations, two halves
        assertTrue(RowKernels.forFit(width, large).get().name().startsWith("vector"));
        assertEquals("scalar", RowKernels.forFit(width - 1, large).get().name());
        assertEquals("scalar", RowKernels.forFit(64, 2.0 * 80_000 * 3).get().name()); // ML-100K, 3 iterations
        System.setProperty(RowKernels.PROPERTY, "scalar");
        try {
            assertEquals("scalar", RowKernels.forFit(64, large).get().name());
            System.setProperty(RowKernels.PROPERTY, "vector");
            assertTrue(RowKernels.forFit(64, 10).get().name().startsWith("vector"));
            System.setProperty(RowKernels.PROPERTY, "vectors");
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> RowKernels.forFit(64, 10));
            assertTrue(e.getMessage().contains("'vectors'") && e.getMessage().contains("scalar or vector"),
                    e.getMessage());
        } finally {
            System.clearProperty(RowKernels.PROPERTY);
        }
    }

    private static float[] gaussian(Random random, int n) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) random.nextGaussian();
        }
        return a;
    }
}
