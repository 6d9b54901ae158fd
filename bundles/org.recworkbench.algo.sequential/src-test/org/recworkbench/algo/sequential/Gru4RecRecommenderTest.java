package org.recworkbench.algo.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recworkbench.algo.sequential.FiniteDifferences.assertClose;
import static org.recworkbench.algo.sequential.FiniteDifferences.central;
import static org.recworkbench.algo.sequential.PlantedChains.NAIVE;
import static org.recworkbench.algo.sequential.PlantedChains.context;
import static org.recworkbench.algo.sequential.PlantedChains.hitRateAt1;
import static org.recworkbench.algo.sequential.PlantedChains.scores;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.algo.sequential.PlantedChains.World;
import org.recworkbench.algo.support.Sequences;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.algo.Validation;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.dl4j.DeepLearning;
import org.recworkbench.dl4j.training.Optimizer;

class Gru4RecRecommenderTest {
    private static final Gru4RecRecommender GRU4REC = new Gru4RecRecommender(DeepLearning.standalone());

    private static Parameters params(Map<String, ?> overrides) {
        Map<String, Object> p = new HashMap<>(Map.of("dimensions", 16, "samples", 8, "epochs", 40,
                "batch-size", 16, "learning-rate", 0.02));
        p.putAll(overrides);
        return Parameters.validate("params", GRU4REC.descriptor().parameters(), p);
    }

    @Test
    void learnsAPlantedNextItemRuleWithEitherLoss() {
        World w = World.make(7);
        for (String loss : List.of("bpr-max", "cross-entropy")) {
            Model m = GRU4REC.fit(context(w.train(), 1), w.train(), params(Map.of("loss", loss)));
            // every item is equally common: only the last item and the rule say which one comes next
            assertTrue(hitRateAt1(m, w) >= 0.95, loss + ": HR@1 " + hitRateAt1(m, w));
        }
    }

