package org.recworkbench.algo.debias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;

/**
 * The estimators against their definitions, then on a synthetic world with known relevance and ratings: the
 * corrected estimators must beat the naive ones on the long tail (Saito et al. 2020, sec. 5.3; Schnabel et al.
 * 2016, sec. 6). The printed table is the one in docs/benchmarks.md.
 */
class DebiasTest {

    @Test
    void popularityPropensitiesByHand() {
        // item counts 4, 1, 0, 9 (max 9), η = 0.5: sqrt(4/9) = 2/3, sqrt(1/9) = 1/3, unseen -> smallest (1/3), 1
        Interactions x = new Interactions(2, 4, new int[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1},
                new int[] {0, 0, 0, 0, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3}, new float[14], new long[14]);
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 1 / 3.0, 1}, Propensities.fromPopularity(x, 0.5), 1e-12);
    }

    @Test
    void unbiasedLossHasTheIdealLossAsItsExpectation() {
        // Y ~ Bernoulli(θγ): E[loss] = θγ·loss(x, 1/θ, 1 − 1/θ) + (1 − θγ)·loss(x, 0, 1), which by
        // E[Y/θ] = γ equals the loss under the true relevance, γ·(−log σ) + (1 − γ)·(−log(1 − σ))
        Random random = new Random(3);
        for (int t = 0; t < 1000; t++) {
            double x = 6 * random.nextGaussian();
            double gamma = random.nextDouble();
            double theta = 0.01 + 0.99 * random.nextDouble();
            double[] w = RelMfRecommender.clickedWeights(false, theta, 0);
            double expected = theta * gamma * RelMfRecommender.loss(x, w[0], w[1])
                    + (1 - theta * gamma) * RelMfRecommender.loss(x, 0, 1);
            assertEquals(RelMfRecommender.loss(x, gamma, 1 - gamma), expected, 1e-9 * (1 + Math.abs(expected)));
        }
        // clipping replaces θ by max(θ, M) and the naive loss takes the click as the label
        assertArrayEquals(new double[] {10, -9}, RelMfRecommender.clickedWeights(false, 0.02, 0.1), 1e-12);
        assertArrayEquals(new double[] {1, 0}, RelMfRecommender.clickedWeights(true, 0.02, 0.1));
    }

    @Test
    void gradientIsTheDerivativeOfTheLoss() {
        double h = 1e-6;
        for (double x : new double[] {-4, -0.3, 0, 1.7, 5}) {
            for (double[] ab : new double[][] {{1, 0}, {0, 1}, {10, -9}, {2.5, -1.5}}) {
                double numeric = (RelMfRecommender.loss(x + h, ab[0], ab[1])
                        - RelMfRecommender.loss(x - h, ab[0], ab[1])) / (2 * h);
                assertEquals(numeric, RelMfRecommender.gradient(x, ab[0], ab[1]), 1e-6);
            }
        }
    }

    @Test
    void divergenceIsReportedNotReturnedAsAModel() {
        // the corrected loss is unbounded below: a huge step size makes the factors overflow, which must end in
        // a clear error rather than a model of NaN scores
        MnarWorld world = MnarWorld.generate(200, 100, 4, 0.6, 0.6, 3);
        org.recworkbench.api.RecommenderBuildException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.recworkbench.api.RecommenderBuildException.class, () -> fit(new RelMfRecommender(),
                        world.clicks(), Map.of("learning-rate", 5.0, "regularization", 0.0, "clip", 0.01)));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }

    @Test
    void ipsWeightsAreInversePropensitiesWithMeanOne() {
        // counts: item 0 ×4, item 1 ×1 → θ = 1 and 0.5 (η = 0.5); raw weights 1, 1, 1, 1, 2 → mean 1.2
        Interactions x = new Interactions(5, 2, new int[] {0, 1, 2, 3, 4}, new int[] {0, 0, 0, 0, 1},
                new float[] {5, 4, 4, 5, 1}, new long[5]);
        float[] w = MfIpsRecommender.weights(x, true, 0, 0.5);
        float[] expected = {1 / 1.2f, 1 / 1.2f, 1 / 1.2f, 1 / 1.2f, 2 / 1.2f};
        assertArrayEquals(expected, w, 1e-6f);
    }

    @Test
    void correctedEstimatorsWinOnTheLongTailOfAKnownWorld() {
        MnarWorld world = MnarWorld.generate(1500, 600, 8, 0.6, 0.6, 11);
        System.out.printf(Locale.ROOT, "MNAR world: 1,500 users x 600 items, %,d clicks, %,d observed ratings%n",
                world.clicks().size(), world.observedRatings().size());
        double naiveRare = 0;
        double naiveAll = 0;
        double clippedRare = 0;
        double clippedAll = 0;
        System.out.println("| estimator | DCG@5, all items | DCG@5, rare items |");
        for (Object[] variant : new Object[][] {{"naive", 0.0}, {"unbiased", 0.0}, {"unbiased", 0.1}}) {
            Model m = fit(new RelMfRecommender(), world.clicks(), Map.of("estimator", variant[0], "clip", variant[1]));
            double all = world.dcg(m, 5, false);
            double rare = world.dcg(m, 5, true);
            System.out.printf(Locale.ROOT, "| rel-mf %s, clip %.1f | %.4f | %.4f |%n", variant[0], variant[1], all,
                    rare);
            if (variant[0].equals("naive")) {
                naiveRare = rare;
                naiveAll = all;
            } else if ((double) variant[1] > 0) {
                clippedRare = rare;
                clippedAll = all;
            }
        }
        assertTrue(clippedRare > naiveRare * 1.1, "rare items: clipped " + clippedRare + " vs naive " + naiveRare);
        assertTrue(clippedAll > naiveAll, "all items: clipped " + clippedAll + " vs naive " + naiveAll);

        System.out.println("| estimator | RMSE, all pairs | RMSE, rare items |");
        for (Object[] variant : new Object[][] {{"naive", 0.5}, {"ips", 0.5}, {"ips", 1.0}}) {
            Model m = fit(new MfIpsRecommender(), world.observedRatings(),
                    Map.of("estimator", variant[0], "propensity-power", variant[1]));
            System.out.printf(Locale.ROOT, "| mf-ips %s, eta %.1f | %.4f | %.4f |%n", variant[0], variant[1],
                    world.rmse(m, false), world.rmse(m, true));
        }
        // ratings are observed with probability ∝ θ_i and item counts are ∝ θ_i, so with η = 1 the popularity
        // propensity is exact up to a scale the normalisation removes: the IPS-weighted mean rating estimates
        // the mean over every pair, which the plain mean overestimates (popular items are rated higher here)
        double trueMean = 0;
        for (int u = 0; u < 1500; u++) {
            for (int i = 0; i < 600; i++) {
                trueMean += world.trueRating(u, i);
            }
        }
        trueMean /= 1500 * 600;
        Interactions observed = world.observedRatings();
        double naiveMean = weightedMean(observed, MfIpsRecommender.weights(observed, false, 0, 1));
        double ipsMean = weightedMean(observed, MfIpsRecommender.weights(observed, true, 0, 1));
        System.out.printf(Locale.ROOT, "mean rating: all pairs %.4f, observed %.4f, IPS-weighted %.4f%n", trueMean,
                naiveMean, ipsMean);
        assertTrue(Math.abs(ipsMean - trueMean) < Math.abs(naiveMean - trueMean) / 4,
                "IPS mean " + ipsMean + ", naive " + naiveMean + ", truth " + trueMean);
    }

    private static double weightedMean(Interactions x, float[] weights) {
        double sum = 0;
        double total = 0;
        for (int k = 0; k < x.size(); k++) {
            sum += weights[k] * x.values()[k];
            total += weights[k];
        }
        return sum / total;
    }

    private static Model fit(Recommender r, Interactions train, Map<String, Object> params) {
        TrainingContext context = new TrainingContext(null, 5, ProgressMonitor.NONE, new ComputeBackend() {
            public String id() {
                return "java";
            }

            public String description() {
                return "";
            }

            public int priority() {
                return 0;
            }

            public boolean isAvailable() {
                return true;
            }

            public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float s = 0;
                        for (int x = 0; x < d; x++) {
                            s += a[i * d + x] * b[j * d + x];
                        }
                        out[i * n + j] = s;
                    }
                }
            }
        }, 1);
        return r.fit(context, train, Parameters.validate("test", r.descriptor().parameters(), params));
    }
}
