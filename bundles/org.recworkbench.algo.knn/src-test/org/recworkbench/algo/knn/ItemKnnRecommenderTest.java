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

    private static Parameters params(Map<String, Object> values) {
        return Parameters.validate("", new ItemKnnRecommender().descriptor().parameters(), values);
    }

    private static Parameters params(int k) {
        return params(Map.of("neighbors", k));
    }

    private static SparseMatrix itemNeighbours(Map<String, Object> values) {
        Parameters p = params(values);
        return Similarity.neighbours(TRAIN, p, true, p.getInt("neighbors"), ProgressMonitor.NONE);
    }

    @Test
    void cosineNeighboursMatchHandComputation() {
        SparseMatrix s = itemNeighbours(Map.of("neighbors", 10));
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
        // the ranking lists are cut to k; the rating-prediction candidates keep more
        SparseMatrix s = ((ItemKnnRecommender.ItemKnnModel) new ItemKnnRecommender().fit(context(), TRAIN, params(1)))
                .neighbours();
        // item 1's best neighbour is item 0 (0.816 > 0.577)
        assertArrayEquals(new int[] {0}, s.rowColumns(1));
        // item 3's neighbours: 0 (0.707) and 1 (0.577): keeps 0
        assertArrayEquals(new int[] {0}, s.rowColumns(3));
    }

    @Test
    void jaccardAndShrinkageMatchHandComputation() {
        // Jaccard |U_i ∩ U_j| / |U_i ∪ U_j|: (0,1) = 2/3, (0,3) = 1/2, (1,2) = (1,3) = 1/3
        SparseMatrix j = itemNeighbours(Map.of("similarity", "jaccard"));
        assertArrayEquals(new int[] {1, 3}, j.rowColumns(0));
        assertEquals(2 / 3.0, j.values()[j.rowStart(0)], 1e-6);
        assertEquals(1 / 2.0, j.values()[j.rowStart(0) + 1], 1e-6);
        assertEquals(1 / 3.0, j.values()[j.rowStart(1) + 1], 1e-6); // (1, 2)
        // shrinkage 1: cosine(0,1) · 2/(2+1) with 2 co-occurring users; cosine(0,3) · 1/(1+1)
        SparseMatrix shrunk = itemNeighbours(Map.of("shrinkage", 1.0));
        assertEquals(2 / (Math.sqrt(2) * Math.sqrt(3)) * 2 / 3, shrunk.values()[shrunk.rowStart(0)], 1e-6);
        assertEquals(1 / Math.sqrt(2) / 2, shrunk.values()[shrunk.rowStart(0) + 1], 1e-6);
    }

    @Test
    void userNeighboursAndScoresMatchHandComputation() {
        // users: u0 = {0,1}, u1 = {0,1,3}, u2 = {1,2}; cos(u2,u0) = 1/2, cos(u2,u1) = 1/√6
        Model m = new UserKnnRecommender().fit(context(), TRAIN, Parameters.validate("",
                new UserKnnRecommender().descriptor().parameters(), Map.of()));
        float[] out = new float[4];
        m.scoreAll(new int[] {2}, out);
        double a = 0.5;
        double b = 1 / Math.sqrt(6);
        assertEquals(a + b, out[0], 1e-6);
        assertEquals(a + b, out[1], 1e-6);
        assertEquals(0, out[2], 1e-6);
        assertEquals(b, out[3], 1e-6);
    }

    @Test
    void ratingPredictionOffsetsTheBaselineByTheRatedNeighbours() {
        // explicit ratings; user 0 rated items 0 (5) and 1 (3); user 1 rated 0 (4), 1 (2), 2 (5)
        Interactions x = new Interactions(2, 3, new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 0, 1, 2},
                new float[] {5, 3, 4, 2, 5}, new long[5]);
        Model m = new ItemKnnRecommender().fit(context(), x, params(Map.of("feedback", "values")));
        // the damped baseline, from its definition: mu = 19/5; b_i over (n_i + 25); b_u over (n_u + 10)
        double mu = 19 / 5.0;
        double[] bi = {(5 - mu + 4 - mu) / 27, (3 - mu + 2 - mu) / 27, (5 - mu) / 26};
        double bu0 = (5 - mu - bi[0] + 3 - mu - bi[1]) / 12;
        // item 2's neighbours are items 0 and 1 (co-rated by user 1), both rated by user 0:
        // prediction = b_02 + Σ sim(2,j) (r_0j - b_0j) / Σ |sim(2,j)| with value cosines
        double s20 = 5 * 4 / (5 * Math.sqrt(4 * 4 + 5 * 5));
        double s21 = 5 * 2 / (5 * Math.sqrt(3 * 3 + 2 * 2));
        double r0 = 5 - (mu + bu0 + bi[0]);
        double r1 = 3 - (mu + bu0 + bi[1]);
        double expected = mu + bu0 + bi[2] + (s20 * r0 + s21 * r1) / (s20 + s21);
        assertEquals(expected, m.predict(0, 2), 1e-5);
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
