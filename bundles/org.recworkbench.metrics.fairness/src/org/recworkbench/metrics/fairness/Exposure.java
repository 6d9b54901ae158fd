package org.recworkbench.metrics.fairness;

import java.util.Arrays;

/**
 * How the top-k lists of all users expose the n items: per item the number of times it is recommended
 * ({@code counts}), its rank-biased exposure sum {@code sum_u γ^(rank-1)} ({@code rbp}) and its
 * log-discounted weight sum {@code sum_u 1/log2(rank+1)} ({@code dcgWeight}), plus the number of lists m.
 * Mergeable; every value is a plain sum, so the merge order does not matter beyond float rounding.
 */
final class Exposure {
    /** Patience of the rank-biased browsing model used for exposure (Rampisela et al.'s II-D/AI-D, EE). */
    static final double GAMMA = 0.8;

    final int n;
    final int k;
    final long[] counts;
    final double[] rbp;
    final double[] dcgWeight;
    long lists;

    Exposure(int n, int k) {
        this.n = n;
        this.k = k;
        this.counts = new long[n];
        this.rbp = new double[n];
        this.dcgWeight = new double[n];
    }

    void add(int[] ranking) {
        int len = Math.min(k, ranking.length);
        double e = 1;
        for (int r = 0; r < len; r++) {
            int i = ranking[r];
            counts[i]++;
            rbp[i] += e;
            dcgWeight[i] += 1 / log2(r + 2);
            e *= GAMMA;
        }
        lists++;
    }

    void combine(Exposure o) {
        for (int i = 0; i < n; i++) {
            counts[i] += o.counts[i];
            rbp[i] += o.rbp[i];
            dcgWeight[i] += o.dcgWeight[i];
        }
        lists += o.lists;
    }

    /** Total recommendation slots S = m·k for full lists. */
    long slots() {
        return Arrays.stream(counts).sum();
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
