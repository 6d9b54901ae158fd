package org.recworkbench.algo.mf;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row kernel on the JDK's incubating Vector API, at the machine's preferred width (16 floats with
 * AVX-512). The gathered vectors lie end to end in one array, and four of them are handled per pass: their dot
 * products with {@code v} (four independent fused-multiply-add chains), then their axpys into {@code out} while
 * they are still in L1, so each vector is read once per call instead of once for the products and once more
 * for the sums, and no transposed copy is needed. Components past the last full vector (d not a multiple of
 * the width) are done in scalar code; {@link RowKernels} uses this kernel only when d is at least one width.
 * For the common d of exactly four vectors a specialized form keeps everything in registers.
 *
 * <p>Compiled by a separate javac run with {@code --add-modules jdk.incubator.vector} (see the bundle's
 * pom.xml) and loaded by name, so that the bundle works without the module.
 */
final class VectorRowKernel extends RowKernel {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

    private int d;
    private int n;
    private float[] rows = new float[0];

    @Override
    void gather(float[] y, int d, int[] cols, int start, int n) {
        if (rows.length < n * d) {
            rows = new float[Math.max(n * d, rows.length * 2)];
        }
        for (int k = 0; k < n; k++) {
            System.arraycopy(y, cols[start + k] * d, rows, k * d, d);
        }
        this.d = d;
        this.n = n;
    }

    @Override
    void accumulate(float[] v, float[] shift, float[] scale, float[] out) {
        if (d == 4 * SPECIES.length()) {
            accumulateFourVectors(v, shift, scale, out);
        } else {
            accumulateAnyWidth(v, shift, scale, out);
        }
    }

    /**
     * {@link #accumulate} for d of exactly four vectors (64 floats with AVX-512, 32 with AVX2): {@code v} and
     * {@code out} stay in registers for the whole call, and two rows per pass go to two separate sets of
     * accumulators, so no sum waits on a store and reload of {@code out} or on more than one multiply-add of the
     * previous pass (1.3x on the kernel over the general form for 144 rows, 1.15x for 750).
     */
    private void accumulateFourVectors(float[] v, float[] shift, float[] scale, float[] out) {
        float[] y = rows;
        int w = SPECIES.length();
        FloatVector v0 = FloatVector.fromArray(SPECIES, v, 0);
        FloatVector v1 = FloatVector.fromArray(SPECIES, v, w);
        FloatVector v2 = FloatVector.fromArray(SPECIES, v, 2 * w);
        FloatVector v3 = FloatVector.fromArray(SPECIES, v, 3 * w);
        FloatVector a0 = FloatVector.fromArray(SPECIES, out, 0);
        FloatVector a1 = FloatVector.fromArray(SPECIES, out, w);
        FloatVector a2 = FloatVector.fromArray(SPECIES, out, 2 * w);
        FloatVector a3 = FloatVector.fromArray(SPECIES, out, 3 * w);
        FloatVector b0 = FloatVector.zero(SPECIES);
        FloatVector b1 = b0;
        FloatVector b2 = b0;
        FloatVector b3 = b0;
        int k = 0;
        for (; k + 1 < n; k += 2) {
            int o = k * d;
            FloatVector y0 = FloatVector.fromArray(SPECIES, y, o);
            FloatVector y1 = FloatVector.fromArray(SPECIES, y, o + w);
            FloatVector y2 = FloatVector.fromArray(SPECIES, y, o + 2 * w);
            FloatVector y3 = FloatVector.fromArray(SPECIES, y, o + 3 * w);
            FloatVector z0 = FloatVector.fromArray(SPECIES, y, o + d);
            FloatVector z1 = FloatVector.fromArray(SPECIES, y, o + d + w);
            FloatVector z2 = FloatVector.fromArray(SPECIES, y, o + d + 2 * w);
            FloatVector z3 = FloatVector.fromArray(SPECIES, y, o + d + 3 * w);
            float ty = y0.mul(v0).add(y1.mul(v1)).add(y2.fma(v2, y3.mul(v3))).reduceLanes(VectorOperators.ADD);
            float tz = z0.mul(v0).add(z1.mul(v1)).add(z2.fma(v2, z3.mul(v3))).reduceLanes(VectorOperators.ADD);
            FloatVector cy = FloatVector.broadcast(SPECIES, weight(shift, scale, k, ty));
            FloatVector cz = FloatVector.broadcast(SPECIES, weight(shift, scale, k + 1, tz));
            a0 = y0.fma(cy, a0);
            a1 = y1.fma(cy, a1);
            a2 = y2.fma(cy, a2);
            a3 = y3.fma(cy, a3);
            b0 = z0.fma(cz, b0);
            b1 = z1.fma(cz, b1);
            b2 = z2.fma(cz, b2);
            b3 = z3.fma(cz, b3);
        }
        if (k < n) {
            int o = k * d;
            FloatVector y0 = FloatVector.fromArray(SPECIES, y, o);
            FloatVector y1 = FloatVector.fromArray(SPECIES, y, o + w);
            FloatVector y2 = FloatVector.fromArray(SPECIES, y, o + 2 * w);
            FloatVector y3 = FloatVector.fromArray(SPECIES, y, o + 3 * w);
            float ty = y0.mul(v0).add(y1.mul(v1)).add(y2.fma(v2, y3.mul(v3))).reduceLanes(VectorOperators.ADD);
            FloatVector cy = FloatVector.broadcast(SPECIES, weight(shift, scale, k, ty));
            a0 = y0.fma(cy, a0);
            a1 = y1.fma(cy, a1);
            a2 = y2.fma(cy, a2);
            a3 = y3.fma(cy, a3);
        }
        a0.add(b0).intoArray(out, 0);
        a1.add(b1).intoArray(out, w);
        a2.add(b2).intoArray(out, 2 * w);
        a3.add(b3).intoArray(out, 3 * w);
    }

