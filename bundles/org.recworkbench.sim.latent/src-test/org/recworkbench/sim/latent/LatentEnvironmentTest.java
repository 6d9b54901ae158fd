package org.recworkbench.sim.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.SimulationContext;
import org.recworkbench.api.interactive.Step;

/** The simulator's probabilities by their formulas, its oracle by brute force, its dynamics by direction. */
class LatentEnvironmentTest {

    private static LatentEnvironment create(long seed, Object... keyValues) {
        Map<String, Object> params = new HashMap<>(Map.of("users", 50, "items", 8, "dimension", 4));
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        LatentFactorSimulator simulator = new LatentFactorSimulator();
        return (LatentEnvironment) simulator.create(new SimulationContext(seed, Optional.empty(), null),
                Parameters.validate("params", simulator.descriptor().parameters(), params));
    }

    /** A world whose state never changes: no boredom, novelty or leaving. */
    private static LatentEnvironment still(String clickModel) {
        return create(3, "boredom", 0.0, "novelty-seeking", 0.0, "leave", 0.0, "leave-no-click", 0.0,
                "max-session", 1_000_000, "slate-size", 3, "click-model", clickModel, "offset", -1.0);
    }

    @Test
    void attractionIsTheLogisticOfTheStandardisedAffinity() {
        LatentEnvironment env = still("position-based");
        Observation o = env.start();
        LatentWorld world = LatentWorld.synthetic(50, 8, 4, 1, false);
        for (int item = 0; item < 8; item++) {
            double z = 1.5 * world.affinity(o.user(), item) - 1.0;
            assertEquals(1 / (1 + Math.exp(-z)), env.attraction(item), 1e-12);
        }
    }

    @Test
    void expectedClicksMatchTheClickModelsAndTheDraws() {
        for (String model : new String[] {"position-based", "cascade"}) {
            LatentEnvironment env = still(model);
            env.start();
            Action slate = Action.recommend(5, 1, 6);
            double a0 = env.attraction(5);
            double a1 = env.attraction(1);
            double a2 = env.attraction(6);
            double expected = model.equals("cascade") ? 1 - (1 - a0) * (1 - a1) * (1 - a2)
                    : a0 + a1 / 2 + a2 / 3; // examination (k+1)^-1
            assertEquals(expected, env.expectedReward(slate), 1e-12, model);
            double clicks = 0;
            int n = 200_000;
            for (int t = 0; t < n; t++) {
                clicks += env.step(slate).reward();
            }
            double se = Math.sqrt(expected / n);
            assertEquals(expected, clicks / n, 5 * se, model + ": simulated click rate");
        }
    }

