package org.recworkbench.algo.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;

/**
 * Hand-computed neighbours on four users and five items. User sets: item 0 {0, 2}, item 1 {0, 1, 2}, item 2 {1, 2},
 * item 3 {3}, item 4 none; last items (by time, not row order): user 0 → 1, user 1 → 2, user 2 → 1, user 3 → 3.
 * Cosines: sim(1, 0) = 2/√(3·2), sim(1, 2) = 2/√(3·2), sim(2, 0) = 1/√(2·2), sim(2, 1) = 2/√(2·3); item 3 shares no
 * user. Fallback for everything else: −1 + 0.5 · popularity / 3 (popularities 2, 3, 2, 1, 0).
 */
class LastItemKnnRecommenderTest {
    private static final LastItemKnnRecommender KNN = new LastItemKnnRecommender();
    private static final Interactions TRAIN = new Interactions(4, 5,
            new int[] {0, 0, 1, 1, 2, 2, 2, 3},
            new int[] {1, 0, 1, 2, 0, 1, 2, 3},
            new float[] {1, 1, 1, 1, 1, 1, 1, 1},
            new long[] {20, 10, 10, 20, 10, 30, 20, 10});
    private static final float TWO_OVER_ROOT_SIX = (float) (2 / Math.sqrt(6));

    private static Model fit(int neighbors) {
        Dataset d = new Dataset("hand", IdIndex.sequential("u", 4), IdIndex.sequential("i", 5), TRAIN, null, null,
                Map.of());
        Parameters p = Parameters.validate("params", KNN.descriptor().parameters(), Map.of("neighbors", neighbors));
        return KNN.fit(new TrainingContext(d, 1, ProgressMonitor.NONE, PlantedChains.NAIVE, 1), TRAIN, p);
    }

    private static float[] scores(Model m, int user) {
        float[] out = new float[5];
        m.scoreAll(new int[] {user}, out);
        return out;
    }

    @Test
    void scoresAreTheLastItemsCosinesThenPopularity() {
        Model m = fit(100);
        float f1 = -1f + 0.5f * 3 / 3;
        float f2 = -1f + 0.5f * 2 / 3;
        float f3 = -1f + 0.5f * 1 / 3;
        float f4 = -1f;
        assertArrayEquals(new float[] {TWO_OVER_ROOT_SIX, f1, TWO_OVER_ROOT_SIX, f3, f4}, scores(m, 0), 1e-6f);
        assertArrayEquals(new float[] {0.5f, TWO_OVER_ROOT_SIX, f2, f3, f4}, scores(m, 1), 1e-6f);
        assertArrayEquals(scores(m, 0), scores(m, 2), 0f); // same last item
        assertArrayEquals(new float[] {f2, f1, f2, f3, f4}, scores(m, 3), 1e-6f); // no neighbour: popularity
    }

    @Test
    void onlyTheClosestNeighboursAreKept() {
        // a tie between items 0 and 2 goes to the lower index; item 2 falls back to popularity
        assertArrayEquals(new float[] {TWO_OVER_ROOT_SIX, -0.5f, -1f + 1f / 3, -1f + 0.5f / 3, -1f},
                scores(fit(1), 0), 1e-6f);
    }

    @Test
    void savedAndReadBackScoresTheSameAndATruncatedFileIsRefused() throws IOException {
        Model m = fit(100);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((PersistentModel) m).write(new DataOutputStream(bytes));
        Model back = KNN.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), null);
        for (int u = 0; u < 4; u++) {
            assertArrayEquals(scores(m, u), scores(back, u), 0f);
        }
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 6);
        assertThrows(IOException.class, () -> KNN.read(new DataInputStream(new ByteArrayInputStream(cut)), null));
    }
}
