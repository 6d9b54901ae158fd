package org.recworkbench.algo.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.recworkbench.algo.neural.PlantedGroups.NAIVE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.dl4j.DeepLearning;

/** Mult-VAE on the {@link PlantedGroups} world, where a model that learned the groups has hit rate 1 at 4. */
class MultVaeRecommenderTest {
    private static final DeepLearning DL = DeepLearning.standalone();

    @Test
    void learnsThePlantedGroups() {
        PlantedGroups world = new PlantedGroups();
        Parameters p = Parameters.validate("params", new MultVaeRecommender(DL).descriptor().parameters(), Map.of(
                "hidden", 32, "latent", 8, "epochs", 150, "batch-size", 8, "learning-rate", 0.01,
                "anneal-steps", 200));
        world.assertLearned(new MultVaeRecommender(DL).fit(world.context(1), world.train, p));
    }

    @Test
    void theSameSeedGivesTheSameScoresAndASavedModelScoresAlike() throws Exception {
        PlantedGroups world = new PlantedGroups();
        Parameters p = Parameters.validate("params", new MultVaeRecommender(DL).descriptor().parameters(), Map.of(
                "hidden", 16, "latent", 4, "epochs", 5, "batch-size", 8));
        MultVaeRecommender r = new MultVaeRecommender(DL);
        Model a = r.fit(world.context(7), world.train, p);
        Model b = r.fit(world.context(7), world.train, p);
        assertArrayEquals(world.scores(a), world.scores(b), "same seed, same thread count");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((MultVaeModel) a).write(new DataOutputStream(bytes));
        Model loaded = r.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), NAIVE);
        assertArrayEquals(world.scores(a), world.scores(loaded));
        assertEquals(world.items, loaded.numItems());
        // a truncated file is an error, not a model
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThrows(IOException.class, () -> r.read(new DataInputStream(new ByteArrayInputStream(cut)), NAIVE));
    }
}
