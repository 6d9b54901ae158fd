package org.recworkbench.api.compute;

import java.util.stream.IntStream;
import org.recworkbench.api.ProgressMonitor;

/**
 * Pure-Java inverse of a symmetric positive definite matrix: Gauss–Jordan elimination in double precision
 * without pivoting (positive definiteness makes every pivot positive). Each elimination step updates every
 * other row by one axpy over the pivot row; rows are independent, so they run in parallel, and the result does
 * not depend on the thread count. O(n³) time and 8n² bytes of scratch: seconds for a few thousand rows.
 *
 * @since 1.1
 */
public final class DenseInverse {

    private DenseInverse() {
    }

    /**
     * Replaces the row-major {@code n×n} matrix {@code a} by its inverse; reports one unit of work per pivot.
     *
     * @throws ArithmeticException if a pivot is not positive (the matrix is not positive definite)
     */
    public static void invertSymmetricPositiveDefinite(float[] a, int n, ProgressMonitor monitor) {
        if ((long) n * n > a.length) {
            throw new IllegalArgumentException(n + "x" + n + " matrix in an array of " + a.length);
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i * n + j];
            }
        }
        for (int k = 0; k < n; k++) {
            if ((k & 63) == 0) {
                monitor.checkCanceled();
            }
            double[] pivotRow = m[k];
            double pivot = pivotRow[k];
            if (!(pivot > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + k + " is " + pivot + ")");
            }
            double inv = 1 / pivot;
            for (int j = 0; j < n; j++) {
                pivotRow[j] *= inv;
            }
            pivotRow[k] = inv;
            int step = k;
            IntStream rows = IntStream.range(0, n);
            if (n >= 256) {
                rows = rows.parallel();
            }
            rows.forEach(i -> {
                if (i == step) {
                    return;
                }
                double[] row = m[i];
                double f = row[step];
                if (f == 0) {
                    return;
                }
                for (int j = 0; j < n; j++) {
                    row[j] -= f * pivotRow[j];
                }
                row[step] = -f * inv;
            });
            monitor.worked(1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = (float) m[i][j];
            }
        }
    }
}
