package org.recworkbench.metrics.fairness;

import java.util.Arrays;

/**
 * The exposure-based individual item fairness measures, as defined and corrected by Rampisela, Maistro,
 * Ruotsalo and Lioma, "Evaluation measures of individual item fairness for recommender systems: a critical
 * study", ACM TORS 2023. Notation: n items, m lists of length k, S = m·k slots, c_i recommendations of item
 * i, q = ⌊S/n⌋ and r = S mod n (the fairest distribution gives r items q+1 slots and the others q). The
 * corrected forms rescale each measure between its attainable minimum and maximum so that 0 is the least and
 * 1 the most fair possible value. Pure functions of an {@link Exposure}.
 */
final class FairnessMeasures {
    private FairnessMeasures() {
    }

    /** Jain's index: S² / (n · sum c_i²); 1 = every item equally exposed. */
    static double jain(Exposure e) {
        double s = e.slots();
        double squares = 0;
        for (long c : e.counts) {
            squares += (double) c * c;
        }
        return s * s / (e.n * squares);
    }

    /** Jain rescaled: (Jain - k/n) / (Jain_max - k/n), Jain_max = S² / (n (n q² + r (2q + 1))). */
    static double jainCorrected(Exposure e) {
        long s = e.slots();
        long q = s / e.n;
        long r = s % e.n;
        double max = (double) s * s / (e.n * ((double) e.n * q * q + r * (2.0 * q + 1)));
        double min = e.k / (double) e.n;
        return clamp01((jain(e) - min) / (max - min));
    }

    static long distinct(Exposure e) {
        return Arrays.stream(e.counts).filter(c -> c > 0).count();
    }

    /** Qualification fairness (item coverage): distinct recommended items / n. */
    static double qf(Exposure e) {
        return distinct(e) / (double) e.n;
    }

    /** QF rescaled: (distinct - k) / (n - k) when S ≥ n, else (distinct - k) / (S - k). */
    static double qfCorrected(Exposure e) {
        long s = e.slots();
        double denominator = s >= e.n ? e.n - e.k : s - e.k;
        return denominator <= 0 ? Double.NaN : clamp01((distinct(e) - e.k) / denominator);
    }

    /** Entropy with log base n over all n items (0 log 0 = 0): 1 = uniform exposure. */
    static double entropy(Exposure e) {
        double s = e.slots();
        double h = 0;
        for (long c : e.counts) {
            if (c > 0) {
                double p = c / s;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(e.n);
    }

    /** Entropy rescaled between log_n k (everyone gets the same k items) and the fairest distribution. */
    static double entropyCorrected(Exposure e) {
        long s = e.slots();
        double logN = Math.log(e.n);
        double min = Math.log(e.k) / logN;
        double max;
        if (s >= e.n) {
            long q = s / e.n;
            long r = s % e.n;
            max = -(e.n - r) * plogp(q / (double) s) / logN - r * plogp((q + 1) / (double) s) / logN;
        } else {
            max = Math.log(s) / logN;
        }
        return clamp01((entropy(e) - min) / (max - min));
    }

    private static double plogp(double p) {
        return p == 0 ? 0 : p * Math.log(p);
    }

    /** Gini index of exposure counts over all n items: sum_j (2j - n - 1) c_(j) / (n S), ascending. */
    static double gini(Exposure e) {
        return giniOf(Arrays.stream(e.counts).asDoubleStream().toArray());
    }

    static double giniOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
            total += sorted[j];
            weighted += (2.0 * (j + 1) - n - 1) * sorted[j];
        }
        return total == 0 ? Double.NaN : weighted / (n * total);
    }

    /** Gini rescaled (0 = fairest attainable, 1 = least fair): (G - G_min) / (1 - k/n - G_min), G_min = (n-r) r / (n S). */
    static double giniCorrected(Exposure e) {
        long s = e.slots();
        long r = s % e.n;
        double min = (double) (e.n - r) * r / ((double) e.n * s);
        double max = 1 - e.k / (double) e.n;
        return clamp01((gini(e) - min) / (max - min));
    }

