package org.recworkbench.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.compute.DenseInverse;
import org.recworkbench.dl4j.DeepLearning;

/**
 * The native kernels against definitions and against the pure-Java defaults the CPU backend uses. Natives load
 * on linux-x86_64 (this build's only target); the unavailable path is forced by the switch property.
 */
class Nd4jBackendTest {

    private static final Nd4jBackend BACKEND = new Nd4jBackend(DeepLearning.standalone());

    @BeforeAll
    static void start() {
        assertTrue(BACKEND.isAvailable(), BACKEND.description());
    }

    @Test
    void productMatchesTheDefinition() {
        // a native-sized shape, one below the JNI threshold, and a ragged one
        for (int[] shape : new int[][] {{300, 700, 64}, {3, 5, 2}, {37, 1500, 67}}) {
            int m = shape[0];
            int n = shape[1];
            int d = shape[2];
            Random random = new Random(m * 31L + n);
            float[] a = gaussian(random, m * d);
            float[] b = gaussian(random, n * d);
            float[] out = new float[m * n];
            BACKEND.multiplyTransposed(a, m, b, n, d, out);
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
    void reusedBuffersDoNotLeakBetweenCalls() {
        Random random = new Random(9);
        float[] b = gaussian(random, 900 * 32);
        float[] first = new float[200 * 900];
        float[] again = new float[200 * 900];
        float[] a = gaussian(random, 200 * 32);
        BACKEND.multiplyTransposed(a, 200, b, 900, 32, first);
        BACKEND.multiplyTransposed(gaussian(random, 100 * 32), 100, b, 900, 32, new float[100 * 900]);
        BACKEND.multiplyTransposed(a, 200, b, 900, 32, again);
        assertArrayEquals(first, again);
    }

    @Test
    void preparedOperandGivesTheSameProductAsTheArray() {
        Random random = new Random(11);
        float[] b = gaussian(random, 1200 * 48);
        org.recworkbench.api.compute.PreparedMatrix prepared = BACKEND.prepare(b, 1200, 48);
        for (int m : new int[] {250, 3, 250}) { // a shape change in between, and one below the JNI threshold
            float[] a = gaussian(random, m * 48);
            float[] direct = new float[m * 1200];
            float[] viaPrepared = new float[m * 1200];
            BACKEND.multiplyTransposed(a, m, b, 1200, 48, direct);
            BACKEND.multiplyTransposed(a, m, prepared, viaPrepared);
            assertArrayEquals(direct, viaPrepared);
        }
        // a heap-only operand prepared by another backend is used through its values
        float[] a = gaussian(random, 100 * 48);
        float[] direct = new float[100 * 1200];
        float[] foreign = new float[100 * 1200];
        BACKEND.multiplyTransposed(a, 100, b, 1200, 48, direct);
        BACKEND.multiplyTransposed(a, 100, new org.recworkbench.api.compute.PreparedMatrix(b, 1200, 48, null),
                foreign);
        assertArrayEquals(direct, foreign);
    }

    @Test
    void choleskyInverseAgreesWithThePureJavaElimination() {
        int n = 250;
        float[] a = gramPlusRidge(n, 5);
        float[] lapack = a.clone();
        float[] java = a.clone();
        BACKEND.invertSymmetricPositiveDefinite(lapack, n, ProgressMonitor.NONE);
        DenseInverse.invertSymmetricPositiveDefinite(java, n, ProgressMonitor.NONE);
        double scale = 0;
        for (float x : java) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int k = 0; k < a.length; k++) {
            assertEquals(java[k], lapack[k], 1e-4 * scale, "entry " + k);
        }
        // and both triangles are filled: the result is symmetric
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(lapack[i * n + j], lapack[j * n + i]);
            }
        }
    }

    @Test
    void indefiniteMatrixIsRefused() {
        float[] a = {1, 2, 2, 1}; // eigenvalues 3 and −1
        assertThrows(ArithmeticException.class,
                () -> BACKEND.invertSymmetricPositiveDefinite(a, 2, ProgressMonitor.NONE));
    }

    @Test
    void switchedOffBackendIsUnavailableAndSaysWhy() {
        System.setProperty(Nd4jBackend.SWITCH, "off");
        try {
            assertFalse(BACKEND.isAvailable());
            assertTrue(BACKEND.description().contains(Nd4jBackend.SWITCH + "=off"), BACKEND.description());
        } finally {
            System.clearProperty(Nd4jBackend.SWITCH);
        }
        assertTrue(BACKEND.isAvailable(), "the switch is read at each question");
        // DL4J itself off: the backend is unavailable with the runtime's reason
        DeepLearning offRuntime = DeepLearning.standalone();
        System.setProperty(DeepLearning.SWITCH, "off");
        try {
            assertFalse(offRuntime.isAvailable(), "decided on the first question, then kept");
        } finally {
            System.clearProperty(DeepLearning.SWITCH);
        }
        Nd4jBackend off = new Nd4jBackend(offRuntime);
        assertFalse(off.isAvailable());
        assertTrue(off.description().contains("recwb.dl4j=off"), off.description());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> off.multiplyTransposed(new float[1], 1, new float[1], 1, 1, new float[1]));
        assertTrue(e.getMessage().contains("not available"), e.getMessage());
    }

    private static float[] gaussian(Random random, int size) {
        float[] v = new float[size];
        for (int k = 0; k < size; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return v;
    }

    /** {@code GᵀG + n·I} for a random sparse 0/1 matrix G: shaped like EASE's regularised co-occurrences. */
    private static float[] gramPlusRidge(int n, long seed) {
        Random random = new Random(seed);
        float[] a = new float[n * n];
        for (int u = 0; u < 3 * n; u++) {
            int[] items = random.ints(8, 0, n).distinct().toArray();
            for (int i : items) {
                for (int j : items) {
                    a[i * n + j]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] += n / 10f;
        }
        return a;
    }
}
