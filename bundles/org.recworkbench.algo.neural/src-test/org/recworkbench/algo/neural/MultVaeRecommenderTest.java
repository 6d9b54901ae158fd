package org.recworkbench.algo.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.dl4j.DeepLearning;

/**
 * Mult-VAE on a planted world whose answer is known: two groups of 20 users over 20 items, group A liking items 0-9
 * and group B items 10-19. Each user shows 6 of their group's 10 items in training; the other 4 are theirs to find.
 * A model that learned the groups ranks exactly those 4 first among the unseen items, so every user's held-out item
 * (one of the 4) is in their top 4: hit rate 1.
 */
class MultVaeRecommenderTest {
    private static final DeepLearning DL = DeepLearning.standalone();
    private static final int USERS = 40;
    private static final int ITEMS = 20;

    /** Never called by Mult-VAE, which computes with ND4J itself. */
    private static final ComputeBackend UNUSED = new ComputeBackend() {
        @Override
        public String id() {
            return "unused";
        }

        @Override
        public String description() {
            return "";
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
            throw new AssertionError("not used");
        }
    };

    /** Training rows (6 of the group's 10 items each), and each user's 4 unseen group items. */
    private static Interactions planted(int[][] unseen) {
        SplittableRandom random = new SplittableRandom(5);
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int first = u < USERS / 2 ? 0 : 10;
            int[] group = new int[10];
            for (int k = 0; k < 10; k++) {
                group[k] = first + k;
            }
            for (int k = 9; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = group[k];
                group[k] = group[j];
                group[j] = t;
            }
            for (int k = 0; k < 6; k++) {
                rows.add(new int[] {u, group[k]});
            }
            unseen[u] = java.util.Arrays.copyOfRange(group, 6, 10);
        }
        int[] users = rows.stream().mapToInt(r -> r[0]).toArray();
        int[] items = rows.stream().mapToInt(r -> r[1]).toArray();
        float[] ones = new float[users.length];
        java.util.Arrays.fill(ones, 1f);
        return new Interactions(USERS, ITEMS, users, items, ones, new long[users.length]);
    }

    private static TrainingContext context(Interactions train, long seed) {
        Dataset d = new Dataset("planted", IdIndex.sequential("u", USERS), IdIndex.sequential("i", ITEMS), train,
                null, null, Map.of());
        return new TrainingContext(d, seed, ProgressMonitor.NONE, UNUSED, 1);
    }

    private static Parameters small() {
        return Parameters.validate("params", new MultVaeRecommender(DL).descriptor().parameters(), Map.of(
                "hidden", 32, "latent", 8, "epochs", 150, "batch-size", 8, "learning-rate", 0.01,
                "anneal-steps", 200));
    }

    private static float[] scores(Model m) {
        int[] all = java.util.stream.IntStream.range(0, USERS).toArray();
        float[] out = new float[USERS * ITEMS];
        m.scoreAll(all, out);
        return out;
    }

    @Test
    void learnsThePlantedGroups() {
        int[][] unseen = new int[USERS][];
        Interactions train = planted(unseen);
        Model m = new MultVaeRecommender(DL).fit(context(train, 1), train, small());
        float[] s = scores(m);
        var seen = train.userItems();
        for (int u = 0; u < USERS; u++) {
            // the 4 best unseen items must be exactly the user's 4 unseen group items
            int[] top = m.recommend(u, 4, seen.rowColumns(u));
            int[] expected = unseen[u].clone();
            java.util.Arrays.sort(top);
            java.util.Arrays.sort(expected);
            assertArrayEquals(expected, top, "user " + u + " scores " + java.util.Arrays.toString(
                    java.util.Arrays.copyOfRange(s, u * ITEMS, (u + 1) * ITEMS)));
        }
    }

    @Test
    void theSameSeedGivesTheSameScoresAndASavedModelScoresAlike() throws Exception {
        int[][] unseen = new int[USERS][];
        Interactions train = planted(unseen);
        Parameters p = Parameters.validate("params", new MultVaeRecommender(DL).descriptor().parameters(), Map.of(
                "hidden", 16, "latent", 4, "epochs", 5, "batch-size", 8));
        MultVaeRecommender r = new MultVaeRecommender(DL);
        Model a = r.fit(context(train, 7), train, p);
        Model b = r.fit(context(train, 7), train, p);
        assertArrayEquals(scores(a), scores(b), "same seed, same thread count");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((MultVaeModel) a).write(new DataOutputStream(bytes));
        Model loaded = r.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), UNUSED);
        assertArrayEquals(scores(a), scores(loaded));
        assertEquals(ITEMS, loaded.numItems());
        // a truncated file is an error, not a model
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThrows(java.io.IOException.class, () -> r.read(new DataInputStream(new ByteArrayInputStream(cut)),
                UNUSED));
    }
}
