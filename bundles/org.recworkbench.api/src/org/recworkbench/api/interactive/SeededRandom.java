package org.recworkbench.api.interactive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A small, fast random generator whose whole state can be checkpointed: SplitMix64 (Steele, Lea &amp; Flood,
 * OOPSLA 2014) for the bits, a 128-layer ziggurat for normals (Marsaglia &amp; Tsang, J. Stat. Softw. 5(8), 2000,
 * in Doornik's ZIGNOR form, 2005: one 64-bit draw per normal 99 % of the time) and Marsaglia &amp; Tsang (ACM TOMS
 * 2000) for gamma variates. Simulators and policies use it so that a run restored from a checkpoint continues with exactly
 * the draws it would have made. Not thread safe.
 *
 * @since 2.0
 */
public final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private static final int LAYERS = 128;
    private static final double TAIL = 3.442619855899;
    private static final double LAYER_AREA = 9.91256303526217e-3;
    /** Layer edges x[0..128] and the ratios x[i+1]/x[i] under which a draw is inside its layer's rectangle. */
    private static final double[] EDGE = new double[LAYERS + 1];
    private static final double[] INSIDE = new double[LAYERS];

    static {
        double f = Math.exp(-0.5 * TAIL * TAIL);
        EDGE[0] = LAYER_AREA / f;
        EDGE[1] = TAIL;
        for (int i = 2; i < LAYERS; i++) {
            EDGE[i] = Math.sqrt(-2 * Math.log(LAYER_AREA / EDGE[i - 1] + f));
            f = Math.exp(-0.5 * EDGE[i] * EDGE[i]);
        }
        EDGE[LAYERS] = 0;
        for (int i = 0; i < LAYERS; i++) {
            INSIDE[i] = EDGE[i + 1] / EDGE[i];
        }
    }

    private long state;

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

    /** Standard normal (ziggurat: the layer from 7 bits, the abscissa from 53 other bits of one draw). */
    public double nextGaussian() {
        while (true) {
            long bits = nextLong();
            int layer = (int) (bits & (LAYERS - 1));
            double u = 2 * ((bits >>> 11) * 0x1.0p-53) - 1;
            if (Math.abs(u) < INSIDE[layer]) {
                return u * EDGE[layer];
            }
            if (layer == 0) {
                return tail(u < 0);
            }
            double x = u * EDGE[layer];
            double f0 = Math.exp(-0.5 * (EDGE[layer] * EDGE[layer] - x * x));
            double f1 = Math.exp(-0.5 * (EDGE[layer + 1] * EDGE[layer + 1] - x * x));
            if (f1 + nextDouble() * (f0 - f1) < 1) {
                return x;
            }
        }
    }

    /** A draw from the normal tail beyond the base layer (Marsaglia 1964). */
    private double tail(boolean negative) {
        double x;
        double y;
        do {
            x = Math.log(1 - nextDouble()) / TAIL;
            y = Math.log(1 - nextDouble());
        } while (-2 * y < x * x);
        return negative ? x - TAIL : TAIL - x;
    }

    /** Gamma(shape, 1), shape &gt; 0. */
    public double nextGamma(double shape) {
        if (shape < 1) {
            // boost: Gamma(a) = Gamma(a + 1) · U^(1/a)
            double u = nextDouble();
            return nextGamma(shape + 1) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        return nextGamma(d, 1 / Math.sqrt(9 * d));
    }

    /**
     * Gamma(d + 1/3, 1) for shape ≥ 1, given Marsaglia &amp; Tsang's constants {@code d = shape − 1/3} and
     * {@code c = 1/sqrt(9d)}: callers that draw from the same shape many times precompute them.
     */
    public double nextGamma(double d, double c) {
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
    }

    public void readState(DataInput in) throws IOException {
        state = in.readLong();
    }
}
