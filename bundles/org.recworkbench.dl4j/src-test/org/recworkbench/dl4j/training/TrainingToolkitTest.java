package org.recworkbench.dl4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.OperationCanceledException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.algo.Validation;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.dl4j.DeepLearning;

/** The training toolkit's pieces, each against what it must do by definition. */
class TrainingToolkitTest {

    @BeforeAll
    static void start() {
        DeepLearning dl = DeepLearning.standalone();
        assertTrue(dl.isAvailable(), dl.unavailableReason());
    }

    /** Users 0..4 over 3 items; user 2 has none. */
    private static SparseMatrix byUser() {
        int[] users = {0, 0, 1, 3, 3, 3, 4};
        int[] items = {0, 2, 1, 0, 1, 2, 2};
        float[] ones = new float[users.length];
        Arrays.fill(ones, 1f);
        return new Interactions(5, 3, users, items, ones, new long[users.length]).userItems();
    }

    @Test
    void everyUserWithItemsIsInEveryEpochOnceInASeededOrder() {
        UserBatches a = new UserBatches(byUser(), 3, 11);
        UserBatches b = new UserBatches(byUser(), 3, 11);
        assertArrayEquals(new int[] {0, 1, 3, 4}, a.users(), "user 2 has no items");
        assertEquals(2, a.batches(), "4 users in batches of 3");
        for (int epoch = 0; epoch < 3; epoch++) {
            int[][] ea = a.epoch();
            int[][] eb = b.epoch();
            assertEquals(Arrays.deepToString(ea), Arrays.deepToString(eb), "the same seed, the same batches");
            int[] all = Arrays.stream(ea).flatMapToInt(Arrays::stream).sorted().toArray();
            assertArrayEquals(new int[] {0, 1, 3, 4}, all);
            assertEquals(3, ea[0].length);
            assertEquals(1, ea[1].length);
        }
    }

    @Test
    void multiHotRowsAreTheUsersItems() {
        float[] dense = UserBatches.multiHot(byUser(), new int[] {3, 2, 0}).data().asFloat();
        assertArrayEquals(new float[] {1, 1, 1, 0, 0, 0, 1, 0, 1}, dense);
    }

