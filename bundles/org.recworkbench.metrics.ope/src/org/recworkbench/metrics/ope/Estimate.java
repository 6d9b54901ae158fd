package org.recworkbench.metrics.ope;

import org.recworkbench.api.interactive.SeededRandom;

/** An estimated policy value with a percentile-bootstrap confidence interval. */
public record Estimate(String estimator, double value, double lower, double upper) {

    /** The relative estimation error {@code |value − truth| / |truth|} (Saito et al.'s OBP measure). */
    public double relativeError(double truth) {
        return Math.abs(value - truth) / Math.abs(truth);
    }

    /**
     * {@code Σ numerator / Σ denominator}, and its interval from {@code resamples} bootstrap resamples of the
     * rounds (Efron &amp; Tibshirani 1993, percentile method).
     */
    public static Estimate of(String estimator, double[] numerator, double[] denominator, int resamples,
            double confidence, long seed) {
        int n = numerator.length;
        double value = ratio(numerator, denominator, null);
        if (resamples <= 0 || n == 0) {
            return new Estimate(estimator, value, Double.NaN, Double.NaN);
        }
        SeededRandom random = new SeededRandom(seed);
        double[] draws = new double[resamples];
        int[] rows = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            draws[b] = ratio(numerator, denominator, rows);
        }
        java.util.Arrays.sort(draws);
        double tail = (1 - confidence) / 2;
        return new Estimate(estimator, value, quantile(draws, tail), quantile(draws, 1 - tail));
    }

    private static double ratio(double[] numerator, double[] denominator, int[] rows) {
        double num = 0;
        double den = 0;
        int n = rows == null ? numerator.length : rows.length;
        for (int k = 0; k < n; k++) {
            int i = rows == null ? k : rows[k];
            num += numerator[i];
            den += denominator[i];
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** Linear interpolation between order statistics (type 7, the default of R and NumPy). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
