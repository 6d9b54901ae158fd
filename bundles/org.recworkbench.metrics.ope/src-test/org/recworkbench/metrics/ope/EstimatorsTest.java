package org.recworkbench.metrics.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.interactive.SeededRandom;

/** Every estimator on logs small enough to compute by hand, then unbiasedness on a large known world. */
class EstimatorsTest {

    /**
     * Four rounds, two actions. Logged actions 0, 1, 0, 1 with rewards 1, 0, 0, 1 and behaviour probabilities
     * 0.5, 0.5, 0.25, 0.5; the target plays action 0 with probability 0.8. Weights: 1.6, 0.4, 3.2, 0.4. The reward
     * model predicts 0.6 for action 0 and 0.3 for action 1 (on the target: 0.8·0.6 + 0.2·0.3 = 0.54).
     */
    @Test
    void banditEstimatorsByHand() {
        BanditLog log = new BanditLog(2, 1, new int[] {0, 1, 0, 1}, new int[4], new double[] {1, 0, 0, 1},
                new double[] {0.5, 0.5, 0.25, 0.5}, new double[] {0.8, 0.2, 0.8, 0.2, 0.8, 0.2, 0.8, 0.2}, null);
        RewardModel model = new RewardModel("fixed", new double[] {0.6, 0.3, 0.6, 0.3},
                new double[] {0.54, 0.54, 0.54, 0.54});
        List<Estimate> e = BanditEstimator.evaluate(BanditEstimator.standard(2), log, model, 0, 0.95, 1);
        assertEquals("DM", e.get(0).estimator());
        assertEquals(0.54, e.get(0).value(), 1e-12);
        // IPS: (1.6 + 0 + 0 + 0.4) / 4
        assertEquals(0.5, e.get(1).value(), 1e-12);
        // SNIPS: 2.0 / (1.6 + 0.4 + 3.2 + 0.4)
        assertEquals(2.0 / 5.6, e.get(2).value(), 1e-12);
        // DR: 0.54 + (1.6·0.4 + 0.4·(-0.3) + 3.2·(-0.6) + 0.4·0.7) / 4 = 0.54 - 0.28
        assertEquals(0.26, e.get(3).value(), 1e-12);
        // Switch-DR, τ = 2: the round with weight 3.2 keeps only the model: 0.54 + (0.64 - 0.12 + 0.28) / 4
        assertEquals("Switch-DR(τ=2)", e.get(4).estimator());
        assertEquals(0.74, e.get(4).value(), 1e-12);
    }

    /**
     * One slate of two: behaviour conditionals 0.5 then 1, marginals 0.5 and 0.5; target conditionals 0.9 then 1,
     * marginals 0.9 and 0.1.
     */
    @Test
    void slateEstimatorsByHand() {
        double[] bc = {0.5, 1};
        double[] bm = {0.5, 0.5};
        double[] tc = {0.9, 1};
        double[] tm = {0.9, 0.1};
        SlateLog both = new SlateLog(2, new int[] {0, 1}, new double[] {1, 1}, bc, bm, tc, tm);
        // standard: (0.9/0.5 · 1/1) · (1 + 1); independent: 1.8·1 + 0.2·1; interaction: 1.8·1 + 1.8·1
        assertEquals(3.6, SlateEstimator.STANDARD_IPS.term(both, 0), 1e-12);
        assertEquals(2.0, SlateEstimator.INDEPENDENT_IPS.term(both, 0), 1e-12);
        assertEquals(3.6, SlateEstimator.REWARD_INTERACTION_IPS.term(both, 0), 1e-12);
        SlateLog second = new SlateLog(2, new int[] {0, 1}, new double[] {0, 1}, bc, bm, tc, tm);
        assertEquals(1.8, SlateEstimator.STANDARD_IPS.term(second, 0), 1e-12);
        assertEquals(0.2, SlateEstimator.INDEPENDENT_IPS.term(second, 0), 1e-12);
        assertEquals(1.8, SlateEstimator.REWARD_INTERACTION_IPS.term(second, 0), 1e-12);
    }

    @Test
    void bootstrapIntervalOfAMeanHasTheNormalWidth() {
        SeededRandom r = new SeededRandom(4);
        int n = 2000;
        double[] x = new double[n];
        double[] one = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() < 0.3 ? 1 : 0;
            one[i] = 1;
        }
        Estimate e = Estimate.of("mean", x, one, 2000, 0.95, 9);
        assertTrue(e.lower() < e.value() && e.value() < e.upper());
        // normal approximation: 2 · 1.96 · sqrt(0.3 · 0.7 / 2000) = 0.0401
        assertEquals(0.0401, e.upper() - e.lower(), 0.006);
        assertEquals(7.0, new Estimate("x", 1.7, 0, 0).relativeError(1) * 10, 1e-9);
    }

    /**
     * A world with 5 contexts and 4 actions whose reward probabilities are known; logging is context-dependent and
     * far from the target. IPS, SNIPS and DR land near the truth; DR with a cross-fitted per-context table also.
     */
    @Test
    void unbiasedEstimatorsRecoverTheTruth() {
        int contexts = 5;
        int actions = 4;
        SeededRandom r = new SeededRandom(12);
        double[][] q = new double[contexts][actions];
        double[][] behaviourDist = new double[contexts][];
        double[][] targetDist = new double[contexts][];
        for (int c = 0; c < contexts; c++) {
            for (int a = 0; a < actions; a++) {
                q[c][a] = 0.1 + 0.8 * r.nextDouble();
            }
            behaviourDist[c] = normalise(new double[] {4, 3, 2, 1});
            targetDist[c] = normalise(new double[] {1, 1 + c, 2, 5});
        }
        double truth = 0;
        for (int c = 0; c < contexts; c++) {
            for (int a = 0; a < actions; a++) {
                truth += targetDist[c][a] * q[c][a] / contexts;
            }
        }
        int n = 200_000;
        int[] action = new int[n];
        int[] ctx = new int[n];
        double[] reward = new double[n];
        double[] behaviour = new double[n];
        double[] target = new double[n * actions];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(contexts);
            double u = r.nextDouble();
            int a = 0;
            while (a < actions - 1 && (u -= behaviourDist[c][a]) >= 0) {
                a++;
            }
            ctx[i] = c;
            action[i] = a;
            behaviour[i] = behaviourDist[c][a];
            reward[i] = r.nextDouble() < q[c][a] ? 1 : 0;
            System.arraycopy(targetDist[c], 0, target, i * actions, actions);
        }
        BanditLog log = new BanditLog(actions, 1, action, new int[n], reward, behaviour, target, ctx);
        RewardModel model = RewardModel.crossFittedTable(log, 3, 1, 5);
        for (Estimate e : BanditEstimator.evaluate(BanditEstimator.standard(1e9), log, model, 200, 0.95, 3)) {
            assertEquals(truth, e.value(), 0.01, e.estimator());
            assertTrue(e.lower() <= truth + 0.005 && truth - 0.005 <= e.upper(), e.toString());
        }
    }

    private static double[] normalise(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= s;
        }
        return w;
    }

    @Test
    void logsWithoutPropensitiesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BanditLog(2, 1,
                new int[] {0}, new int[1], new double[] {1}, new double[] {0}, new double[] {1, 0}, null));
        assertTrue(e.getMessage().contains("round 0"), e.getMessage());
    }
}