    @Test
    void theOracleIsTheBestSlate() {
        for (String model : new String[] {"position-based", "cascade"}) {
            LatentEnvironment env = create(4, "slate-size", 2, "click-model", model);
            env.start();
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    if (i != j) {
                        best = Math.max(best, env.expectedReward(Action.recommend(i, j)));
                    }
                }
            }
            assertEquals(best, env.expectedReward(env.bestAction()), 1e-12, model);
        }
    }

    @Test
    void goodSlatesKeepUsersLongerAndRepetitionBores() {
        double[] meanSession = new double[2];
        for (int policy = 0; policy < 2; policy++) {
            LatentEnvironment env = create(5, "novelty-seeking", 0.0, "slate-size", 2, "leave-no-click", 0.3);
            env.start();
            long sessions = 0;
            int steps = 50_000;
            for (int t = 0; t < steps; t++) {
                Action best = env.bestAction();
                Action a = policy == 0 ? best : worst(env);
                if (env.step(a).sessionEnded()) {
                    sessions++;
                }
            }
            meanSession[policy] = (double) steps / sessions;
        }
        assertTrue(meanSession[0] > meanSession[1] * 1.1, "sessions: best " + meanSession[0] + ", worst "
                + meanSession[1]);

        LatentEnvironment env = create(6, "novelty-seeking", 0.0, "leave", 0.0, "leave-no-click", 0.0,
                "max-session", 1000, "boredom", 2.0);
        env.start();
        Action same = Action.recommend(0, 1, 2, 3, 4);
        double before = env.expectedReward(same);
        for (int t = 0; t < 5; t++) {
            env.step(same);
        }
        assertTrue(env.expectedReward(same) < before * 0.8, "no boredom: " + before + " -> "
                + env.expectedReward(same));
    }

    private static Action worst(LatentEnvironment env) {
        int[] order = java.util.stream.IntStream.range(0, 8).boxed()
                .sorted((a, b) -> Double.compare(env.attraction(a), env.attraction(b)))
                .mapToInt(Integer::intValue).toArray();
        return Action.recommend(order[0], order[1]);
    }

    @Test
    void noveltySeekersPreferUnseenNicheItemsUntilTheyConsumeThem() {
        LatentEnvironment seeker = create(7, "novelty-seeking", 1.0, "leave", 0.0, "leave-no-click", 0.0,
                "boredom", 0.0, "max-session", 1000);
        LatentEnvironment plain = create(7, "novelty-seeking", 0.0, "leave", 0.0, "leave-no-click", 0.0,
                "boredom", 0.0, "max-session", 1000);
        seeker.start();
        plain.start();
        LatentWorld world = LatentWorld.synthetic(50, 8, 4, 1, false);
        int niche = 0;
        for (int i = 1; i < 8; i++) {
            if (world.popularity[i] < world.popularity[niche]) {
                niche = i;
            }
        }
        double logitGain = logit(seeker.attraction(niche)) - logit(plain.attraction(niche));
        assertEquals(1.5 * (1 - world.popularity[niche]), logitGain, 1e-9);
        // click it until consumed; the boost is gone afterwards
        for (int t = 0; t < 10_000 && logit(seeker.attraction(niche)) - logit(plain.attraction(niche)) > 1e-9; t++) {
            seeker.step(Action.recommend(niche));
        }
        assertEquals(0, logit(seeker.attraction(niche)) - logit(plain.attraction(niche)), 1e-9);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void aRunIsReproducibleAndResumesFromACheckpoint() throws Exception {
        LatentEnvironment a = create(8, "candidates", 5, "slate-size", 2);
        LatentEnvironment b = create(8, "candidates", 5, "slate-size", 2);
        Observation oa = a.start();
        Observation ob = b.start();
        for (int t = 0; t < 500; t++) {
            assertEquals(oa.user(), ob.user());
            assertArrayEquals(oa.candidates(), ob.candidates());
            Action act = Action.recommend(oa.candidates()[0], oa.candidates()[1]);
            Step sa = a.step(act);
            Step sb = b.step(act);
            assertArrayEquals(sa.rewards(), sb.rewards());
            oa = sa.next();
            ob = sb.next();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        LatentEnvironment restored = create(999, "candidates", 5, "slate-size", 2);
        restored.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        Observation or = oa;
        for (int t = 0; t < 500; t++) {
            Action act = Action.recommend(oa.candidates()[1], oa.candidates()[0]);
            Step sa = a.step(act);
            Step sr = restored.step(act);
            assertArrayEquals(sa.rewards(), sr.rewards(), "step " + t);
            assertEquals(sa.next().user(), sr.next().user());
            oa = sa.next();
            or = sr.next();
            assertArrayEquals(oa.candidates(), or.candidates());
        }
    }

    @Test
    void aFittedWorldRanksObservedPairsAboveUnobservedOnes() {
        // two blocks: users 0-19 use items 0-9, users 20-39 use items 10-19; items 0 and 10 by everyone in block
        int users = 40;
        int items = 20;
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        org.recworkbench.api.interactive.SeededRandom r = new org.recworkbench.api.interactive.SeededRandom(1);
        for (int u = 0; u < users; u++) {
            int base = u < 20 ? 0 : 10;
            for (int i = 0; i < 10; i++) {
                if (i == 0 || r.nextDouble() < 0.4) {
                    pairs.add(new int[] {u, base + i});
                }
            }
        }
        int n = pairs.size();
        int[] us = new int[n];
        int[] is = new int[n];
        for (int k = 0; k < n; k++) {
            us[k] = pairs.get(k)[0];
            is[k] = pairs.get(k)[1];
        }
        float[] values = new float[n];
        java.util.Arrays.fill(values, 1f);
        Interactions data = new Interactions(users, items, us, is, values, new long[n]);
        LatentWorld world = LatentWorld.fit(data, 4, 10, 10, 0.1, 1, false, ProgressMonitor.NONE);
        double inBlock = 0;
        double outBlock = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                boolean same = (u < 20) == (i < 10);
                if (same) {
                    inBlock += world.affinity(u, i) / 200;
                } else {
                    outBlock += world.affinity(u, i) / 200;
                }
            }
        }
        assertTrue(inBlock > outBlock + 1, "in-block affinity " + inBlock + " vs " + outBlock);
        assertTrue(world.itemBias[0] > world.itemBias[5], "the item everyone used is the most broadly liked");
    }
}
