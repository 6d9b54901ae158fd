package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Independent ridge regressions of reward on a d-dimensional feature vector, one per arm, as LinUCB keeps
 * them: the inverse of {@code A = λI + Σ x xᵀ} is updated in place by Sherman–Morrison (O(d²) per update, no
 * inversion), and θ = A⁻¹b is refreshed after each update.
 *
 * <p>Layout: inverses are packed upper triangles stored <em>arm-minor</em> ({@code inverse[k·arms + a]} is
 * entry k of arm a), and so is θ. Scoring every arm against one context ({@link #varianceAll}, {@link #meanAll})
 * reads float mirrors with one array per entry k, so that the work is an axpy over arms per k, which the JIT
 * vectorises. (Measured on the benchmark machine, 112 arms × 210 entries: one sum per arm 12 µs — it waits on
 * each addition's latency —; an axpy into a slice of one flat array 8–12 µs, not vectorised because the JIT
 * cannot rule out aliasing; sixteen independent sums 4.1 µs; one array per k 3.2 µs.) Updates work on a
 * contiguous double copy of one arm, so rounding does not accumulate in the mirrors.
 */
final class RidgeArms {

    final int arms;
    final int d;
    final int packed;
    private final double[] inverse;
    private final float[][] inverseMirror;
    private final float[][] thetaMirror;
    private final int stride;
    private final double[] theta;
    final double[] b;
    private final double[] local;
    private final double[] u;

    RidgeArms(int arms, int d, double lambda) {
        this.arms = arms;
        this.d = d;
        this.packed = d * (d + 1) / 2;
        this.inverse = new double[arms * packed];
        this.stride = (arms + 15) & ~15;
        this.inverseMirror = new float[packed][stride];
        this.thetaMirror = new float[d][stride];
        this.b = new double[arms * d];
        this.theta = new double[arms * d];
        this.local = new double[packed];
        this.u = new double[d];
        for (int i = 0; i < d; i++) {
            int k = index(i, i);
            for (int a = 0; a < arms; a++) {
                inverse[k * arms + a] = 1 / lambda;
                inverseMirror[k][a] = (float) (1 / lambda);
            }
        }
    }

    /** Position of (i, j), i ≤ j, in a packed upper triangle (row-major). */
    int index(int i, int j) {
        return i * d - i * (i - 1) / 2 + (j - i);
    }

    /** Writes x xᵀ packed, off-diagonal terms doubled, so that {@code xᵀMx = Σ packed(M) · p}. */
    static void packOuter(double[] x, int d, double[] p) {
        int k = 0;
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            p[k++] = xi * xi;
            double twice = 2 * xi;
            for (int j = i + 1; j < d; j++) {
                p[k++] = twice * x[j];
            }
        }
    }

    /** {@code xᵀA⁻¹x} for one arm, given x's packed outer product. */
    double variance(int arm, double[] packedOuter) {
        double s = 0;
        for (int k = 0; k < packed; k++) {
            s += inverse[k * arms + arm] * packedOuter[k];
        }
        return s;
    }

    /**
     * {@code out[a] = xᵀAₐ⁻¹x} for every arm, in float precision (from the mirror); {@code out} holds at least
     * {@link #paddedArms()} values.
     */
    void varianceAll(double[] packedOuter, float[] out, float[] packedScratch) {
        for (int k = 0; k < packed; k++) {
            packedScratch[k] = (float) packedOuter[k];
        }
        rows(inverseMirror, packed, packedScratch, out);
    }

    /** {@code out[a] = θₐᵀx} for every arm, in float precision; {@code out} holds {@link #paddedArms()} values. */
    void meanAll(double[] x, float[] out, float[] xScratch) {
        for (int i = 0; i < d; i++) {
            xScratch[i] = (float) x[i];
        }
        rows(thetaMirror, d, xScratch, out);
    }

    /**
     * {@code out[a] = Σₖ m[k][a]·p[k]} over {@code rows} values of k: an axpy per k over arms. With one array
     * per k and the loop bound {@code out.length}, the JIT can prove each iteration independent and vectorises it
     * (an axpy into a slice of one flat array it cannot; see the class comment).
     */
    private static void rows(float[][] m, int rows, float[] p, float[] out) {
        java.util.Arrays.fill(out, 0f);
        for (int k = 0; k < rows; k++) {
            float pk = p[k];
            float[] row = m[k];
            for (int a = 0; a < out.length; a++) {
                out[a] += row[a] * pk;
            }
        }
    }

    int paddedArms() {
        return stride;
    }

    double mean(int arm, double[] x) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += theta[i * arms + arm] * x[i];
        }
        return s;
    }

    /** θ of one arm (for a single shared model: the posterior mean). */
    double theta(int arm, int i) {
        return theta[i * arms + arm];
    }

    private void load(int arm) {
        for (int k = 0; k < packed; k++) {
            local[k] = inverse[k * arms + arm];
        }
    }

    /** {@code out = A⁻¹ v} for an arm. */
    void multiplyInverse(int arm, double[] v, double[] out) {
        load(arm);
        multiplyLocal(v, 0, out);
    }

    private void multiplyLocal(double[] v, int offset, double[] out) {
        java.util.Arrays.fill(out, 0, d, 0);
        int k = 0;
        for (int i = 0; i < d; i++) {
            double vi = v[offset + i];
            double sum = local[k++] * vi;
            for (int j = i + 1; j < d; j++) {
                double m = local[k++];
                sum += m * v[offset + j];
                out[j] += m * vi;
            }
            out[i] += sum;
        }
    }

    /** Adds one observation (x, r) to an arm: Sherman–Morrison on A⁻¹, then θ = A⁻¹b. */
    void update(int arm, double[] x, double reward) {
        load(arm);
        multiplyLocal(x, 0, u);
        double denominator = 1;
        for (int i = 0; i < d; i++) {
            denominator += x[i] * u[i];
        }
        int k = 0;
        for (int i = 0; i < d; i++) {
            double ui = u[i] / denominator;
            for (int j = i; j < d; j++) {
                local[k++] -= ui * u[j];
            }
        }
        for (k = 0; k < packed; k++) {
            inverse[k * arms + arm] = local[k];
            inverseMirror[k][arm] = (float) local[k];
        }
        int base = arm * d;
        for (int i = 0; i < d; i++) {
            b[base + i] += reward * x[i];
        }
        multiplyLocal(b, base, u);
        for (int i = 0; i < d; i++) {
            theta[i * arms + arm] = u[i];
            thetaMirror[i][arm] = (float) u[i];
        }
    }

    /** The full symmetric A⁻¹ of an arm, row-major d × d. */
    void unpackInverse(int arm, double[] full) {
        int k = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double m = inverse[k++ * arms + arm];
                full[i * d + j] = m;
                full[j * d + i] = m;
            }
        }
    }

    void write(DataOutput out) throws IOException {
        States.write(out, inverse);
        States.write(out, b);
        States.write(out, theta);
    }

    void read(DataInput in) throws IOException {
        States.read(in, inverse, "inverse values");
        for (int k = 0; k < packed; k++) {
            for (int a = 0; a < arms; a++) {
                inverseMirror[k][a] = (float) inverse[k * arms + a];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int a = 0; a < arms; a++) {
                thetaMirror[i][a] = (float) theta[i * arms + a];
            }
        }
        States.read(in, b, "b values");
        States.read(in, theta, "θ values");
    }
}
