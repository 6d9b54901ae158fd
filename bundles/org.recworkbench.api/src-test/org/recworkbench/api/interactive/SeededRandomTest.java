package org.recworkbench.api.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** Draws against the moments of their distributions, and a restored generator against the original. */
class SeededRandomTest {

    private static final int N = 400_000;

    @Test
    void momentsMatchTheDistributions() {
        SeededRandom r = new SeededRandom(17);
        double[] normal = moments(N, r::nextGaussian);
        assertEquals(0, normal[0], 0.01);
        assertEquals(1, normal[1], 0.01);
        // Gamma(k): mean k, variance k (shape below 1 goes through the boost)
        for (double k : new double[] {0.4, 1, 2.5, 30}) {
            double[] g = moments(N, () -> r.nextGamma(k));
            assertEquals(k, g[0], 0.01 * Math.max(1, k), "mean of Gamma(" + k + ")");
            assertEquals(k, g[1], 0.03 * Math.max(1, k), "variance of Gamma(" + k + ")");
        }
        // Beta(a, b): mean a/(a+b), variance ab / ((a+b)²(a+b+1))
        double a = 3;
        double b = 7;
        double[] beta = moments(N, () -> r.nextBeta(a, b));
        assertEquals(0.3, beta[0], 0.002);
        assertEquals(21.0 / (100 * 11), beta[1], 0.0005);
    }

    @Test
    void normalTailsMatchTheTable() {
        // two-sided tail probabilities of the standard normal (any table): |Z| > 1, 2, 3, 3.5 (beyond the
        // ziggurat's base layer at 3.44, so its tail sampler is exercised)
        double[] z = {1, 2, 3, 3.5};
        double[] p = {0.317311, 0.0455003, 0.00269980, 0.000465268};
        int n = 4_000_000;
        long[] beyond = new long[z.length];
        double fourth = 0;
        SeededRandom r = new SeededRandom(23);
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            fourth += x * x * x * x;
            for (int k = 0; k < z.length; k++) {
                if (Math.abs(x) > z[k]) {
                    beyond[k]++;
                }
            }
        }
        for (int k = 0; k < z.length; k++) {
            double sd = Math.sqrt(p[k] * (1 - p[k]) / n);
            assertEquals(p[k], (double) beyond[k] / n, 5 * sd, "P(|Z| > " + z[k] + ")");
        }
        assertEquals(3, fourth / n, 0.02, "E[Z^4]");
    }

    private static double[] moments(int n, java.util.function.DoubleSupplier draw) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = draw.getAsDouble();
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        return new double[] {mean, sumSq / n - mean * mean};
    }

    @Test
    void integersAreUniform() {
        // chi-square with 6 degrees of freedom: 22.46 is the 0.999 quantile
        SeededRandom r = new SeededRandom(5);
        int bound = 7;
        int[] counts = new int[bound];
        for (int i = 0; i < 70_000; i++) {
            counts[r.nextInt(bound)]++;
        }
        double chi = 0;
        for (int c : counts) {
            chi += (c - 10_000.0) * (c - 10_000.0) / 10_000.0;
        }
        assertTrue(chi < 22.46, "chi-square " + chi);
    }

    @Test
    void aRestoredGeneratorContinuesTheSameSequence() throws Exception {
        SeededRandom original = new SeededRandom(99);
        original.nextGaussian();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.writeState(new DataOutputStream(bytes));
        SeededRandom restored = new SeededRandom(0);
        restored.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = 0; i < 1000; i++) {
            assertEquals(original.nextGaussian(), restored.nextGaussian());
            assertEquals(original.nextInt(1000), restored.nextInt(1000));
        }
    }
}
