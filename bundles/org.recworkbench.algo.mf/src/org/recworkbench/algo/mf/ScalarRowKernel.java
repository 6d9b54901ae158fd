package org.recworkbench.algo.mf;

import java.util.Arrays;

/**
 * The row kernel in plain Java. Every inner loop is an axpy between arrays that start at index 0, the form C2
 * (JDK 17) vectorizes (5.3 against 2.0 GMAC/s per core for {@code y[yi+f] += a*x[xi+f]} at length 64): the
 * gathered vectors are kept twice, as rows and transposed into columns, so that all n products {@code y_k·v}
 * come from d axpys of length n and {@code Σ t_k y_k} from n axpys of length d.
 */
final class ScalarRowKernel extends RowKernel {
    private int d;
    private int n;
    private float[][] columns = new float[0][]; // columns[f][k] = f-th component of y_k
    private float[][] rows = new float[0][]; // rows[k] = y_k
    private float[] t = new float[0];

    @Override
    void gather(float[] y, int d, int[] cols, int start, int n) {
        ensure(n, d);
        for (int k = 0; k < n; k++) {
            System.arraycopy(y, cols[start + k] * d, rows[k], 0, d);
        }
        transpose(rows, n, d, columns);
        this.d = d;
        this.n = n;
    }

    private void ensure(int n, int d) {
        if (columns.length != d || rows.length > 0 && rows[0].length != d) {
            columns = new float[d][0];
            rows = new float[0][];
            t = new float[0];
        }
        if (t.length < n) {
            int capacity = Math.max(n, t.length * 2);
            t = new float[capacity];
            for (int f = 0; f < d; f++) {
                columns[f] = new float[capacity];
            }
            int had = rows.length;
            rows = Arrays.copyOf(rows, capacity);
            for (int k = had; k < capacity; k++) {
                rows[k] = new float[d];
            }
        }
    }

    @Override
    void accumulate(float[] v, float[] shift, float[] scale, float[] out) {
        products(columns, n, d, v, t);
        if (shift == null) {
            for (int k = 0; k < n; k++) {
                t[k] *= scale[k];
            }
        } else {
            for (int k = 0; k < n; k++) {
                t[k] = shift[k] + scale[k] * t[k];
            }
        }
        combine(rows, t, n, d, out);
    }

    @Override
    void gramTimes(float[][] gram, float lambda, float[] v, float[] out) {
        int dd = gram.length;
        for (int i = 0; i < dd; i++) {
            out[i] = lambda * v[i];
        }
        combine(gram, v, dd, dd, out);
    }

    @Override
    void addGram(float[] y, int d, int from, int to, double[] g) {
        addGramRows(y, d, from, to, g);
    }

    /** {@link #addGram} one row at a time over the upper triangle (also the vector kernel's leftover rows). */
    static void addGramRows(float[] y, int d, int from, int to, double[] g) {
        for (int r = from; r < to; r++) {
            int o = r * d;
            for (int i = 0; i < d; i++) {
                double yi = y[o + i];
                for (int j = i; j < d; j++) {
                    g[i * d + j] += yi * y[o + j];
                }
            }
        }
    }

    @Override
    String name() {
        return "scalar";
    }

    /**
     * {@code columns[f][k] = rows[k][f]}, eight rows at a time: each column array is fetched once per eight
     * stores and the eight rows are read in order (3x faster than one row per pass, which was about half of an
     * ALS iteration; docs/benchmarks.md).
     */
    static void transpose(float[][] rows, int n, int d, float[][] columns) {
        int k = 0;
        for (; k + 7 < n; k += 8) {
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            float[] r2 = rows[k + 2];
            float[] r3 = rows[k + 3];
            float[] r4 = rows[k + 4];
            float[] r5 = rows[k + 5];
            float[] r6 = rows[k + 6];
            float[] r7 = rows[k + 7];
            for (int f = 0; f < d; f++) {
                float[] c = columns[f];
                c[k] = r0[f];
                c[k + 1] = r1[f];
                c[k + 2] = r2[f];
                c[k + 3] = r3[f];
                c[k + 4] = r4[f];
                c[k + 5] = r5[f];
                c[k + 6] = r6[f];
                c[k + 7] = r7[f];
            }
        }
        for (; k < n; k++) {
            float[] r = rows[k];
            for (int f = 0; f < d; f++) {
                columns[f][k] = r[f];
            }
        }
    }

    /** {@code y[0..n) += a * x[0..n)}: both vectors start at index 0, the form C2 vectorizes. */
    private static void axpy(float a, float[] x, float[] y, int n) {
        for (int f = 0; f < n; f++) {
            y[f] += a * x[f];
        }
    }

    /**
     * {@code t[k] = y_k · v} for the n gathered rows, as axpys of length n over the gathered columns, four
     * columns per pass so that {@code t} is loaded and stored a quarter as often.
     */
    private static void products(float[][] columns, int n, int d, float[] v, float[] t) {
        Arrays.fill(t, 0, n, 0f);
        int f = 0;
        for (; f + 3 < d; f += 4) {
            float v0 = v[f];
            float v1 = v[f + 1];
            float v2 = v[f + 2];
            float v3 = v[f + 3];
            float[] c0 = columns[f];
            float[] c1 = columns[f + 1];
            float[] c2 = columns[f + 2];
            float[] c3 = columns[f + 3];
            for (int k = 0; k < n; k++) {
                t[k] += v0 * c0[k] + v1 * c1[k] + v2 * c2[k] + v3 * c3[k];
            }
        }
        for (; f < d; f++) {
            axpy(v[f], columns[f], t, n);
        }
    }

    /** {@code out += Σ_k a[k] · rows[k]}, four rows per pass over {@code out}. */
    private static void combine(float[][] rows, float[] a, int n, int d, float[] out) {
        int k = 0;
        for (; k + 3 < n; k += 4) {
            float a0 = a[k];
            float a1 = a[k + 1];
            float a2 = a[k + 2];
            float a3 = a[k + 3];
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            float[] r2 = rows[k + 2];
            float[] r3 = rows[k + 3];
            for (int f = 0; f < d; f++) {
                out[f] += a0 * r0[f] + a1 * r1[f] + a2 * r2[f] + a3 * r3[f];
            }
        }
        for (; k < n; k++) {
            axpy(a[k], rows[k], out, d);
        }
    }
}
