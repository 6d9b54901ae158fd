package org.recworkbench.algo.mf;

import org.recworkbench.algo.support.FactorModel;

/**
 * The few dense kernels the trainers need, on rows of row-major factor matrices. Dot products keep four
 * partial sums so the JIT can overlap the multiply-adds (a single float accumulator is a serial chain it may
 * not reorder).
 */
final class Vectors {
    private Vectors() {
    }

    /** {@code a[ai..ai+d) · b[bi..bi+d)}. */
    static float dot(float[] a, int ai, float[] b, int bi, int d) {
        return FactorModel.dot(a, ai, b, bi, d);
    }

    /** {@code y[yi..yi+d) += alpha * x[xi..xi+d)}. */
    static void axpy(float alpha, float[] x, int xi, float[] y, int yi, int d) {
        for (int f = 0; f < d; f++) {
            y[yi + f] += alpha * x[xi + f];
        }
    }

    /** Normal(0, std) initial factors from a seeded generator (same seed, same factors). */
    static float[] gaussian(int rows, int d, double std, java.util.SplittableRandom random) {
        float[] m = new float[rows * d];
        for (int k = 0; k < m.length; k++) {
            m[k] = (float) (random.nextGaussian() * std);
        }
        return m;
    }

    /**
     * Solves {@code A x = b} for a symmetric positive definite {@code n×n} matrix {@code A} (row-major, destroyed:
     * it receives the Cholesky factor) into {@code b}.
     */
    static void solveSpd(double[] a, double[] b, int n) {
        for (int j = 0; j < n; j++) {
            double s = a[j * n + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * n + k] * a[j * n + k];
            }
            if (s <= 0) {
                throw new ArithmeticException("matrix is not positive definite (regularization 0?)");
            }
            double l = Math.sqrt(s);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double t = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = t / l;
            }
        }
        for (int i = 0; i < n; i++) { // L y = b
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= a[i * n + k] * b[k];
            }
            b[i] = t / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) { // L^T x = y
            double t = b[i];
            for (int k = i + 1; k < n; k++) {
                t -= a[k * n + i] * b[k];
            }
            b[i] = t / a[i * n + i];
        }
    }

    /** A permutation of 0..n-1 from the generator (Fisher–Yates). */
    static int[] shuffled(int n, java.util.SplittableRandom random) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        shuffle(order, random);
        return order;
    }

    static void shuffle(int[] order, java.util.SplittableRandom random) {
        for (int k = order.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
    }
}