    @Test
    void aLossThatStopsBeingFiniteEndsTheFitSayingWhereAndWhatToTry() {
        Epochs epochs = new Epochs("toy", ProgressMonitor.NONE, 5);
        RecommenderBuildException e = assertThrows(RecommenderBuildException.class, () -> epochs.run(4,
                (epoch, batch) -> epoch == 2 && batch == 1 ? Double.NaN : 1.5, "lower learning-rate (now 1.0)"));
        assertTrue(e.getMessage().startsWith("toy: the training loss became NaN at epoch 3, batch 2 of 4 (the "
                + "previous epoch ended at 1.50000)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("lower learning-rate (now 1.0)"), e.getMessage());
    }

    @Test
    void progressIsByEpochAndCancellationStopsBetweenBatches() {
        AtomicInteger worked = new AtomicInteger();
        AtomicInteger steps = new AtomicInteger();
        java.util.List<String> reports = new java.util.ArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void report(String name, long step, double value) {
                reports.add(name + " " + step + " " + value);
            }

            @Override
            public void begin(String task, long totalWork) {
                assertEquals("fit toy", task);
                assertEquals(3, totalWork);
            }

            @Override
            public void worked(long work) {
                worked.addAndGet((int) work);
            }

            @Override
            public void done() {
            }

            @Override
            public boolean isCanceled() {
                return steps.get() >= 5;
            }
        };
        Epochs epochs = new Epochs("toy", monitor, 3);
        assertThrows(OperationCanceledException.class, () -> epochs.run(2, (e, b) -> steps.incrementAndGet(), ""));
        assertEquals(5, steps.get(), "stopped before the sixth step");
        assertEquals(2, worked.get(), "two whole epochs were done");
        assertEquals(3.5, epochs.lastLoss(), 1e-12, "the second epoch's mean of losses 3 and 4");
        // each finished epoch reports its mean batch loss: (1 + 2) / 2, then (3 + 4) / 2
        assertEquals(java.util.List.of("loss 1 1.5", "loss 2 3.5"), reports);
    }

    /** A validation that returns scripted scores, one per call, and remembers which models it saw. */
    private static final class Scripted implements Validation {
        final double[] scores;
        final java.util.List<Model> seen = new java.util.ArrayList<>();

        Scripted(double... scores) {
            this.scores = scores;
        }

        @Override
        public String metric() {
            return "NDCG@10";
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public double score(Model model) {
            seen.add(model);
            return scores[seen.size() - 1];
        }
    }

    @Test
    void earlyStoppingKeepsTheBestModelAndStopsAfterPatienceValidationsWithoutImprovement() {
        // scores by epoch 0.1, 0.3, 0.2, 0.25: best at epoch 2, then two without improvement: patience 2 stops at 4
        Scripted validation = new Scripted(0.1, 0.3, 0.2, 0.25, 0.9, 0.9);
        java.util.List<String> reports = new java.util.ArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void report(String name, long step, double value) {
                reports.add(name + " " + step + " " + value);
            }
        };
        AtomicInteger epochsRun = new AtomicInteger();
        AtomicInteger snapshots = new AtomicInteger();
        Epochs epochs = new Epochs("toy", monitor, 6).stoppingEarly(new EarlyStopping(validation, 2, 1),
                () -> Model.nonPersonalized(1, new float[] {snapshots.incrementAndGet()}));
        epochs.run(1, (e, b) -> {
            epochsRun.set(e + 1);
            return 1.0;
        }, "");
        assertEquals(4, epochsRun.get());
        assertEquals(2, epochs.bestEpoch());
        Model best = epochs.result(() -> {
            throw new AssertionError("the best validated model is the result");
        });
        assertTrue(best == validation.seen.get(1));
        assertTrue(reports.contains("validation NDCG@10 2 0.3"), reports.toString());
        assertTrue(reports.contains("best epoch 2 2.0"), reports.toString());
        // every 2 epochs: epochs 2, 4, 6 are scored (0.1, 0.3, 0.2); no stop with patience 2; the last is scored too
        Scripted every2 = new Scripted(0.1, 0.3, 0.2);
        Epochs sparse = new Epochs("toy", monitor, 5).stoppingEarly(new EarlyStopping(every2, 2, 2),
                () -> Model.nonPersonalized(1, new float[] {0}));
        sparse.run(1, (e, b) -> 1.0, "");
        assertEquals(3, every2.seen.size()); // after epochs 2, 4 and the last (5)
        assertEquals(4, sparse.bestEpoch());
        // without early stopping the result is the last model
        Model last = Model.nonPersonalized(1, new float[] {7});
        assertTrue(new Epochs("toy", monitor, 1).result(() -> last) == last);
    }

    @Test
    void patienceWithoutAValidationPartIsAClearError() {
        var params = org.recworkbench.api.Parameters.validate("p", EarlyStopping.parameters(),
                java.util.Map.of("patience", 3));
        TrainingContext none = new TrainingContext(null, 1, ProgressMonitor.NONE, new NoBackend(), 1);
        var e = assertThrows(RecommenderBuildException.class, () -> EarlyStopping.from("toy", params, none));
        assertTrue(e.getMessage().contains("add split.validation"), e.getMessage());
        var off = org.recworkbench.api.Parameters.validate("p", EarlyStopping.parameters(), java.util.Map.of());
        assertTrue(EarlyStopping.from("toy", off, none) == null);
    }

    /** A backend that is never asked to compute. */
    private static final class NoBackend implements org.recworkbench.api.compute.ComputeBackend {
        @Override
        public String id() {
            return "none";
        }

        @Override
        public String description() {
            return "unused";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
            throw new UnsupportedOperationException();
        }
    }
}
