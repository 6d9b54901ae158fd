package org.recworkbench.algo.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recworkbench.algo.neural.FiniteDifferences.assertClose;
import static org.recworkbench.algo.neural.FiniteDifferences.central;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.algo.support.Sequences;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.dl4j.DeepLearning;
import org.recworkbench.dl4j.training.Optimizer;

class TwoTowerRecommenderTest {
    private static final TwoTowerRecommender TWO_TOWER = new TwoTowerRecommender(DeepLearning.standalone());

    private static Parameters params(Map<String, ?> overrides) {
        Map<String, Object> p = new HashMap<>(Map.of("dimensions", 16, "tower-layers", "32,16", "epochs", 60,
                "batch-size", 32, "learning-rate", 0.01, "temperature", 0.1));
        p.putAll(overrides);
        return Parameters.validate("params", TWO_TOWER.descriptor().parameters(), p);
    }

    /**
     * Settings for the tiny worlds, which test what histories and attributes carry: no user ids (with 6 items a
     * user, an id embedding per user memorises instead of generalising), and a high temperature to smooth the
     * softmax over so few items (at 0.1 the towers recalled 79% of the planted items, at 1.0 all).
     */
    private static final Parameters TINY_WORLD = params(Map.of("epochs", 100, "temperature", 1.0, "tower-layers",
            "16", "batch-size", 64, "learning-rate", 0.005, "user-ids", false));

    @Test
    void learnsPlantedGroups() {
        PlantedGroups w = new PlantedGroups(4, 15);
        w.assertLearned(TWO_TOWER.fit(w.context(1, PlantedGroups.NAIVE), w.train, TINY_WORLD));
    }

