package org.recworkbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * a = 1..5, b = 2, 3, 5, 4, 7: differences 1, 1, 2, 0, 2, mean 1.2, sample variance 0.7, t = 3.2071 with
 * 4 degrees of freedom. The two-sided p-value 0.032678 was obtained independently by numerically integrating
 * Student's t density; the Wilcoxon exact p-value is 2 · P(W ≤ 0) = 2 / 2^4 after dropping the zero.
 */
class SignificanceTestsTest {
    private final double[] a = {1, 2, 3, 4, 5};
    private final double[] b = {2, 3, 5, 4, 7};

    @Test
    void pairedTTestMatchesTheTDistribution() {
        assertEquals(0.032678, SignificanceTests.pairedTTest(a, b), 1e-5);
        assertEquals(SignificanceTests.pairedTTest(a, b), SignificanceTests.pairedTTest(b, a), 1e-12);
        assertEquals(1.0, SignificanceTests.pairedTTest(a, a));
    }

    @Test
    void wilcoxonExactForSmallSamples() {
        assertEquals(2.0 / 16, SignificanceTests.wilcoxon(a, b), 1e-12);
        assertEquals(1.0, SignificanceTests.wilcoxon(a, a));
    }

    @Test
    void effectSizeIsMeanOverStandardDeviationOfDifferences() {
        assertEquals(1.2 / Math.sqrt(0.7), SignificanceTests.cohensDz(a, b), 1e-12);
    }

    @Test
    void bootstrapIntervalIsSeededAndBracketsTheMean() {
        double[] ci = SignificanceTests.bootstrapMeanDifference(a, b, 0.95, 2000, 7);
        assertArrayEquals(ci, SignificanceTests.bootstrapMeanDifference(a, b, 0.95, 2000, 7));
        assertTrue(ci[0] <= 1.2 && 1.2 <= ci[1], ci[0] + " .. " + ci[1]);
        // resampling a constant difference gives a degenerate interval
        double[] shifted = {2, 3, 4, 5, 6};
        assertArrayEquals(new double[] {1, 1}, SignificanceTests.bootstrapMeanDifference(a, shifted, 0.95, 100, 1),
                1e-12);
    }

    @Test
    void holmAndBonferroni() {
        double[] p = {0.01, 0.04, 0.03, 0.5};
        // Holm: sorted 0.01·4, 0.03·3, 0.04·2 raised to the running maximum 0.09, 0.5·1
        assertArrayEquals(new double[] {0.04, 0.09, 0.09, 0.5}, SignificanceTests.holm(p), 1e-12);
        assertArrayEquals(new double[] {0.04, 0.16, 0.12, 1.0}, SignificanceTests.bonferroni(p), 1e-12);
        double[] withNaN = SignificanceTests.holm(new double[] {0.02, Double.NaN});
        assertEquals(0.02, withNaN[0], 1e-12);
        assertTrue(Double.isNaN(withNaN[1]));
    }

    @Test
    void quantileInterpolatesLinearly() {
        assertEquals(2.5, SignificanceTests.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
    }
}