    /** Position-weighted Gini: the Gini of per-item weights sum_u 1/log2(rank + 1). */
    static double giniWeighted(Exposure e) {
        return giniOf(e.dcgWeight);
    }

    /**
     * Gini-w rescaled (0 = fairest attainable, 1 = least fair). Its maximum puts the same k items in every list; its
     * minimum (for S ≤ n) gives each slot a distinct item, so m items get each rank's weight. For S > n the
     * minimum is taken as 0, as in the authors' implementation.
     */
    static double giniWeightedCorrected(Exposure e) {
        int n = e.n;
        int k = e.k;
        long m = e.lists;
        double totalWeight = 0;
        for (int l = 1; l <= k; l++) {
            totalWeight += m / log2(l + 1);
        }
        double denominator = n * totalWeight;
        // maximum: item ranked l in every list sits at ascending position n - l + 1
        double max = 0;
        for (int l = 1; l <= k; l++) {
            max += (2.0 * (n - l + 1) - n - 1) * m / log2(l + 1);
        }
        max /= denominator;
        double min = 0;
        if (m * k <= n) {
            // m items per rank l, the lowest weights (largest l) at the lowest positions above the zeros
            for (int l = 1; l <= k; l++) {
                for (long j = n - l * m + 1; j <= n - l * m + m; j++) {
                    min += (2.0 * j - n - 1) / log2(l + 1);
                }
            }
            min /= denominator;
        }
        return clamp01((giniWeighted(e) - min) / (max - min));
    }

    /** Fraction of items that get at least their maximin share ⌊S/n⌋ of slots (all of them when it is 0). */
    static double fsat(Exposure e) {
        long share = e.slots() / e.n;
        long satisfied = Arrays.stream(e.counts).filter(c -> c >= share).count();
        return satisfied / (double) e.n;
    }

    /** FSat rescaled: (FSat - k/n) / (1 - k/n). */
    static double fsatCorrected(Exposure e) {
        double min = e.k / (double) e.n;
        return clamp01((fsat(e) - min) / (1 - min));
    }

    /** Variation of coverage disparity: mean over pairs of recommended items of |c_u - c_v| / max(c_u, c_v). */
    static double vocd(Exposure e) {
        long[] c = Arrays.stream(e.counts).filter(x -> x > 0).sorted().toArray();
        if (c.length < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int a = 0; a < c.length; a++) {
            for (int b = a + 1; b < c.length; b++) {
                sum += (c[b] - c[a]) / (double) c[b];
            }
        }
        return sum / ((double) c.length * (c.length - 1) / 2);
    }

    /** The uniform exposure every item would get: (1 - γ^k) / ((1 - γ) n). */
    static double uniformExposure(Exposure e) {
        return (1 - Math.pow(Exposure.GAMMA, e.k)) / ((1 - Exposure.GAMMA) * e.n);
    }

    /** Aggregate (item-level) disparity: mean over items of (mean_u e_ui - ẽ)². */
    static double aiD(Exposure e) {
        double target = uniformExposure(e);
        double sum = 0;
        for (double x : e.rbp) {
            double d = x / e.lists - target;
            sum += d * d;
        }
        return sum / e.n;
    }

    /**
     * Individual-item disparity: mean over all (user, item) pairs of (e_ui - ẽ)², from the per-user sums of
     * squared deviations over recommended items that the accumulator keeps.
     */
    static double iiD(double squaredDeviationsOfRecommended, long recommendedPairs, Exposure e) {
        double target = uniformExposure(e);
        double pairs = (double) e.lists * e.n;
        return (squaredDeviationsOfRecommended + (pairs - recommendedPairs) * target * target) / pairs;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The bounds are exact in theory; only rounding may put a value a hair outside [0, 1]. */
    static double clamp01(double x) {
        if (x < 0 && x > -1e-9) {
            return 0;
        }
        if (x > 1 && x < 1 + 1e-9) {
            return 1;
        }
        return x;
    }
}
