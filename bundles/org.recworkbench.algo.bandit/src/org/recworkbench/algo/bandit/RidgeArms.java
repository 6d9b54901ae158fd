package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Independent ridge regressions of reward on a d-dimensional feature vector, one per arm, as LinUCB keeps
 * them: the inverse of {@code A = λI + Σ x xᵀ} is updated in place by Sherman–Morrison (O(d²) per update, no
 * inversion), and θ = A⁻¹b is refreshed after each update. Inverses are stored as packed upper triangles, all
 * arms in one array, so that the exploration term {@code xᵀA⁻¹x} is one contiguous dot product per arm with
 * the packed outer product of x ({@link #packOuter}).
 */
final class RidgeArms {

    final int arms;
    final int d;
    final int packed;
    final double[] inverse;
    final double[] b;
    final double[] theta;
    private final double[] u;

    RidgeArms(int arms, int d, double lambda) {
        this.arms = arms;
        this.d = d;
        this.packed = d * (d + 1) / 2;
        this.inverse = new double[arms * packed];
        this.b = new double[arms * d];
        this.theta = new double[arms * d];
        this.u = new double[d];
        for (int a = 0; a < arms; a++) {
            for (int i = 0; i < d; i++) {
                inverse[a * packed + index(i, i)] = 1 / lambda;
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

    /** {@code xᵀA⁻¹x} for an arm, given x's packed outer product. */
    double variance(int arm, double[] packedOuter) {
        int base = arm * packed;
        double s = 0;
        for (int k = 0; k < packed; k++) {
            s += inverse[base + k] * packedOuter[k];
        }
        return s;
    }

    double mean(int arm, double[] x) {
        int base = arm * d;
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += theta[base + i] * x[i];
        }
        return s;
    }

    /** {@code out = A⁻¹ v} for an arm. */
    void multiplyInverse(int arm, double[] v, double[] out) {
        multiplyInverse(arm, v, 0, out);
    }

    private void multiplyInverse(int arm, double[] v, int offset, double[] out) {
        java.util.Arrays.fill(out, 0, d, 0);
        int k = arm * packed;
        for (int i = 0; i < d; i++) {
            double vi = v[offset + i];
            double sum = inverse[k++] * vi;
            for (int j = i + 1; j < d; j++) {
                double m = inverse[k++];
                sum += m * v[offset + j];
                out[j] += m * vi;
            }
            out[i] += sum;
        }
    }

    /** Adds one observation (x, r) to an arm: Sherman–Morrison on A⁻¹, then θ = A⁻¹b. */
    void update(int arm, double[] x, double reward) {
        multiplyInverse(arm, x, u);
        double denominator = 1;
        for (int i = 0; i < d; i++) {
            denominator += x[i] * u[i];
        }
        int k = arm * packed;
        for (int i = 0; i < d; i++) {
            double ui = u[i] / denominator;
            for (int j = i; j < d; j++) {
                inverse[k++] -= ui * u[j];
            }
        }
        int base = arm * d;
        for (int i = 0; i < d; i++) {
            b[base + i] += reward * x[i];
        }
        multiplyInverse(arm, b, base, u);
        System.arraycopy(u, 0, theta, base, d);
    }

    /** The full symmetric A⁻¹ of an arm, row-major d × d. */
    void unpackInverse(int arm, double[] full) {
        int k = arm * packed;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                full[i * d + j] = inverse[k];
                full[j * d + i] = inverse[k];
                k++;
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
        States.read(in, b, "b values");
        States.read(in, theta, "θ values");
    }
}
