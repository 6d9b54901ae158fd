package org.recworkbench.algo.debias;

import java.util.SplittableRandom;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.data.Interactions;

/**
 * A synthetic world where the truth is known, for judging estimators of missing-not-at-random feedback: users
 * and items have latent factors; item i is exposed with a propensity that falls with its popularity rank
 * ({@code θ_i = (rank_i + 1)^−exposureDecay}, ranks drawn independently of relevance), relevance is
 * {@code γ_ui = σ(2·s_ui − 2)} for the standardised affinity {@code s_ui}, and a click happens when the item was
 * exposed and relevant ({@code Y ~ Bernoulli(θ_i·γ_ui)}, the model of Saito et al. 2020). For ratings, the true
 * rating of every pair is {@code clamp(round(3 + c_i + s_ui + ε), 1, 5)} with an item quality {@code c_i} that
 * is higher for popular items, and the rating is observed with probability {@code θ_i·observeScale}.
 */
public final class MnarWorld {

    private final int users;
    private final int items;
    private final double[] relevance;
    private final double[] exposure;
    private final byte[] ratings;
    private final Interactions clicks;
    private final Interactions observedRatings;
    private final boolean[] rare;

    private MnarWorld(int users, int items, double[] relevance, double[] exposure, byte[] ratings,
            Interactions clicks, Interactions observedRatings) {
        this.users = users;
        this.items = items;
        this.relevance = relevance;
        this.exposure = exposure;
        this.ratings = ratings;
        this.clicks = clicks;
        this.observedRatings = observedRatings;
        double[] sorted = exposure.clone();
        java.util.Arrays.sort(sorted);
        this.rare = new boolean[items];
        for (int i = 0; i < items; i++) {
            rare[i] = exposure[i] < sorted[items / 2];
        }
    }

    public static MnarWorld generate(int users, int items, int dimensions, double exposureDecay,
            double observeScale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = gaussian(users * dimensions, random);
        double[] q = gaussian(items * dimensions, random);
        int[] shuffled = Draws.identity(items);
        Draws.shuffle(shuffled, random);
        double[] exposure = new double[items];
        double[] quality = new double[items];
        for (int r = 0; r < items; r++) {
            int i = shuffled[r];
            exposure[i] = Math.pow(r + 1, -exposureDecay);
            quality[i] = 0.8 - 1.6 * r / Math.max(1, items - 1); // +0.8 for the most exposed, −0.8 for the least
        }
        double[] relevance = new double[users * items];
        byte[] ratings = new byte[users * items];
        int[] cu = new int[users * items / 8 + 16];
        int[] ci = new int[cu.length];
        int clicks = 0;
        int[] ru = new int[cu.length];
        int[] ri = new int[cu.length];
        float[] rv = new float[cu.length];
        int rated = 0;
        double norm = Math.sqrt(dimensions);
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double s = 0;
                for (int x = 0; x < dimensions; x++) {
                    s += p[u * dimensions + x] * q[i * dimensions + x];
                }
                s /= norm;
                double gamma = 1 / (1 + Math.exp(-(2 * s - 2)));
                relevance[u * items + i] = gamma;
                long rating = Math.round(3 + quality[i] + s + 0.5 * random.nextGaussian());
                ratings[u * items + i] = (byte) Math.max(1, Math.min(5, rating));
                if (random.nextDouble() < exposure[i] * gamma) {
                    if (clicks == cu.length) {
                        cu = java.util.Arrays.copyOf(cu, 2 * clicks);
                        ci = java.util.Arrays.copyOf(ci, 2 * clicks);
                    }
                    cu[clicks] = u;
                    ci[clicks++] = i;
                }
                if (random.nextDouble() < exposure[i] * observeScale) {
                    if (rated == ru.length) {
                        ru = java.util.Arrays.copyOf(ru, 2 * rated);
                        ri = java.util.Arrays.copyOf(ri, 2 * rated);
                        rv = java.util.Arrays.copyOf(rv, 2 * rated);
                    }
                    ru[rated] = u;
                    ri[rated] = i;
                    rv[rated++] = ratings[u * items + i];
                }
            }
        }
        float[] ones = new float[clicks];
        java.util.Arrays.fill(ones, 1f);
        Interactions clickLog = new Interactions(users, items, java.util.Arrays.copyOf(cu, clicks),
                java.util.Arrays.copyOf(ci, clicks), ones, new long[clicks]);
        Interactions ratingLog = new Interactions(users, items, java.util.Arrays.copyOf(ru, rated),
                java.util.Arrays.copyOf(ri, rated), java.util.Arrays.copyOf(rv, rated), new long[rated]);
        return new MnarWorld(users, items, relevance, exposure, ratings, clickLog, ratingLog);
    }

    /** The observed clicks: the training data of the implicit-feedback estimators. */
    public Interactions clicks() {
        return clicks;
    }

    /** The observed ratings (missing not at random): the training data of the rating estimators. */
    public Interactions observedRatings() {
        return observedRatings;
    }

    public double relevance(int user, int item) {
        return relevance[user * items + item];
    }

    public double exposure(int item) {
        return exposure[item];
    }

    public int trueRating(int user, int item) {
        return ratings[user * items + item];
    }

    /** Items whose exposure is below the median: the long tail. */
    public boolean isRare(int item) {
        return rare[item];
    }

    /**
     * Mean over users of the DCG@k of the model's ranking of every item the user did not click, with the true
     * relevance as gain ({@code Σ γ / log2(rank + 1)}); with {@code rareOnly}, only rare items gain (how well the
     * ranking surfaces relevant long-tail items, as in Saito et al. sec. 5.3).
     */
    public double dcg(Model model, int k, boolean rareOnly) {
        float[] scores = new float[items];
        int[] top = new int[k];
        float[] topScores = new float[k];
        double total = 0;
        var byUser = clicks.userItems();
        for (int u = 0; u < users; u++) {
            model.scoreAll(new int[] {u}, scores);
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                scores[byUser.columns()[p]] = Float.NEGATIVE_INFINITY;
            }
            int n = TopK.select(scores, 0, items, k, top, topScores);
            for (int r = 0; r < n; r++) {
                if (!rareOnly || rare[top[r]]) {
                    total += relevance(u, top[r]) / (Math.log(r + 2) / Math.log(2));
                }
            }
        }
        return total / users;
    }

    /**
     * Root mean squared error of the model's rating predictions against the true ratings of every user–item pair
     * (what a missing-completely-at-random survey would measure); with {@code rareOnly}, over rare items only.
     */
    public double rmse(Model model, boolean rareOnly) {
        float[] scores = new float[items];
        double sum = 0;
        long n = 0;
        for (int u = 0; u < users; u++) {
            model.scoreAll(new int[] {u}, scores);
            for (int i = 0; i < items; i++) {
                if (!rareOnly || rare[i]) {
                    double e = scores[i] - ratings[u * items + i];
                    sum += e * e;
                    n++;
                }
            }
        }
        return Math.sqrt(sum / n);
    }

    private static double[] gaussian(int size, SplittableRandom random) {
        double[] v = new double[size];
        for (int k = 0; k < size; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }
}
