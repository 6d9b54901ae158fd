package org.recworkbench.algo.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Three users, four items. Binary user vectors of the items: item0 = {u0,u1}, item1 = {u0,u1,u2},
 * item2 = {u2}, item3 = {u1}. Cosines: cos(0,1) = 2/(√2·√3), cos(0,3) = 1/√2, cos(1,2) = 1/√3,
 * cos(1,3) = 1/√3, cos(0,2) = cos(2,3) = 0.
 */
class ItemKnnRecommenderTest {

    private static final Interactions TRAIN = new Interactions(3, 4, new int[] {0, 0, 1, 1, 1, 2, 2},
            new int[] {0, 1, 0, 1, 3, 1, 2}, new float[] {1, 1, 1, 1, 1, 1, 1}, new long[7]);

    private static TrainingContext context() {
        return new TrainingContext(null, 1, ProgressMonitor.NONE, new ComputeBackend() {
            public String id() {
                return "none";
            }

            public String description() {
                return "";
            }

            public int priority() {
                return 0;
            }

            public boolean isAvailable() {
                return true;
            }

            public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
            }

            public void topK(float[] s, int r, int c, int k, int[] oi, float[] os) {
            }
        }, 1);
    }

    private static Parameters params(int k) {
        return Parameters.validate("", new ItemKnnRecommender().descriptor().parameters(), Map.of("neighbors", k));
    }

    @Test
    void cosineNeighboursMatchHandComputation() {
        SparseMatrix s = ItemKnnRecommender.similarities(TRAIN, 10, 0, true, context());
        double c01 = 2 / (Math.sqrt(2) * Math.sqrt(3));
        // item 0: neighbours 1 and 3 (2 has cosine 0 and is dropped)
        assertArrayEquals(new int[] {1, 3}, s.rowColumns(0));
        assertEquals(c01, s.values()[s.rowStart(0)], 1e-6);
        assertEquals(1 / Math.sqrt(2), s.values()[s.rowStart(0) + 1], 1e-6);
        assertArrayEquals(new int[] {0, 2, 3}, s.rowColumns(1));
        assertArrayEquals(new int[] {1}, s.rowColumns(2));
    }

    @Test
    void keepsOnlyTheKMostSimilar() {
        SparseMatrix s = ItemKnnRecommender.similarities(TRAIN, 1, 0, true, context());
        // item 1's best neighbour is item 0 (0.816 > 0.577)
        assertArrayEquals(new int[] {0}, s.rowColumns(1));
        // item 3's neighbours: 0 (0.707) and 1 (0.577): keeps 0
        assertArrayEquals(new int[] {0}, s.rowColumns(3));
    }

    @Test
    void scoresSumNeighbourSimilaritiesOfTheUsersItems() {
        Model m = new ItemKnnRecommender().fit(context(), TRAIN, params(10));
        float[] out = new float[4];
        m.scoreAll(new int[] {2}, out); // user 2 has items 1 and 2
        double c01 = 2 / (Math.sqrt(2) * Math.sqrt(3));
        double c12 = 1 / Math.sqrt(3);
        double c13 = 1 / Math.sqrt(3);
        // score(i) = sim(1, i) + sim(2, i) over the neighbour lists of items 1 and 2
        assertEquals(c01, out[0], 1e-6);
        assertEquals(c12, out[1], 1e-6); // from item 2's list
        assertEquals(c12, out[2], 1e-6); // from item 1's list
        assertEquals(c13, out[3], 1e-6);
        assertEquals(List.of(0, 3), java.util.Arrays.stream(m.recommend(2, 2, new int[] {1, 2})).boxed().toList());
    }
}