    @Test
    void sessionParallelBatchesFollowTheSessionsAndEndWhenASlotCannotBeRefilled() {
        // user 0: 0 1 2 (two pairs), user 1: 3 4 (one), user 2: 5 6 7 8 (three), user 3: 9 (none, not a session)
        int[] us = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3};
        int[] is = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        long[] ts = {1, 2, 3, 1, 2, 1, 2, 3, 4, 1};
        Sequences s = Sequences.of(new Interactions(4, 10, us, is, new float[10], ts));
        SessionParallel p = new SessionParallel(s, new int[] {1, 0, 2}, 2);
        // step 1: slot 0 = user 1 (3→4), slot 1 = user 0 (0→1), both new
        assertTrue(p.next());
        assertArrayEquals(new int[] {3, 0}, p.input);
        assertArrayEquals(new int[] {4, 1}, p.target);
        assertArrayEquals(new boolean[] {true, true}, p.reset);
        // step 2: user 1 is done, user 2 takes slot 0 (5→6); user 0 goes on (1→2)
        assertTrue(p.next());
        assertArrayEquals(new int[] {5, 1}, p.input);
        assertArrayEquals(new int[] {6, 2}, p.target);
        assertArrayEquals(new boolean[] {true, false}, p.reset);
        // step 3: user 0 is done and no session is left: the epoch ends (user 2's 6→7→8 is skipped this epoch)
        assertFalse(p.next());
        assertFalse(p.next());
        assertEquals(2, SessionParallel.steps(s, new int[] {1, 0, 2}, 2));
        // one slot reads every session to its end: 3 + 2 + 1 pairs
        assertEquals(6, SessionParallel.steps(s, new int[] {2, 0, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> new SessionParallel(s, new int[] {0}, 2));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        int items = 9;
        int rows = 3;
        int dim = 4;
        for (boolean bprMax : new boolean[] {true, false}) {
            Nd4j.getRandom().setSeed(5);
            Gru4RecTrainer trainer = new Gru4RecTrainer(items, rows, 4, dim, bprMax, 0.5, 0.0,
                    new Optimizer(1e-3, 0, 0, 0, "constant", 0, 1));
            SplittableRandom r = new SplittableRandom(3);
            float[] state = trainer.states();
            for (int k = 0; k < state.length; k++) {
                state[k] = (float) (r.nextDouble() - 0.5); // a carried state, so the recurrent weights matter
            }
            trainer.biasArray().assign(Nd4j.rand(1, items).subi(0.5));
            int[] input = {0, 4, 4};
            int[] target = {2, 7, 1};
            int[] sampled = {3, 7, 8, 2}; // 7 and 2 are also targets: accidental hits, as in the reference
            Gru4RecTrainer.Gradients g = trainer.gradients(input, target, sampled);
            DoubleSupplier objective = () -> trainer.gradients(input, target, sampled).loss();
            String loss = bprMax ? "bpr-max" : "cross-entropy";
            for (int item : new int[] {0, 1, 2, 4, 7, 8}) {
                for (int k = 0; k < dim; k += 2) {
                    assertClose(central(trainer.tableArray(), item, k, objective),
                            g.table().getDouble(item, k), 0.03, 1e-2, loss + " table[" + item + "," + k + "]");
                }
                assertClose(central(trainer.biasArray(), 0, item, objective),
                        g.bias().getDouble(0, item), 0.03, 1e-2, loss + " bias[" + item + "]");
            }
            assertEquals(0.0, g.table().getDouble(5, 0)); // an item in no role gets no gradient
            INDArray ur = trainer.cell().sd.getVariable("Ur").getArr();
            for (int k = 0; k < dim; k++) {
                assertClose(central(ur, k, 1, objective), g.weights().get("Ur").getDouble(k, 1), 0.03, 1e-2,
                        loss + " Ur[" + k + ",1]");
            }
        }
    }

    @Test
    void sameSeedSameScoresAndTheSavedModelScoresTheSame() throws Exception {
        World w = World.make(3);
        Parameters p = params(Map.of("epochs", 3, "dropout", 0.2));
        Model a = GRU4REC.fit(context(w.train(), 11), w.train(), p);
        Model b = GRU4REC.fit(context(w.train(), 11), w.train(), p);
        float[] sa = scores(a);
        assertArrayEquals(sa, scores(b));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((PersistentModel) a).write(new DataOutputStream(bytes));
        Model reread = GRU4REC.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), NAIVE);
        assertArrayEquals(sa, scores(reread));
    }

    @Test
    void popularityNegativesFollowCountToTheAlphaAndNeverAnUnseenItem() {
        // item 0 seen 16 times, item 1 never, item 2 once: with alpha 0.5 the weights are 4 : 0 : 1
        int n = 17;
        int[] us = new int[n];
        int[] is = new int[n];
        is[16] = 2;
        Interactions train = new Interactions(1, 3, us, is, new float[n], new long[n]);
        Gru4RecRecommender.PopularitySampler sampler = new Gru4RecRecommender.PopularitySampler(train, 0.5, 1);
        int[] draws = new int[50_000];
        sampler.fill(draws);
        int[] counts = new int[3];
        for (int d : draws) {
            counts[d]++;
        }
        assertEquals(0, counts[1]);
        // 4/5 of the draws; the binomial standard deviation is sqrt(50000 · 0.8 · 0.2) ≈ 89, so ± 450 is 5σ
        assertEquals(40_000, counts[0], 450);
    }

    @Test
    void shortHistoriesAreCountedAndStillScored() {
        // users 0 and 1 have sequences; user 2 has a single item and user 3 none
        int[] us = {0, 0, 0, 1, 1, 2};
        int[] is = {0, 1, 2, 2, 3, 1};
        long[] ts = {1, 2, 3, 1, 2, 1};
        Interactions train = new Interactions(4, 5, us, is, new float[6], ts);
        List<String> reports = new ArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void report(String name, long step, double value) {
                reports.add(name + "=" + value);
            }
        };
        TrainingContext c = new TrainingContext(context(train, 1).dataset(), 1, monitor, NAIVE, 1);
        Model m = GRU4REC.fit(c, train, params(Map.of("epochs", 2, "samples", 2)));
        assertTrue(reports.contains("users without a next item=2.0"), reports.toString());
        float[] s = scores(m);
        for (float v : s) {
            assertTrue(Float.isFinite(v));
        }
        Interactions single = new Interactions(2, 3, new int[] {0, 1}, new int[] {0, 2}, new float[] {1, 1},
                new long[] {1, 2});
        var e = assertThrows(RecommenderBuildException.class, () -> GRU4REC.fit(context(single, 1), single,
                params(Map.of())));
        assertTrue(e.getMessage().contains("two or more training items"), e.getMessage());
    }

    @Test
    void earlyStoppingReturnsTheModelThatScoredBestOnValidation() {
        World w = World.make(7);
        List<Double> scores = new ArrayList<>();
        Validation hitRate = new Validation() {
            @Override
            public String metric() {
                return "HR@1";
            }

            @Override
            public boolean higherIsBetter() {
                return true;
            }

            @Override
            public double score(Model model) {
                double s = hitRateAt1(model, w);
                scores.add(s);
                return s;
            }
        };
        TrainingContext base = context(w.train(), 1);
        TrainingContext c = new TrainingContext(base.dataset(), 1, ProgressMonitor.NONE, NAIVE, 1, hitRate);
        Model m = GRU4REC.fit(c, w.train(), params(Map.of("epochs", 12, "patience", 2, "validate-every", 3)));
        assertTrue(scores.size() >= 2 && scores.size() <= 4, scores.toString()); // after epochs 3, 6, 9, 12 at most
        assertEquals(scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), hitRateAt1(m, w));
    }
}
