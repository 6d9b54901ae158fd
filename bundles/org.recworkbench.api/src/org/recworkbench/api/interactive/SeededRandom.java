package org.recworkbench.api.interactive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A small, fast random generator whose whole state can be checkpointed: SplitMix64 (Steele, Lea &amp; Flood,
 * OOPSLA 2014) for the bits, the polar method for normals and Marsaglia &amp; Tsang (ACM TOMS 2000) for gamma
 * variates. Simulators and policies use it so that a run restored from a checkpoint continues with exactly
 * the draws it would have made. Not thread safe.
 *
 * @since 2.0
 */
public final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareNormal;
    private boolean hasSpare;

    public SeededRandom(long seed) {
        this.state = mix(seed);
    }

    /** An independent generator for a named purpose, derived from a seed (stable across runs). */
    public static SeededRandom derived(long seed, String purpose) {
        return new SeededRandom(seed * 31 + purpose.hashCode() * GOLDEN_GAMMA);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), without modulo bias (Lemire, ACM TOMACS 2019). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        int low = (int) m;
        if (Integer.toUnsignedLong(low) < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (Integer.toUnsignedLong(low) < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = (int) m;
            }
        }
        return (int) (m >>> 32);
    }

    public boolean nextBoolean(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal (Marsaglia's polar method; the second value of each pair is kept for the next call). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareNormal = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Gamma(shape, 1), shape &gt; 0. */
    public double nextGamma(double shape) {
        if (shape < 1) {
            // boost: Gamma(a) = Gamma(a + 1) · U^(1/a)
            double u = nextDouble();
            return nextGamma(shape + 1) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    public double nextBeta(double a, double b) {
        double x = nextGamma(a);
        double y = nextGamma(b);
        return x / (x + y);
    }

    public void writeState(DataOutput out) throws IOException {
        out.writeLong(state);
        out.writeBoolean(hasSpare);
        out.writeDouble(spareNormal);
    }

    public void readState(DataInput in) throws IOException {
        state = in.readLong();
        hasSpare = in.readBoolean();
        spareNormal = in.readDouble();
    }
}
