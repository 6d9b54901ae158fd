package org.recworkbench.algo.bandit;

/** Cholesky factor and inverse of small dense symmetric positive-definite matrices (row-major, double). */
final class Cholesky {

    private Cholesky() {
    }

    /** Writes the lower factor L (A = L Lᵀ) into {@code l}; the upper part of {@code l} is zeroed. */
    static void factor(double[] a, int n, double[] l) {
        java.util.Arrays.fill(l, 0, n * n, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("matrix is not positive definite (pivot " + s + " at " + i + ")");
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
    }

    /** {@code inverse = A⁻¹} through A's Cholesky factor; {@code scratch} holds n² values. */
    static void invert(double[] a, int n, double[] inverse, double[] scratch) {
        factor(a, n, scratch);
        // column by column: solve L y = e_c, then Lᵀ x = y
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                double s = i == c ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    s -= scratch[i * n + k] * column[k];
                }
                column[i] = s / scratch[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = column[i];
                for (int k = i + 1; k < n; k++) {
                    s -= scratch[k * n + i] * column[k];
                }
                column[i] = s / scratch[i * n + i];
            }
            for (int i = 0; i < n; i++) {
                inverse[i * n + c] = column[i];
            }
        }
    }
}
