import jdk.incubator.vector.*;
import java.util.*;

/**
 * The implicit-ALS CG kernel (Y v, weights, Yᵀ t, four times per row as in a solve) on n rows gathered from a
 * random rows × 64 factor matrix: the trainer's form (gather, eight-row transpose, axpys that C2 vectorizes)
 * against the JDK's incubating Vector API (gather, then fused-multiply-add dot products and axpys on the
 * gathered rows, no transpose) in two forms: the first one measured, and the fused form the trainer adopted
 * (VectorRowKernel). See docs/benchmarks.md, "Implicit ALS against Spark MLlib".
 * Usage: run.sh ROWS ROW_LENGTH CALLS, e.g. 26666 144 200000 (user side) or 138493 750 40000 (item side).
 */
public class Kernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static int d = 64;

    // current approach: gather rows, transpose, products (axpy over columns), combine (4 rows per pass)
    static void current(float[] y, int[] cols, int n, float[] v, float[] w, float[] out, float[][] local, float[][] columns, float[] t) {
        for (int k = 0; k < n; k++) System.arraycopy(y, cols[k] * d, local[k], 0, d);
        transpose(local, n, d, columns);
        for (int rep = 0; rep < 4; rep++) {
            Arrays.fill(t, 0, n, 0f);
            for (int f = 0; f < d; f += 4) {
                float v0 = v[f], v1 = v[f + 1], v2 = v[f + 2], v3 = v[f + 3];
                float[] c0 = columns[f], c1 = columns[f + 1], c2 = columns[f + 2], c3 = columns[f + 3];
                for (int k = 0; k < n; k++) t[k] += v0 * c0[k] + v1 * c1[k] + v2 * c2[k] + v3 * c3[k];
            }
            for (int k = 0; k < n; k++) t[k] *= w[k];
            int k = 0;
            for (; k + 3 < n; k += 4) {
                float a0 = t[k], a1 = t[k + 1], a2 = t[k + 2], a3 = t[k + 3];
                float[] r0 = local[k], r1 = local[k + 1], r2 = local[k + 2], r3 = local[k + 3];
                for (int f = 0; f < d; f++) out[f] += a0 * r0[f] + a1 * r1[f] + a2 * r2[f] + a3 * r3[f];
            }
            for (; k < n; k++) { float a = t[k]; float[] r = local[k]; for (int f = 0; f < d; f++) out[f] += a * r[f]; }
        }
    }

    static void transpose(float[][] rows, int n, int d, float[][] columns) {
        int k = 0;
        for (; k + 7 < n; k += 8) {
            float[] r0 = rows[k], r1 = rows[k + 1], r2 = rows[k + 2], r3 = rows[k + 3], r4 = rows[k + 4], r5 = rows[k + 5], r6 = rows[k + 6], r7 = rows[k + 7];
            for (int f = 0; f < d; f++) {
                float[] c = columns[f];
                c[k] = r0[f]; c[k + 1] = r1[f]; c[k + 2] = r2[f]; c[k + 3] = r3[f]; c[k + 4] = r4[f]; c[k + 5] = r5[f]; c[k + 6] = r6[f]; c[k + 7] = r7[f];
            }
        }
        for (; k < n; k++) { float[] r = rows[k]; for (int f = 0; f < d; f++) columns[f][k] = r[f]; }
    }

    // the first Vector API form (2026-11-26, kept for the record): per-row dot products with one reduction each,
    // then per 16-float chunk of out one chain of n dependent fused multiply-adds (latency-bound)
    static float[] buf = new float[1 << 20];
    static void vector(float[] yy, int[] cols, int n, float[] v, float[] w, float[] out, float[] t) {
        int L = S.length();
        float[] y = buf;
        for (int k = 0; k < n; k++) System.arraycopy(yy, cols[k] * d, y, k * d, d);
        for (int rep = 0; rep < 4; rep++) {
            for (int k = 0; k < n; k++) {
                int o = k * d;
                FloatVector acc = FloatVector.zero(S);
                for (int f = 0; f < d; f += L) acc = FloatVector.fromArray(S, y, o + f).fma(FloatVector.fromArray(S, v, f), acc);
                t[k] = acc.reduceLanes(VectorOperators.ADD) * w[k];
            }
            for (int f = 0; f < d; f += L) {
                FloatVector acc = FloatVector.fromArray(S, out, f);
                for (int k = 0; k < n; k++) acc = FloatVector.fromArray(S, y, k * d + f).fma(FloatVector.broadcast(S, t[k]), acc);
                acc.intoArray(out, f);
            }
        }
    }

    // the form the trainer adopted (VectorRowKernel): four rows per pass, their four dot products as independent
    // chains, then their axpys into out while the rows are still in L1; no transpose
    static float[] fusedBuf = new float[1 << 24];
    static void fused(float[] yy, int[] cols, int n, float[] v, float[] w, float[] out) {
        int L = S.length();
        float[] y = fusedBuf;
        for (int k = 0; k < n; k++) System.arraycopy(yy, cols[k] * d, y, k * d, d);
        for (int rep = 0; rep < 4; rep++) {
            int k = 0;
            for (; k + 3 < n; k += 4) {
                int o0 = k * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
                FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                for (int f = 0; f < d; f += L) {
                    FloatVector vf = FloatVector.fromArray(S, v, f);
                    s0 = FloatVector.fromArray(S, y, o0 + f).fma(vf, s0);
                    s1 = FloatVector.fromArray(S, y, o1 + f).fma(vf, s1);
                    s2 = FloatVector.fromArray(S, y, o2 + f).fma(vf, s2);
                    s3 = FloatVector.fromArray(S, y, o3 + f).fma(vf, s3);
                }
                FloatVector b0 = FloatVector.broadcast(S, s0.reduceLanes(VectorOperators.ADD) * w[k]);
                FloatVector b1 = FloatVector.broadcast(S, s1.reduceLanes(VectorOperators.ADD) * w[k + 1]);
                FloatVector b2 = FloatVector.broadcast(S, s2.reduceLanes(VectorOperators.ADD) * w[k + 2]);
                FloatVector b3 = FloatVector.broadcast(S, s3.reduceLanes(VectorOperators.ADD) * w[k + 3]);
                for (int f = 0; f < d; f += L) {
                    FloatVector acc = FloatVector.fromArray(S, out, f);
                    acc = FloatVector.fromArray(S, y, o0 + f).fma(b0, acc);
                    acc = FloatVector.fromArray(S, y, o1 + f).fma(b1, acc);
                    acc = FloatVector.fromArray(S, y, o2 + f).fma(b2, acc);
                    acc = FloatVector.fromArray(S, y, o3 + f).fma(b3, acc);
                    acc.intoArray(out, f);
                }
            }
            for (; k < n; k++) {
                int o = k * d;
                FloatVector s = FloatVector.zero(S);
                for (int f = 0; f < d; f += L) s = FloatVector.fromArray(S, y, o + f).fma(FloatVector.fromArray(S, v, f), s);
                FloatVector b = FloatVector.broadcast(S, s.reduceLanes(VectorOperators.ADD) * w[k]);
                for (int f = 0; f < d; f += L) FloatVector.fromArray(S, y, o + f).fma(b, FloatVector.fromArray(S, out, f)).intoArray(out, f);
            }
        }
    }

    public static void main(String[] a) {
        int rows = Integer.parseInt(a[0]); int nPer = Integer.parseInt(a[1]); int calls = Integer.parseInt(a[2]);
        Random r = new Random(1);
        float[] y = new float[rows * d];
        for (int i = 0; i < y.length; i++) y[i] = (float) r.nextGaussian() * 0.1f;
        int[][] colsets = new int[Math.max(1, Math.min(1000, 40_000_000 / nPer))][nPer];
        for (int[] c : colsets) { for (int k = 0; k < nPer; k++) c[k] = r.nextInt(rows); Arrays.sort(c); }
        float[] v = new float[d]; for (int f = 0; f < d; f++) v[f] = (float) r.nextGaussian();
        float[] w = new float[nPer]; Arrays.fill(w, 40f);
        float[][] local = new float[nPer][d]; float[][] columns = new float[d][nPer]; float[] t = new float[nPer];
        float[] o1 = new float[d], o2 = new float[d];
        System.out.println("species " + S);
        // the two forms compute the same sums in different orders: compare one call from zero
        float[] c1 = new float[d], c2 = new float[d], c3 = new float[d];
        current(y, colsets[0], nPer, v, w, c1, local, columns, t);
        vector(y, colsets[0], nPer, v, w, c2, t);
        fused(y, colsets[0], nPer, v, w, c3);
        double worst = 0, scale = 0;
        for (int f = 0; f < d; f++) {
            worst = Math.max(worst, Math.max(Math.abs(c1[f] - c2[f]), Math.abs(c1[f] - c3[f])));
            scale = Math.max(scale, Math.abs(c1[f]));
        }
        System.out.printf("largest difference %.3g of largest value %.3g%n", worst, scale);
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) current(y, colsets[c % colsets.length], nPer, v, w, o1, local, columns, t);
            long t1 = System.nanoTime();
            for (int c = 0; c < calls; c++) vector(y, colsets[c % colsets.length], nPer, v, w, o2, t);
            long t2 = System.nanoTime();
            for (int c = 0; c < calls; c++) fused(y, colsets[c % colsets.length], nPer, v, w, o2);
            long t3 = System.nanoTime();
            double macs = 2.0 * calls * nPer * d * 4;
            System.out.printf("scalar %.2f GMAC/s   first vector form %.2f (ratio %.2f)   fused vector form %.2f (ratio %.2f)%n",
                    macs / (t1 - t0), macs / (t2 - t1), (double) (t1 - t0) / (t2 - t1), macs / (t3 - t2), (double) (t1 - t0) / (t3 - t2));
        }
    }
}
