package org.recworkbench.algo.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/** The factorization trainers against hand-worked systems and independent formulas. */
class FactorizationTest {

    /** The textbook triple loop, independent of every backend under test. */
    static final ComputeBackend NAIVE = new ComputeBackend() {
        public String id() {
            return "naive";
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
                    double s = 0;
                    for (int x = 0; x < d; x++) {
                        s += a[i * d + x] * b[j * d + x];
                    }
                    out[i * n + j] = (float) s;
                }
            }
        }
    };

    static TrainingContext context(long seed, int threads) {
        return new TrainingContext(null, seed, ProgressMonitor.NONE, NAIVE, threads);
    }

    static Parameters params(Recommender r, Map<String, Object> values) {
        return Parameters.validate("params", r.descriptor().parameters(), values);
    }

    /** Ratings r_ui = 1 + (u mod 3) + 0.5 (i mod 4) on a 30 × 20 grid, every cell observed (rank ≤ 2 plus biases). */
    static Interactions grid(double keep, long seed) {
        Random random = new Random(seed);
        List<int[]> cells = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 20; i++) {
                if (random.nextDouble() < keep) {
                    cells.add(new int[] {u, i});
                }
            }
        }
        int n = cells.size();
        int[] users = new int[n];
        int[] items = new int[n];
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
            users[k] = cells.get(k)[0];
            items[k] = cells.get(k)[1];
            values[k] = 1 + users[k] % 3 + 0.5f * (items[k] % 4);
        }
        return new Interactions(30, 20, users, items, values, new long[n]);
    }

    static double rmse(Model m, Interactions x) {
        double s = 0;
        for (int k = 0; k < x.size(); k++) {
            double e = m.predict(x.users()[k], x.items()[k]) - x.values()[k];
            s += e * e;
        }
        return Math.sqrt(s / x.size());
    }

    @Test
    void choleskySolvesAHandWorkedSystem() {
        // A = [[4,2,0],[2,5,1],[0,1,3]], x = (1, 2, 3) => b = A x = (8, 15, 11)
        double[] a = {4, 2, 0, 2, 5, 1, 0, 1, 3};
        double[] b = {8, 15, 11};
        Vectors.solveSpd(a, b, 3);
        assertArrayEquals(new double[] {1, 2, 3}, b, 1e-12);
    }

    @Test
    void scoresOfTheBatchedProductEqualPredictions() {
        Model m = new FunkSvdRecommender().fit(context(3, 1), grid(0.5, 1),
                params(new FunkSvdRecommender(), Map.of("factors", 5, "epochs", 3)));
        int[] users = {0, 7, 29};
        float[] out = new float[users.length * 20];
        m.scoreAll(users, out);
        for (int b = 0; b < users.length; b++) {
            for (int i = 0; i < 20; i++) {
                assertEquals(m.predict(users[b], i), out[b * 20 + i], 1e-5);
            }
        }
    }

    @Test
    void explicitModelsRecoverALowRankGridFromHalfItsCells() {
        Interactions train = grid(0.5, 7);
        Interactions all = grid(1.0, 0);
        // the global mean alone: the spread of 1 + (u mod 3) + 0.5 (i mod 4) around its mean, about 0.97
        double baseline = 0;
        double mean = 0;
        for (float v : all.values()) {
            mean += v;
        }
        mean /= all.size();
        for (float v : all.values()) {
            baseline += (v - mean) * (v - mean);
        }
        baseline = Math.sqrt(baseline / all.size());
        Model funk = new FunkSvdRecommender().fit(context(1, 1), train, params(new FunkSvdRecommender(),
                Map.of("factors", 4, "epochs", 200, "learning-rate", 0.02, "regularization", 0.001)));
        Model svdpp = new SvdPlusPlusRecommender().fit(context(1, 1), train, params(new SvdPlusPlusRecommender(),
                Map.of("factors", 4, "epochs", 200, "learning-rate", 0.02, "regularization", 0.001)));
        Model als = new AlsRecommender().fit(context(1, 2), train, params(new AlsRecommender(),
                Map.of("factors", 4, "iterations", 30, "regularization", 0.001)));
        for (Model m : List.of(funk, svdpp, als)) {
            double heldOut = rmse(m, all);
            assertTrue(heldOut < 0.1 * baseline, "RMSE over the whole grid " + heldOut + " vs mean-only " + baseline);
        }
    }

    @Test
    void alsIsTheSameForAnyThreadCount() {
        Interactions train = grid(0.6, 3);
        Map<String, Object> p = Map.of("factors", 3, "iterations", 4);
        FactorModel one = (FactorModel) new AlsRecommender().fit(context(5, 1), train, params(new AlsRecommender(), p));
        FactorModel two = (FactorModel) new AlsRecommender().fit(context(5, 4), train, params(new AlsRecommender(), p));
        assertArrayEquals(one.userFactors(), two.userFactors());
        assertArrayEquals(one.itemFactors(), two.itemFactors());
    }

    @Test
    void conjugateGradientReachesTheExactImplicitAlsSolution() {
        // after d CG steps from any start, CG on a d×d SPD system is exact up to rounding: compare one user
        // half-step against the normal equations solved directly (Hu et al., eq. 4), with both row kernels and
        // d below and above the vector width
        for (java.util.function.Supplier<RowKernel> kernel : RowKernelTest.kernels()) {
            for (int d : new int[] {4, 20}) {
                conjugateGradientReachesTheExactSolution(kernel, d);
            }
        }
    }

    private static void conjugateGradientReachesTheExactSolution(java.util.function.Supplier<RowKernel> kernel,
            int d) {
        Interactions x = grid(0.4, 11);
        SparseMatrix byUser = x.userItems();
        Random random = new Random(2);
        float[] users = new float[30 * d];
        float[] items = new float[20 * d];
        for (int k = 0; k < users.length; k++) {
            users[k] = (float) random.nextGaussian() * 0.3f;
        }
        for (int k = 0; k < items.length; k++) {
            items[k] = (float) random.nextGaussian() * 0.3f;
        }
        double alpha = 2.0;
        double lambda = 0.5;
        ImplicitAlsRecommender.halfStep(byUser, users, items,
                new ImplicitAlsRecommender.Settings(d, alpha, lambda, 2 * d, true, 1), kernel);
        for (int u = 0; u < 30; u++) {
            // A = YᵀY + Σ_i (c_i − 1) y_i y_iᵀ + λI, b = Σ_i c_i y_i with c_i = 1 + α r_ui
            double[] a = new double[d * d];
            double[] b = new double[d];
            for (int i = 0; i < 20; i++) {
                for (int f = 0; f < d; f++) {
                    for (int g = 0; g < d; g++) {
                        a[f * d + g] += items[i * d + f] * items[i * d + g];
                    }
                }
            }
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                int i = byUser.columns()[p];
                double c = 1 + alpha * byUser.values()[p];
                for (int f = 0; f < d; f++) {
                    b[f] += c * items[i * d + f];
                    for (int g = 0; g < d; g++) {
                        a[f * d + g] += (c - 1) * items[i * d + f] * items[i * d + g];
                    }
                }
            }
            for (int f = 0; f < d; f++) {
                a[f * d + f] += lambda;
            }
            Vectors.solveSpd(a, b, d);
            for (int f = 0; f < d; f++) {
                assertEquals(b[f], users[u * d + f], 1e-3 * Math.max(1, Math.abs(b[f])),
                        kernel.get().name() + " d " + d + " user " + u);
            }
        }
    }

    /** Two taste groups: users 0-19 use items 0-9, users 20-39 items 10-19; each user saw 6 of their 10. */
    static Interactions twoGroups() {
        List<int[]> cells = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            int base = u < 20 ? 0 : 10;
            for (int k = 0; k < 6; k++) {
                cells.add(new int[] {u, base + (u + k) % 10});
            }
        }
        int[] users = cells.stream().mapToInt(c -> c[0]).toArray();
        int[] items = cells.stream().mapToInt(c -> c[1]).toArray();
        float[] ones = new float[users.length];
        java.util.Arrays.fill(ones, 1f);
        return new Interactions(40, 20, users, items, ones, new long[users.length]);
    }

    /** Share of users whose best unseen item is from their own group. */
    static double ownGroupFirst(Model m, Interactions train) {
        int hits = 0;
        SparseMatrix seen = train.userItems();
        for (int u = 0; u < 40; u++) {
            int[] excluded = java.util.Arrays.copyOfRange(seen.columns(), seen.rowStart(u), seen.rowEnd(u));
            int top = m.recommend(u, 1, excluded)[0];
            hits += (top < 10) == (u < 20) ? 1 : 0;
        }
        return hits / 40.0;
    }

    @Test
    void implicitModelsRecommendFromTheUsersOwnGroup() {
        Interactions train = twoGroups();
        Model bpr = new BprRecommender().fit(context(4, 1), train, params(new BprRecommender(),
                Map.of("factors", 8, "epochs", 200, "learning-rate", 0.05)));
        Model ials = new ImplicitAlsRecommender().fit(context(4, 2), train, params(new ImplicitAlsRecommender(),
                Map.of("factors", 8, "iterations", 10)));
        assertEquals(1.0, ownGroupFirst(bpr, train));
        assertEquals(1.0, ownGroupFirst(ials, train));
    }

    @Test
    void aSeedFixesEveryModel() {
        Interactions train = twoGroups();
        for (Recommender r : List.of(new FunkSvdRecommender(), new SvdPlusPlusRecommender(), new BprRecommender(),
                new ImplicitAlsRecommender(), new AlsRecommender())) {
            Parameters p = params(r, Map.of());
            FactorModel a = (FactorModel) r.fit(context(9, 2), train, p);
            FactorModel b = (FactorModel) r.fit(context(9, 2), train, p);
            assertArrayEquals(a.userFactors(), b.userFactors(), r.descriptor().id());
            assertArrayEquals(a.itemFactors(), b.itemFactors(), r.descriptor().id());
        }
    }

    @Test
    void transposeMovesEveryEntry() {
        for (int n : new int[] {0, 5, 8, 21}) { // below, at and across the eight-row block
            int d = 7;
            float[][] rows = new float[n][d];
            float[][] columns = new float[d][n];
            for (int k = 0; k < n; k++) {
                for (int f = 0; f < d; f++) {
                    rows[k][f] = k * 100 + f;
                }
            }
            ScalarRowKernel.transpose(rows, n, d, columns);
            for (int k = 0; k < n; k++) {
                for (int f = 0; f < d; f++) {
                    org.junit.jupiter.api.Assertions.assertEquals(k * 100 + f, columns[f][k], "n " + n);
                }
            }
        }
    }
}
