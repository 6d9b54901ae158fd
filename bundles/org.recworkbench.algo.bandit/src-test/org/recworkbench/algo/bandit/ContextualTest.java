package org.recworkbench.algo.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;

/**
 * Linear and budgeted policies: the incremental algebra against direct matrix inversion, the hybrid model
 * against the formulas of Li et al. (2010, Algorithm 2) as printed, the knapsack allocation by hand, and
 * learning in small worlds with a known best action.
 */
class ContextualTest {

    /** Gauss–Jordan inverse, independent of the code under test. */
    static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double p = a[c][c];
            for (int j = 0; j < 2 * n; j++) {
                a[c][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }

    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void shermanMorrisonMatchesDirectInversion() {
        int d = 5;
        double lambda = 0.7;
        RidgeArms arms = new RidgeArms(2, d, lambda);
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            a[i][i] = lambda;
        }
        SeededRandom random = new SeededRandom(3);
        for (int t = 0; t < 40; t++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = random.nextGaussian();
            }
            double r = random.nextDouble();
            arms.update(1, x, r);
            for (int i = 0; i < d; i++) {
                b[i] += r * x[i];
                for (int j = 0; j < d; j++) {
                    a[i][j] += x[i] * x[j];
                }
            }
        }
        double[][] inv = inverse(a);
        double[] full = new double[d * d];
        arms.unpackInverse(1, full);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(inv[i][j], full[i * d + j], 1e-10);
            }
        }
        double[] theta = times(inv, b);
        double[] x = {0.3, -1, 2, 0.5, 0};
        assertEquals(dot(theta, x), arms.mean(1, x), 1e-10);
        double[] packed = new double[arms.packed];
        RidgeArms.packOuter(x, d, packed);
        assertEquals(dot(x, times(inv, x)), arms.variance(1, packed), 1e-10);
        // the untouched arm is still λI
        assertEquals(1 / lambda, arms.variance(0, packed) / dot(x, x), 1e-12);
    }

    @Test
    void hybridScoresAreThePapersFormulas() {
        int items = 4;
        int d = 3; // 2 context values + intercept
        int m = 2;
        float[] itemFeatures = {1, 0, 0, 1, 0.5f, 0.5f, -1, 2};
        EnvironmentInfo info = Worlds.contextual(items, 2, itemFeatures, m, Worlds.ones(items), 1);
        double alpha = 0.8;
        var policy = (LinUcbHybrid.Instance) Worlds.create(new LinUcbHybrid(), info, 1,
                Map.of("alpha", alpha, "lambda", 1.0));
        // the paper's state, kept naively
        int k = 2 + 1; // element-wise user·item features plus the constant
        double[][] a0 = identity(k);
        double[] b0 = new double[k];
        double[][][] aArm = new double[items][][];
        double[][][] bArm = new double[items][d][k];
        double[][] bVec = new double[items][d];
        for (int i = 0; i < items; i++) {
            aArm[i] = identity(d);
        }
        SeededRandom random = new SeededRandom(9);
        for (int t = 0; t < 30; t++) {
            float[] context = {(float) random.nextGaussian(), (float) random.nextGaussian()};
            Observation o = new Observation(0, context, Worlds.all(items), 0);
            policy.act(o);
            double[] x = {context[0], context[1], 1};
            double[][] a0inv = inverse(a0);
            double[] beta = times(a0inv, b0);
            for (int i = 0; i < items; i++) {
                double[] z = {context[0] * itemFeatures[i * m], context[1] * itemFeatures[i * m + 1], 1};
                double[][] aInv = inverse(aArm[i]);
                double[] bMinus = new double[d];
                double[] bBeta = times(bArm[i], beta);
                for (int r = 0; r < d; r++) {
                    bMinus[r] = bVec[i][r] - bBeta[r];
                }
                double[] thetaHat = times(aInv, bMinus);
                double[] aInvX = times(aInv, x);
                double[] btAinvX = times(transpose(bArm[i]), aInvX);
                double s = dot(z, times(a0inv, z)) - 2 * dot(z, times(a0inv, btAinvX)) + dot(x, aInvX)
                        + dot(btAinvX, times(a0inv, btAinvX));
                double p = dot(z, beta) + dot(x, thetaHat) + alpha * Math.sqrt(s);
                assertEquals(p, policy.scores()[i], 1e-9, "step " + t + " item " + i);
            }
            int chosen = random.nextInt(items);
            double r = random.nextDouble() < 0.5 ? 1 : 0;
            policy.observe(o, Action.recommend(chosen), Worlds.step(new float[] {(float) r}));
            double[] z = {context[0] * itemFeatures[chosen * m], context[1] * itemFeatures[chosen * m + 1], 1};
            // Algorithm 2, lines 17-22
            double[][] aInv = inverse(aArm[chosen]);
            add(a0, times(transpose(bArm[chosen]), times(aInv, bArm[chosen])), 1);
            addVec(b0, times(transpose(bArm[chosen]), times(aInv, bVec[chosen])), 1);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    aArm[chosen][i][j] += x[i] * x[j];
                }
                for (int j = 0; j < k; j++) {
                    bArm[chosen][i][j] += x[i] * z[j];
                }
                bVec[chosen][i] += r * x[i];
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a0[i][j] += z[i] * z[j];
                }
                b0[i] += r * z[i];
            }
            aInv = inverse(aArm[chosen]);
            add(a0, times(transpose(bArm[chosen]), times(aInv, bArm[chosen])), -1);
            addVec(b0, times(transpose(bArm[chosen]), times(aInv, bVec[chosen])), -1);
        }
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static double[][] times(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static void add(double[][] into, double[][] m, double sign) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[0].length; j++) {
                into[i][j] += sign * m[i][j];
            }
        }
    }

    private static void addVec(double[] into, double[] v, double sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] += sign * v[i];
        }
    }

    @Test
    void knapsackAllocationByHand() {
        double[] share = {0.5, 0.3, 0.2};
        // equal costs: by value, cluster 1 fits whole (0.3), cluster 2 gets (0.4 - 0.3) / 0.2 = 0.5
        assertArrayEquals(new double[] {0, 1, 0.5}, Hatch.solve(share, new double[] {0.1, 0.5, 0.3},
                new double[] {1, 1, 1}, 0.4), 1e-12);
        // costs 1, 2, 0.5: value per cost 0.1, 0.25, 0.6 -> cluster 2 (needs 0.1), then cluster 1 gets
        // (0.4 - 0.1) / 0.6 = 0.5
        assertArrayEquals(new double[] {0, 0.5, 1}, Hatch.solve(share, new double[] {0.1, 0.5, 0.3},
                new double[] {1, 2, 0.5}, 0.4), 1e-12);
        // a budget rate that pays for everyone serves everyone
        assertArrayEquals(new double[] {1, 1, 1}, Hatch.solve(share, new double[] {0.1, 0.5, 0.3},
                new double[] {1, 1, 1}, 1.5), 1e-12);
    }

    /**
     * Two kinds of users: 30 % respond well (best item clicked with probability 0.6), 70 % poorly (0.1). The
     * budget pays for 20 % of the steps. Greedy spends it on the first users to come, about 0.25 clicks per
     * paid step; HATCH should save it for the responsive users (up to 0.6 per paid step).
     */
    @Test
    void hatchSpendsTheBudgetWhereItEarnsMost() {
        int steps = 20_000;
        double hatch = runBudgeted(new Hatch(), Map.of("clusters", 2, "warmup", 300), steps);
        double greedy = runBudgeted(new GreedyBudgeted(), Map.of(), steps);
        System.out.printf(Locale.ROOT, "budget 0.2 T, T = %d: HATCH %.0f clicks, greedy %.0f clicks%n", steps,
                hatch, greedy);
        assertTrue(hatch > 1.5 * greedy, "HATCH " + hatch + " vs greedy " + greedy);
        // neither can beat spending all of it on responsive users at the best rate
        assertTrue(hatch <= 0.2 * steps * 0.6 * 1.1);
    }

    private static double runBudgeted(PolicyFactory factory, Map<String, ?> params, int steps) {
        int items = 5;
        double[][] rates = {{0.6, 0.3, 0.2, 0.1, 0.1}, {0.1, 0.05, 0.05, 0.02, 0.02}};
        EnvironmentInfo info = Worlds.contextual(items, 2, new float[0], 0, Worlds.ones(items), 1);
        Worlds.TestBudget budget = new Worlds.TestBudget(0.2 * steps, steps);
        Policy policy = Worlds.create(factory, info, 5, params, budget);
        SeededRandom random = new SeededRandom(77);
        double clicks = 0;
        for (int t = 0; t < steps; t++) {
            int kind = random.nextDouble() < 0.3 ? 0 : 1;
            float[] context = kind == 0 ? new float[] {1, 0} : new float[] {0, 1};
            Observation o = new Observation(t, context, Worlds.all(items), 0);
            Action a = policy.act(o);
            float[] feedback = new float[a.slate().length];
            if (!a.isSkip()) {
                double cost = info.cost(a.slate());
                assertTrue(budget.spent + cost <= budget.total + 1e-9, factory.descriptor().id() + " overspent");
                budget.spent += cost;
                feedback[0] = random.nextDouble() < rates[kind][a.slate()[0]] ? 1 : 0;
                clicks += feedback[0];
            }
            policy.observe(o, a, Worlds.step(feedback));
            budget.steps++;
        }
        return clicks;
    }

    /** Two user kinds that prefer different items: the disjoint and hybrid models learn who likes what. */
    @Test
    void linUcbLearnsWhoLikesWhat() {
        float[] itemFeatures = {1, 0, 0, 1, 0.5f, 0.5f};
        EnvironmentInfo info = Worlds.contextual(3, 2, itemFeatures, 2, Worlds.ones(3), 1);
        for (PolicyFactory f : new PolicyFactory[] {new LinUcb(), new LinUcbHybrid(), new LinearThompson()}) {
            Policy p = Worlds.create(f, info, 2, Map.of());
            SeededRandom random = new SeededRandom(4);
            int right = 0;
            int steps = 6000;
            for (int t = 0; t < steps; t++) {
                int kind = random.nextInt(2);
                float[] context = kind == 0 ? new float[] {1, 0} : new float[] {0, 1};
                Observation o = new Observation(t, context, Worlds.all(3), 0);
                Action a = p.act(o);
                int item = a.slate()[0];
                double rate = item == kind ? 0.5 : item == 2 ? 0.25 : 0.05;
                if (t >= steps - 1000 && item == kind) {
                    right++;
                }
                p.observe(o, a, Worlds.step(new float[] {random.nextDouble() < rate ? 1 : 0}));
            }
            assertTrue(right > 850, f.descriptor().id() + " right in " + right + " of the last 1000 steps");
        }
    }

    /** Scoring all arms with the vectorised kernels gives the per-arm values. */
    @Test
    void scoringAllArmsAtOnceMatchesScoringOneByOne() {
        int d = 5;
        RidgeArms arms = new RidgeArms(7, d, 1.3);
        SeededRandom random = new SeededRandom(5);
        for (int t = 0; t < 200; t++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = random.nextGaussian();
            }
            arms.update(random.nextInt(7), x, random.nextDouble());
        }
        double[] x = {0.2, -0.7, 1.1, 0.4, -0.3};
        double[] outer = new double[arms.packed];
        RidgeArms.packOuter(x, d, outer);
        float[] means = new float[arms.paddedArms()];
        float[] variances = new float[arms.paddedArms()];
        arms.meanAll(x, means, new float[d]);
        arms.varianceAll(outer, variances, new float[arms.packed]);
        for (int a = 0; a < 7; a++) {
            assertEquals(arms.mean(a, x), means[a], 1e-6 * (1 + Math.abs(arms.mean(a, x))));
            // the all-arms kernel reads the float mirror: agreement to float precision
            assertEquals(arms.variance(a, outer), variances[a], 1e-6 * Math.abs(arms.variance(a, outer)));
        }
    }

    @Test
    void inSlateSamplingWithoutSpreadIsTopKGreedy() {
        float[] itemFeatures = new float[20 * 3];
        SeededRandom random = new SeededRandom(8);
        for (int i = 0; i < itemFeatures.length; i++) {
            itemFeatures[i] = (float) random.nextGaussian();
        }
        EnvironmentInfo info = Worlds.contextual(20, 3, itemFeatures, 3, Worlds.ones(20), 4);
        Policy inSlate = Worlds.create(new InSlateThompson(), info, 1, Map.of("v", 0.0));
        Policy greedy = Worlds.create(new TopKGreedy(), info, 1, Map.of());
        Policy spread = Worlds.create(new InSlateThompson(), info, 1, Map.of("v", 1.0));
        int differs = 0;
        for (int t = 0; t < 300; t++) {
            float[] context = {(float) random.nextGaussian(), (float) random.nextGaussian(), 1};
            Observation o = new Observation(0, context, Worlds.all(20), 0);
            int[] a = greedy.act(o).slate();
            int[] b = inSlate.act(o).slate();
            if (t > 0) { // before any feedback every score is 0 and ties are broken at random
                assertArrayEquals(a, b, "step " + t);
            }
            int[] s = spread.act(o).slate();
            assertEquals(4, java.util.Arrays.stream(s).distinct().count());
            differs += java.util.Arrays.equals(a, s) ? 0 : 1;
            float[] feedback = {random.nextDouble() < 0.3 ? 1 : 0, 0, random.nextDouble() < 0.2 ? 1 : 0, 0};
            for (Policy p : new Policy[] {greedy, inSlate, spread}) {
                p.observe(o, Action.recommend(a), Worlds.step(feedback));
            }
        }
        assertTrue(differs > 100, "in-slate sampling explored in only " + differs + " of 300 slates");
    }
}
