package org.recworkbench.algo.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.support.ItemItemModel;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Users u0 = {0,1}, u1 = {0,1,3}, u2 = {1,2}; so item 0 = {u0,u1}, 1 = {u0,u1,u2}, 2 = {u2}, 3 = {u1}. From item
 * 0 the walk reaches u0 or u1 with probability 1/2 each, then an item of that user uniformly: P(0→1) =
 * 1/2·1/2 + 1/2·1/3 = 5/12, P(0→3) = 1/2·1/3 = 1/6, and P(0→0) = 5/12, so a row sums to 1 with the self loop.
 */
class Rp3BetaRecommenderTest {
    private static final Interactions TRAIN = new Interactions(3, 4, new int[] {0, 0, 1, 1, 1, 2, 2},
            new int[] {0, 1, 0, 1, 3, 1, 2}, new float[] {1, 1, 1, 1, 1, 1, 1}, new long[7]);

    private static SparseMatrix weights(double beta) {
        Rp3BetaRecommender r = new Rp3BetaRecommender();
        ItemItemModel m = (ItemItemModel) r.fit(TestContexts.withoutBackend(1), TRAIN,
                Parameters.validate("", r.descriptor().parameters(), Map.of("beta", beta)));
        return m.weights();
    }

    @Test
    void transitionProbabilitiesOfTheTwoStepWalk() {
        SparseMatrix w = weights(0);
        assertArrayEquals(new int[] {1, 3}, w.rowColumns(0));
        assertEquals(5 / 12.0, w.values()[w.rowStart(0)], 1e-6);
        assertEquals(1 / 6.0, w.values()[w.rowStart(0) + 1], 1e-6);
        // item 2 = {u2}: the walk goes to u2, then to item 1 or back to 2 with 1/2 each
        assertArrayEquals(new int[] {1}, w.rowColumns(2));
        assertEquals(1 / 2.0, w.values()[w.rowStart(2)], 1e-6);
    }

    @Test
    void betaDividesByTheTargetsPopularity() {
        SparseMatrix w = weights(1);
        assertEquals(5 / 12.0 / 3, w.values()[w.rowStart(0)], 1e-6); // item 1 has 3 users
        assertEquals(1 / 6.0 / 1, w.values()[w.rowStart(0) + 1], 1e-6); // item 3 has 1
    }
}