    /**
     * Two groups of users, each with their own 10 items, and two more items nobody had, known only by their
     * attribute: the group's genre. Only the item tower's attribute input can place the cold items.
     */
    @Test
    void anItemNobodyHadIsPlacedByItsAttributes() {
        PlantedGroups w = new PlantedGroups(2, 20);
        int items = w.items + 2;
        int[][] genre = new int[items][];
        for (int i = 0; i < w.items; i++) {
            genre[i] = new int[] {i / 10};
        }
        genre[w.items] = new int[] {0};
        genre[w.items + 1] = new int[] {1};
        Attributes attributes = new Attributes(Map.of("genre", new Attributes.Categorical("genre",
                IdIndex.sequential("g", 2), genre)), Map.of(), Map.of());
        Interactions train = new Interactions(w.users, items, w.train.users(), w.train.items(),
                w.train.values(), new long[w.train.size()]);
        Dataset d = new Dataset("cold", IdIndex.sequential("u", w.users), IdIndex.sequential("i", items), train,
                attributes, null, Map.of());
        TrainingContext c = new TrainingContext(d, 2, ProgressMonitor.NONE, PlantedGroups.NAIVE, 1);
        Model m = TWO_TOWER.fit(c, train, TINY_WORLD);
        float[] s = new float[w.users * items];
        m.scoreAll(java.util.stream.IntStream.range(0, w.users).toArray(), s);
        for (int u = 0; u < w.users; u++) {
            int group = u / 20;
            float own = s[u * items + w.items + group];
            float other = s[u * items + w.items + 1 - group];
            assertTrue(own > other, "user " + u + ": cold item of the own genre " + own + ", other " + other);
        }
        // without attributes the cold items are known only by their ids, whose embeddings no training pair touched:
        // their order for a user is as their random initialisation has it, not by group
        Model blind = TWO_TOWER.fit(c, train, params(Map.of("epochs", 100, "temperature", 1.0, "tower-layers", "16",
                "batch-size", 64, "learning-rate", 0.005, "user-ids", false, "attributes", false)));
        float[] b = new float[w.users * items];
        blind.scoreAll(java.util.stream.IntStream.range(0, w.users).toArray(), b);
        int placed = 0;
        for (int u = 0; u < w.users; u++) {
            int group = u / 20;
            placed += b[u * items + w.items + group] > b[u * items + w.items + 1 - group] ? 1 : 0;
        }
        assertTrue(placed < w.users, "without attributes every user placed the cold items by genre");
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        PlantedGroups w = new PlantedGroups();
        Nd4j.getRandom().setSeed(4);
        Sequences history = Sequences.of(w.train);
        TwoTowerFeatures f = new TwoTowerFeatures(history, w.users, w.items, Attributes.empty(), Attributes.empty(),
                true);
        int[] counts = new int[w.items];
        for (int i : w.train.items()) {
            counts[i]++;
        }
        // one layer: no ReLU kink for a finite difference to step over (SameDiff's ReLU derivative is its own)
        TwoTowerTrainer t = new TwoTowerTrainer(f, 4, 4, new int[] {3}, true, 0.5, counts, true, true,
                new Optimizer(1e-3, 0, 0, 0, "constant", 0, 1));
        // user 0 at positions 3 and 5 (rows 0 and 3 have different items and histories), users 1 and 25
        int[] users = {0, 1, 25, 0};
        int[] prefixes = {3, 2, 4, 5};
        int[] items = new int[4];
        for (int b = 0; b < 4; b++) {
            items[b] = history.item(users[b], prefixes[b]);
        }
        items[1] = items[0]; // rows 0 and 1 share an item: masked as each other's negative
        // tables ×5: outputs well away from zero norm, where the normalisation bends within a step of 1e-2
        t.userTable().muli(5);
        t.itemTable().muli(5);
        TwoTowerTrainer.Gradients g = t.gradients(users, prefixes, items);
        DoubleSupplier loss = () -> t.gradients(users, prefixes, items).loss();
        int inHistory = history.item(0, 1); // in user 0's bags
        int afterHistory = history.item(0, 5); // the target of row 3, in no bag of user 0 before position 5
        for (int[] rc : new int[][] {{inHistory, 0}, {inHistory, 3}, {history.item(25, 0), 1}}) {
            assertClose(central(t.userTable(), rc[0], rc[1], loss),
                    g.all().get("userTable").getDouble(rc[0], rc[1]), 0.03, 1e-3, "userTable " + Arrays.toString(rc));
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(0.0, g.all().get("userTable").getDouble(afterHistory, k), "a later item is in no bag");
        }
        for (int[] rc : new int[][] {{items[0], 0}, {items[2], 2}, {afterHistory, 1}}) {
            assertClose(central(t.itemTable(), rc[0], rc[1], loss),
                    g.all().get("itemTable").getDouble(rc[0], rc[1]), 0.03, 1e-3, "itemTable " + Arrays.toString(rc));
        }
        INDArray w0 = t.graph().getVariable("itemW0").getArr();
        assertClose(central(w0, 1, 2, loss), g.all().get("itemW0").getDouble(1, 2), 0.03, 1e-3, "itemW0");
        // the item biases: items[0] is the item of two rows (its bias enters both)
        for (int item : new int[] {items[0], items[2], afterHistory}) {
            assertClose(central(t.itemBiasArray(), 0, item, loss), g.all().get("itemBias").getDouble(0, item), 0.03,
                    1e-3, "itemBias " + item);
        }
    }

    @Test
    void sameSeedSameScoresAndTheSavedModelScoresTheSame() throws Exception {
        PlantedGroups w = new PlantedGroups();
        Parameters p = params(Map.of("epochs", 3));
        Model a = TWO_TOWER.fit(w.context(9, PlantedGroups.NAIVE), w.train, p);
        Model b = TWO_TOWER.fit(w.context(9, PlantedGroups.NAIVE), w.train, p);
        assertArrayEquals(w.scores(a), w.scores(b));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((PersistentModel) a).write(new DataOutputStream(bytes));
        Model reread = TWO_TOWER.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                PlantedGroups.NAIVE);
        assertArrayEquals(w.scores(a), w.scores(reread));
    }

    @Test
    void badTowerWidthsAreRefusedWithTheExpectedForm() {
        var e = assertThrows(InvalidSpecException.class, () -> TwoTowerRecommender.widths("128,x"));
        assertTrue(e.getMessage().contains("expected widths such as 128,64"), e.getMessage());
        assertThrows(InvalidSpecException.class, () -> TwoTowerRecommender.widths("64,0"));
    }
}
