package org.recworkbench.api.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.ProgressMonitor;

class DenseInverseTest {

    @Test
    void twoByTwoMatchesTheAdjugateFormula() {
        // [[4, 2], [2, 3]]⁻¹ = 1/(4·3 − 2·2) · [[3, −2], [−2, 4]] = [[0.375, −0.25], [−0.25, 0.5]]
        float[] a = {4, 2, 2, 3};
        DenseInverse.invertSymmetricPositiveDefinite(a, 2, ProgressMonitor.NONE);
        assertEquals(0.375f, a[0], 1e-7);
        assertEquals(-0.25f, a[1], 1e-7);
        assertEquals(-0.25f, a[2], 1e-7);
        assertEquals(0.5f, a[3], 1e-7);
    }

    @Test
    void productWithTheOriginalIsTheIdentity() {
        int n = 300; // above the parallel threshold
        float[] a = randomGramPlusRidge(n, 7);
        float[] inv = a.clone();
        DenseInverse.invertSymmetricPositiveDefinite(inv, n, ProgressMonitor.NONE);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += (double) a[i * n + k] * inv[k * n + j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-4, "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void indefiniteMatrixIsRefused() {
        float[] a = {1, 2, 2, 1}; // eigenvalues 3 and −1
        assertThrows(ArithmeticException.class,
                () -> DenseInverse.invertSymmetricPositiveDefinite(a, 2, ProgressMonitor.NONE));
    }

    /** {@code GᵀG + n·I} for a random 0/1 matrix G: the shape of EASE's regularised co-occurrence matrix. */
    static float[] randomGramPlusRidge(int n, long seed) {
        Random random = new Random(seed);
        int rows = 2 * n;
        boolean[][] g = new boolean[rows][n];
        for (boolean[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextInt(10) == 0;
            }
        }
        float[] a = new float[n * n];
        for (boolean[] row : g) {
            for (int i = 0; i < n; i++) {
                if (row[i]) {
                    for (int j = 0; j < n; j++) {
                        if (row[j]) {
                            a[i * n + j]++;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] += n;
        }
        return a;
    }
}
