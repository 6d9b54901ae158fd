package org.recworkbench.algo.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.recworkbench.algo.neural.FiniteDifferences.assertClose;
import static org.recworkbench.algo.neural.FiniteDifferences.central;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.dl4j.DeepLearning;
import org.recworkbench.dl4j.training.Optimizer;

class LightGcnRecommenderTest {
    private static final LightGcnRecommender LIGHTGCN = new LightGcnRecommender(DeepLearning.standalone());

    private static Parameters params(Map<String, ?> overrides) {
        Map<String, Object> p = new HashMap<>(Map.of("dimensions", 8, "layers", 2, "epochs", 150, "batch-size", 64,
                "learning-rate", 0.01));
        p.putAll(overrides);
        return Parameters.validate("params", LIGHTGCN.descriptor().parameters(), p);
    }

    @Test
    void propagationIsTheMeanOfNormalisedNeighbourAveragesByHand() {
        // user 0 had items 0 and 1 (item 1 twice: one edge), user 1 item 1; degrees u0 2, u1 1, i0 1, i1 2
        Interactions t = new Interactions(2, 2, new int[] {0, 0, 0, 1}, new int[] {0, 1, 1, 1}, new float[4],
                new long[4]);
        LightGcnPropagation g = new LightGcnPropagation(t.userItems(), 2, 2, 1, 1, 1);
        float[] eu = new float[2];
        float[] ei = new float[2];
        g.propagate(new float[] {1, 2}, new float[] {3, 4}, eu, ei);
        g.close();
        double r2 = Math.sqrt(2);
        // layer 1: u0 = 3/√(2·1) + 4/√(2·2), u1 = 4/√(1·2), i0 = 1/√2, i1 = 1/2 + 2/√2; final = (layer 0 + 1) / 2
        assertEquals((1 + 3 / r2 + 2) / 2, eu[0], 1e-6);
        assertEquals((2 + 4 / r2) / 2, eu[1], 1e-6);
        assertEquals((3 + 1 / r2) / 2, ei[0], 1e-6);
        assertEquals((4 + 0.5 + 2 / r2) / 2, ei[1], 1e-6);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        PlantedGroups w = new PlantedGroups();
        Nd4j.getRandom().setSeed(3);
        LightGcnPropagation graph = new LightGcnPropagation(w.train.userItems(), w.users, w.items, 4, 2, 2);
        LightGcnTrainer trainer = new LightGcnTrainer(graph, w.users, w.items, 4, 0.5,
                new Optimizer(1e-3, 0, 0, 0, "constant", 0, 1));
        int[] u = {0, 3, 25, 3};
        int[] pos = {1, 2, 14, 2};
        int[] neg = {12, 17, 4, 9};
        LightGcnTrainer.Gradients g = trainer.gradients(u, pos, neg);
        DoubleSupplier loss = () -> trainer.gradients(u, pos, neg).loss();
        // rows in the batch and rows reached only through the graph (user 5 shares items with user 0)
        for (int row : new int[] {0, 3, 5, 25}) {
            for (int k = 0; k < 4; k += 3) {
                assertClose(central(trainer.user0(), row, k, loss), g.users()[row * 4 + k], 0.03, 1e-3,
                        "user " + row + "," + k);
            }
        }
        for (int row : new int[] {1, 2, 4, 12, 19}) {
            assertClose(central(trainer.item0(), row, 1, loss), g.items()[row * 4 + 1], 0.03, 1e-3,
                    "item " + row);
        }
        graph.close();
    }

    @Test
    void learnsPlantedGroups() {
        PlantedGroups w = new PlantedGroups(4, 15);
        w.assertLearned(LIGHTGCN.fit(w.context(1, PlantedGroups.NAIVE), w.train, params(Map.of())));
    }

    @Test
    void sameSeedSameScoresAndTheSavedModelScoresTheSame() throws Exception {
        PlantedGroups w = new PlantedGroups();
        Parameters p = params(Map.of("epochs", 5));
        Model a = LIGHTGCN.fit(w.context(9, PlantedGroups.NAIVE), w.train, p);
        Model b = LIGHTGCN.fit(w.context(9, PlantedGroups.NAIVE), w.train, p);
        assertArrayEquals(w.scores(a), w.scores(b));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((PersistentModel) a).write(new DataOutputStream(bytes));
        Model reread = LIGHTGCN.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                PlantedGroups.NAIVE);
        assertArrayEquals(w.scores(a), w.scores(reread));
    }
}