    /** {@link #accumulate} for any d: four rows per pass, {@code out} updated in memory once per pass. */
    private void accumulateAnyWidth(float[] v, float[] shift, float[] scale, float[] out) {
        float[] y = rows;
        int d = this.d;
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        int k = 0;
        for (; k + 3 < n; k += 4) {
            int o0 = k * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int f = 0; f < bound; f += step) {
                FloatVector vf = FloatVector.fromArray(SPECIES, v, f);
                s0 = FloatVector.fromArray(SPECIES, y, o0 + f).fma(vf, s0);
                s1 = FloatVector.fromArray(SPECIES, y, o1 + f).fma(vf, s1);
                s2 = FloatVector.fromArray(SPECIES, y, o2 + f).fma(vf, s2);
                s3 = FloatVector.fromArray(SPECIES, y, o3 + f).fma(vf, s3);
            }
            float t0 = s0.reduceLanes(VectorOperators.ADD);
            float t1 = s1.reduceLanes(VectorOperators.ADD);
            float t2 = s2.reduceLanes(VectorOperators.ADD);
            float t3 = s3.reduceLanes(VectorOperators.ADD);
            for (int f = bound; f < d; f++) {
                t0 += y[o0 + f] * v[f];
                t1 += y[o1 + f] * v[f];
                t2 += y[o2 + f] * v[f];
                t3 += y[o3 + f] * v[f];
            }
            addFour(y, o0, weight(shift, scale, k, t0), y, o1, weight(shift, scale, k + 1, t1), y, o2,
                    weight(shift, scale, k + 2, t2), y, o3, weight(shift, scale, k + 3, t3), out, d);
        }
        for (; k < n; k++) {
            int o = k * d;
            FloatVector s = FloatVector.zero(SPECIES);
            for (int f = 0; f < bound; f += step) {
                s = FloatVector.fromArray(SPECIES, y, o + f).fma(FloatVector.fromArray(SPECIES, v, f), s);
            }
            float t = s.reduceLanes(VectorOperators.ADD);
            for (int f = bound; f < d; f++) {
                t += y[o + f] * v[f];
            }
            float a = weight(shift, scale, k, t);
            FloatVector b = FloatVector.broadcast(SPECIES, a);
            for (int f = 0; f < bound; f += step) {
                FloatVector.fromArray(SPECIES, y, o + f).fma(b, FloatVector.fromArray(SPECIES, out, f))
                        .intoArray(out, f);
            }
            for (int f = bound; f < d; f++) {
                out[f] += a * y[o + f];
            }
        }
    }

    /** {@code out[0..d) += a0 · r0[o0..) + a1 · r1[o1..) + a2 · r2[o2..) + a3 · r3[o3..)}, one pass over out. */
    private static void addFour(float[] r0, int o0, float a0, float[] r1, int o1, float a1, float[] r2, int o2,
            float a2, float[] r3, int o3, float a3, float[] out, int d) {
        int bound = SPECIES.loopBound(d);
        FloatVector b0 = FloatVector.broadcast(SPECIES, a0);
        FloatVector b1 = FloatVector.broadcast(SPECIES, a1);
        FloatVector b2 = FloatVector.broadcast(SPECIES, a2);
        FloatVector b3 = FloatVector.broadcast(SPECIES, a3);
        for (int f = 0; f < bound; f += SPECIES.length()) {
            FloatVector acc = FloatVector.fromArray(SPECIES, out, f);
            acc = FloatVector.fromArray(SPECIES, r0, o0 + f).fma(b0, acc);
            acc = FloatVector.fromArray(SPECIES, r1, o1 + f).fma(b1, acc);
            acc = FloatVector.fromArray(SPECIES, r2, o2 + f).fma(b2, acc);
            acc = FloatVector.fromArray(SPECIES, r3, o3 + f).fma(b3, acc);
            acc.intoArray(out, f);
        }
        for (int f = bound; f < d; f++) {
            out[f] += a0 * r0[o0 + f] + a1 * r1[o1 + f] + a2 * r2[o2 + f] + a3 * r3[o3 + f];
        }
    }

    private static float weight(float[] shift, float[] scale, int k, float product) {
        return shift == null ? scale[k] * product : shift[k] + scale[k] * product;
    }

    @Override
    void gramTimes(float[][] gram, float lambda, float[] v, float[] out) {
        int dd = gram.length;
        for (int i = 0; i < dd; i++) {
            out[i] = lambda * v[i];
        }
        int j = 0;
        for (; j + 3 < dd; j += 4) {
            addFour(gram[j], 0, v[j], gram[j + 1], 0, v[j + 1], gram[j + 2], 0, v[j + 2], gram[j + 3], 0, v[j + 3],
                    out, dd);
        }
        for (; j < dd; j++) {
            float a = v[j];
            float[] g = gram[j];
            for (int f = 0; f < dd; f++) {
                out[f] += a * g[f];
            }
        }
    }

    /**
     * Four rows per pass over {@code g}, widened to double once: each vector of {@code g} is loaded and stored once
     * per four rows. Row i starts at the vector holding its diagonal, so a few entries left of the diagonal are
     * summed too; the caller mirrors the upper triangle over them.
     */
    @Override
    void addGram(float[] y, int d, int from, int to, double[] g) {
        int w = DOUBLES.length();
        double[] r = new double[4 * d];
        int row = from;
        for (; row + 3 < to; row += 4) {
            int o = row * d;
            for (int k = 0; k < 4 * d; k++) {
                r[k] = y[o + k]; // four consecutive rows are contiguous
            }
            for (int i = 0; i < d; i++) {
                DoubleVector b0 = DoubleVector.broadcast(DOUBLES, r[i]);
                DoubleVector b1 = DoubleVector.broadcast(DOUBLES, r[d + i]);
                DoubleVector b2 = DoubleVector.broadcast(DOUBLES, r[2 * d + i]);
                DoubleVector b3 = DoubleVector.broadcast(DOUBLES, r[3 * d + i]);
                int gi = i * d;
                int j = i / w * w;
                for (; j + w <= d; j += w) {
                    DoubleVector acc = DoubleVector.fromArray(DOUBLES, g, gi + j);
                    acc = DoubleVector.fromArray(DOUBLES, r, j).fma(b0, acc);
                    acc = DoubleVector.fromArray(DOUBLES, r, d + j).fma(b1, acc);
                    acc = DoubleVector.fromArray(DOUBLES, r, 2 * d + j).fma(b2, acc);
                    acc = DoubleVector.fromArray(DOUBLES, r, 3 * d + j).fma(b3, acc);
                    acc.intoArray(g, gi + j);
                }
                for (; j < d; j++) {
                    g[gi + j] += r[i] * r[j] + r[d + i] * r[d + j] + r[2 * d + i] * r[2 * d + j]
                            + r[3 * d + i] * r[3 * d + j];
                }
            }
        }
        ScalarRowKernel.addGramRows(y, d, row, to, g);
    }

    @Override
    int width() {
        return SPECIES.length();
    }

    @Override
    String name() {
        return "vector " + SPECIES.vectorBitSize() + "-bit";
    }
}
