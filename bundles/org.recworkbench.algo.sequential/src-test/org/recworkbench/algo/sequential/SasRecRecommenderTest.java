package org.recworkbench.algo.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recworkbench.algo.sequential.PlantedChains.NAIVE;
import static org.recworkbench.algo.sequential.PlantedChains.context;
import static org.recworkbench.algo.sequential.PlantedChains.hitRateAt1;
import static org.recworkbench.algo.sequential.PlantedChains.scores;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.support.Sequences;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.algo.sequential.PlantedChains.World;
import org.recworkbench.dl4j.DeepLearning;

class SasRecRecommenderTest {
    private static final SasRecRecommender SASREC = new SasRecRecommender(DeepLearning.standalone());

    private static Parameters params(Map<String, ?> overrides) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("dimensions", 16, "blocks", 1, "heads", 2,
                "max-length", 8, "dropout", 0.0, "epochs", 60, "batch-size", 30, "learning-rate", 0.01));
        p.putAll(overrides);
        return Parameters.validate("params", SASREC.descriptor().parameters(), p);
    }

    @Test
    void learnsAPlantedNextItemRuleWithEitherLoss() {
        World w = World.make(7);
        for (String loss : List.of("bce", "softmax")) {
            Model m = SASREC.fit(context(w.train(), 1), w.train(), params(Map.of("loss", loss)));
            // a popularity or co-occurrence guess cannot do this: every item is equally common, and only the
            // order of the last item and the rule say which one comes next
            assertTrue(hitRateAt1(m, w) >= 0.95, loss + ": HR@1 " + hitRateAt1(m, w));
        }
    }

    @Test
    void sameSeedSameScoresAndTheSavedModelScoresTheSame() throws Exception {
        World w = World.make(3);
        Parameters p = params(Map.of("epochs", 5, "dropout", 0.2));
        Model a = SASREC.fit(context(w.train(), 11), w.train(), p);
        Model b = SASREC.fit(context(w.train(), 11), w.train(), p);
        float[] sa = scores(a);
        assertArrayEquals(sa, scores(b));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((PersistentModel) a).write(new DataOutputStream(bytes));
        Model reread = SASREC.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), NAIVE);
        assertArrayEquals(sa, scores(reread));
    }

    @Test
    void aHistoryLongerThanMaxLengthIsReadFromItsMostRecentItems() {
        // two users whose histories differ only before their last 3 items get the same representation
        int[] us = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2};
        int[] is = {5, 6, 1, 2, 3, 9, 8, 1, 2, 3, 4, 7};
        long[] ts = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2};
        float[] ones = new float[us.length];
        java.util.Arrays.fill(ones, 1f);
        Interactions train = new Interactions(3, 10, us, is, ones, ts);
        Model m = SASREC.fit(context(train, 5), train, params(Map.of("max-length", 3, "epochs", 3)));
        float[] s = new float[2 * 10];
        m.scoreAll(new int[] {0, 1}, s);
        assertArrayEquals(java.util.Arrays.copyOfRange(s, 0, 10), java.util.Arrays.copyOfRange(s, 10, 20));
    }

    @Test
    void windowsAreRightAlignedAndTruncatedToTheMostRecentItems() {
        int[] us = {0, 0, 0, 0, 1};
        int[] is = {3, 1, 4, 2, 0};
        long[] ts = {40, 10, 30, 20, 5};
        Sequences s = Sequences.of(new Interactions(3, 5, us, is, new float[5], ts)); // user 2 has no items
        assertArrayEquals(new int[] {1, 2, 4, 3}, s.of(0)); // by time: 1@10, 2@20, 4@30, 3@40
        int[] in = new int[3];
        int[] target = new int[3];
        assertEquals(3, s.pairs(0, 3, in, target, 0));
        assertArrayEquals(new int[] {2, 3, 5}, in); // items 1, 2, 4 as index + 1
        assertArrayEquals(new int[] {3, 5, 4}, target); // items 2, 4, 3
        int[] window = new int[5];
        s.window(0, 4, 5, window, 0);
        assertArrayEquals(new int[] {0, 2, 3, 5, 4}, window);
        assertEquals(0, s.pairs(1, 3, in, target, 0)); // a one-item history has no pair
        assertArrayEquals(new int[] {0, 0, 0}, target);
        int[] both = {9, 9, 9, 9, 9, 9};
        assertEquals(0, s.pairs(2, 3, both, both, 0)); // nor has an empty one, and it writes only its own window
        assertArrayEquals(new int[] {0, 0, 0, 9, 9, 9}, both);
        s.window(2, 0, 3, both, 3);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, both);
        assertThrows(IndexOutOfBoundsException.class, () -> s.window(0, 5, 3, new int[3], 0));
        // a repeated item counts once when deciding whether a user had every item
        assertEquals(2, Sequences.distinct(new int[] {1, 1, 3, 3, 3}, 0, 5));
    }

    @Test
    void clearErrorsForUnusableInput() {
        Interactions single = new Interactions(2, 3, new int[] {0, 1}, new int[] {0, 2}, new float[] {1, 1},
                new long[] {1, 2});
        var e = assertThrows(RecommenderBuildException.class, () -> SASREC.fit(context(single, 1), single,
                params(Map.of())));
        assertTrue(e.getMessage().contains("two or more training items"), e.getMessage());
        World w = World.make(1);
        var heads = assertThrows(RecommenderBuildException.class, () -> SASREC.fit(context(w.train(), 1), w.train(),
                params(Map.of("dimensions", 10, "heads", 3))));
        assertTrue(heads.getMessage().contains("must divide"), heads.getMessage());
        var tooLong = assertThrows(RecommenderBuildException.class, () -> SASREC.fit(context(w.train(), 1), w.train(),
                params(Map.of("max-length", 10_000))));
        assertTrue(tooLong.getMessage().contains("lower max-length (now 10000)"), tooLong.getMessage());
    }

    @Test
    void withoutDeepLearningItSaysWhyAndDoesNotTrain() {
        DeepLearning none = new DeepLearning() {
            @Override
            public boolean isAvailable() {
                return false;
            }

            @Override
            public String unavailableReason() {
                return "UnsatisfiedLinkError: no jnind4jcpu in java.library.path";
            }

            @Override
            public int threads() {
                return 1;
            }

            @Override
            public int opThreads() {
                return 1;
            }
        };
        SasRecRecommender unavailable = new SasRecRecommender(none);
        assertEquals(java.util.Optional.of("UnsatisfiedLinkError: no jnind4jcpu in java.library.path"),
                unavailable.unavailableReason());
        World w = World.make(2);
        var e = assertThrows(IllegalStateException.class, () -> unavailable.fit(context(w.train(), 1), w.train(),
                params(Map.of())));
        assertTrue(e.getMessage().contains("cannot run here: UnsatisfiedLinkError"), e.getMessage());
        assertEquals(java.util.Optional.empty(), SASREC.unavailableReason());
    }

}
