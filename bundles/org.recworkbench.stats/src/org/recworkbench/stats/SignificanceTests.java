package org.recworkbench.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired tests and their companions. Distributions come from Apache Commons Math; the rest is the textbook
 * formula named in each method. Stateless and thread safe.
 */
public final class SignificanceTests {

    private SignificanceTests() {
    }

    /** Two-sided p-value of the paired t-test of mean(b - a) = 0 (Student 1908); NaN for fewer than 2 pairs. */
    public static double pairedTTest(double[] a, double[] b) {
        check(a, b);
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] d = differences(a, b);
        if (Arrays.stream(d).allMatch(x -> x == d[0])) {
            return d[0] == 0 ? 1.0 : 0.0; // no variance: identical systems, or a constant shift
        }
        return new TTest().pairedTTest(a, b);
    }

    /**
     * Two-sided p-value of the Wilcoxon signed-rank test (Wilcoxon 1945): exact for up to 30 pairs, normal
     * approximation above. Zero differences are dropped first (Wilcoxon's convention); 1 when none remain.
     */
    public static double wilcoxon(double[] a, double[] b) {
        check(a, b);
        double[] d = differences(a, b);
        int nonZero = (int) Arrays.stream(d).filter(x -> x != 0).count();
        if (nonZero == 0) {
            return 1.0;
        }
        double[] x = new double[nonZero];
        double[] y = new double[nonZero];
        int j = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                x[j] = a[i];
                y[j] = b[i];
                j++;
            }
        }
        return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, nonZero <= 30);
    }

    /** Cohen's d for paired samples (d_z): mean(b - a) / sd(b - a), sample standard deviation. */
    public static double cohensDz(double[] a, double[] b) {
        double[] d = differences(a, b);
        double mean = Arrays.stream(d).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (d.length - 1));
        return sd == 0 ? Double.NaN : mean / sd;
    }

    /**
     * Percentile bootstrap confidence interval of mean(b - a) (Efron and Tibshirani 1993): users are
     * resampled with replacement {@code resamples} times from a seeded generator.
     *
     * @return {low, high}
     */
    public static double[] bootstrapMeanDifference(double[] a, double[] b, double level, int resamples, long seed) {
        double[] d = differences(a, b);
        int n = d.length;
        double[] means = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[random.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new double[] {quantile(means, tail), quantile(means, 1 - tail)};
    }

    /** Linear interpolation between order statistics (type 7, the R and NumPy default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Bonferroni: p · m, capped at 1. */
    public static double[] bonferroni(double[] p) {
        return Arrays.stream(p).map(x -> Double.isNaN(x) ? x : Math.min(1, x * p.length)).toArray();
    }

    /**
     * Holm's step-down adjustment (Holm 1979): sort ascending, multiply the i-th smallest (0-based) by m - i,
     * enforce monotonicity, cap at 1. NaN p-values are left out and stay NaN.
     */
    public static double[] holm(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted((i, j) -> Double.compare(p[i], p[j])).toArray(Integer[]::new);
        int m = order.length;
        double[] adjusted = p.clone();
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            double value = Math.min(1, p[order[rank]] * (m - rank));
            running = Math.max(running, value);
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    private static double[] differences(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = b[i] - a[i];
        }
        return d;
    }

    private static void check(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
    }
}
