package org.recworkbench.algo.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;

/**
 * Ratings: u0 rates i0 = 5, i1 = 3; u1 rates i0 = 4; u2 and i2 have none. μ = 4. With λ_i = 1, λ_u = 1:
 * b_i0 = ((5-4) + (4-4)) / (2+1) = 1/3, b_i1 = (3-4) / (1+1) = -1/2;
 * b_u0 = ((5-4-1/3) + (3-4+1/2)) / (2+1) = (2/3 - 1/2) / 3 = 1/18, b_u1 = (4-4-1/3) / (1+1) = -1/6.
 */
class BiasRecommenderTest {
    private static final Interactions TRAIN = new Interactions(3, 3, new int[] {0, 0, 1}, new int[] {0, 1, 0},
            new float[] {5, 3, 4}, new long[3]);

    private static Model fit(Map<String, Object> params) {
        BiasRecommender r = new BiasRecommender();
        ComputeBackend backend = new ComputeBackend() {
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
        };
        return r.fit(new TrainingContext(null, 1, ProgressMonitor.NONE, backend, 1), TRAIN,
                Parameters.validate("", r.descriptor().parameters(), params));
    }

    @Test
    void dampedBiasesMatchHandComputation() {
        Model m = fit(Map.of("item-damping", 1, "user-damping", 1));
        assertEquals(4 + 1.0 / 18 + 1.0 / 3, m.predict(0, 0), 1e-6);
        assertEquals(4 - 1.0 / 6 - 1.0 / 2, m.predict(1, 1), 1e-6);
        float[] scores = new float[3];
        m.scoreAll(new int[] {1}, scores);
        assertEquals(m.predict(1, 0), scores[0], 1e-6);
    }

    @Test
    void specialCases() {
        assertEquals(4.0, fit(Map.of("terms", "global")).predict(1, 1), 1e-6);
        // item mean without damping: i1's mean is 3
        assertEquals(3.0, fit(Map.of("terms", "item", "item-damping", 0)).predict(0, 1), 1e-6);
        // user mean without damping: u0's mean is 4
        assertEquals(4.0, fit(Map.of("terms", "user", "user-damping", 0)).predict(0, 1), 1e-6);
    }

    @Test
    void unratedItemsAndUsersFallBackToTheMeanEvenWithoutDamping() {
        Model m = fit(Map.of("item-damping", 0, "user-damping", 0));
        // item 2 and user 2 have no training ratings: no bias rather than 0/0
        assertEquals(4.0, m.predict(2, 2), 1e-6);
    }
}
