package org.recworkbench.algo.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyFactory;

/** The non-contextual policies: their index formulas by hand, then convergence on Bernoulli arms. */
class NonContextualTest {

    private static final double[] RATES = {0.05, 0.10, 0.15, 0.20, 0.45, 0.30, 0.25, 0.12, 0.08, 0.02};
    private static final int BEST = 4;

    @Test
    void ucb1IndexByHand() {
        EnvironmentInfo info = Worlds.arms(3, 1);
        Policy ucb = Worlds.create(new Ucb1(), info, 1, Map.of());
        Observation o = new Observation(0, new float[0], Worlds.all(3), 0);
        // arm 0: rewards 1, 0; arm 1: 1; arm 2: 0 -> t = 4 shown
        ucb.observe(o, Action.recommend(0), Worlds.step(new float[] {1}));
        ucb.observe(o, Action.recommend(0), Worlds.step(new float[] {0}));
        ucb.observe(o, Action.recommend(1), Worlds.step(new float[] {1}));
        ucb.observe(o, Action.recommend(2), Worlds.step(new float[] {0}));
        // indexes: 0.5 + √2·sqrt(ln 4 / 2) = 1.677, 1 + √2·sqrt(ln 4) = 2.665, 0 + 1.665
        assertArrayEquals(new int[] {1}, ucb.act(o).slate());
        // as a slate of 2: arm 1, then arm 0 (1.677 > 1.665)
        Policy ucb2 = Worlds.create(new Ucb1(), Worlds.arms(3, 2), 1, Map.of());
        ucb2.observe(o, Action.recommend(0, 1), Worlds.step(new float[] {1, 1}));
        ucb2.observe(o, Action.recommend(0, 2), Worlds.step(new float[] {0, 0}));
        assertArrayEquals(new int[] {1, 0}, ucb2.act(o).slate());
    }

    @Test
    void ucb1TriesEveryArmFirst() {
        Policy ucb = Worlds.create(new Ucb1(), Worlds.arms(10, 1), 3, Map.of());
        Observation o = new Observation(0, new float[0], Worlds.all(10), 0);
        boolean[] tried = new boolean[10];
        for (int t = 0; t < 10; t++) {
            Action a = ucb.act(o);
            tried[a.slate()[0]] = true;
            ucb.observe(o, a, Worlds.step(new float[] {1}));
        }
        for (boolean b : tried) {
            assertTrue(b);
        }
    }

    @Test
    void gaussianPosteriorIsTheConjugateUpdate() {
        var instance = (GaussianThompson.Instance) Worlds.create(new GaussianThompson(), Worlds.arms(2, 1), 1,
                Map.of("prior-mean", 0.5, "prior-sd", 2.0, "noise-sd", 1.0));
        Observation o = new Observation(0, new float[0], Worlds.all(2), 0);
        for (float r : new float[] {1, 1, 0}) {
            instance.observe(o, Action.recommend(0), Worlds.step(new float[] {r}));
        }
        // precision 1/4 + 3 = 3.25; mean (0.5/4 + 2) / 3.25 = 0.653846; sd sqrt(1/3.25) = 0.554700
        assertEquals(0.653846, instance.posterior(0)[0], 1e-6);
        assertEquals(0.554700, instance.posterior(0)[1], 1e-6);
        assertEquals(0.5, instance.posterior(1)[0], 1e-12);
        assertEquals(2.0, instance.posterior(1)[1], 1e-12);
    }

    @Test
    void everyPolicyFindsTheBestArm() {
        PolicyFactory[] factories = {new EpsilonGreedy(), new Ucb1(), new BernoulliThompson(),
            new GaussianThompson()};
        for (PolicyFactory f : factories) {
            Policy p = Worlds.create(f, Worlds.arms(RATES.length, 1), 11, Map.of());
            int[] chosen = Worlds.runBernoulli(p, RATES, 30_000, 5_000, 12);
            // ε-greedy explores 10 % at random: its ceiling is 0.9 + 0.01
            double share = chosen[BEST] / 5000.0;
            assertTrue(share > 0.75, f.descriptor().id() + " chose the best arm in " + share + " of the last steps");
        }
        int[] random = Worlds.runBernoulli(Worlds.create(new RandomPolicy(), Worlds.arms(RATES.length, 1), 11,
                Map.of()), RATES, 30_000, 5_000, 12);
        assertTrue(random[BEST] / 5000.0 < 0.15);
    }

    @Test
    void slatesHoldDistinctItemsFromTheCandidates() {
        int[] candidates = {3, 7, 9, 12, 15, 18};
        Observation o = new Observation(0, new float[0], candidates, 0);
        PolicyFactory[] factories = {new EpsilonGreedy(), new Ucb1(), new BernoulliThompson(),
            new GaussianThompson(), new RandomPolicy()};
        for (PolicyFactory f : factories) {
            Policy p = Worlds.create(f, Worlds.arms(20, 4), 5, Map.of());
            for (int t = 0; t < 200; t++) {
                int[] slate = p.act(o).slate();
                assertEquals(4, slate.length);
                assertEquals(4, java.util.Arrays.stream(slate).distinct().count(), f.descriptor().id());
                for (int item : slate) {
                    assertTrue(java.util.Arrays.stream(candidates).anyMatch(c -> c == item), f.descriptor().id());
                }
                p.observe(o, Action.recommend(slate), Worlds.step(new float[] {1, 0, 0, 1}));
            }
        }
    }

    @Test
    void aRestoredPolicyContinuesWithTheSameDecisions() throws Exception {
        PolicyFactory[] factories = {new EpsilonGreedy(), new Ucb1(), new BernoulliThompson(),
            new GaussianThompson(), new RandomPolicy()};
        for (PolicyFactory f : factories) {
            Policy original = Worlds.create(f, Worlds.arms(RATES.length, 1), 7, Map.of());
            Worlds.runBernoulli(original, RATES, 500, 0, 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.writeState(new DataOutputStream(bytes));
            Policy restored = Worlds.create(f, Worlds.arms(RATES.length, 1), 999, Map.of());
            restored.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            Observation o = new Observation(0, new float[0], Worlds.all(RATES.length), 0);
            for (int t = 0; t < 200; t++) {
                int[] a = original.act(o).slate();
                assertArrayEquals(a, restored.act(o).slate(), f.descriptor().id() + " step " + t);
                float r = t % 3 == 0 ? 1 : 0;
                original.observe(o, Action.recommend(a), Worlds.step(new float[] {r}));
                restored.observe(o, Action.recommend(a), Worlds.step(new float[] {r}));
            }
        }
    }
}
