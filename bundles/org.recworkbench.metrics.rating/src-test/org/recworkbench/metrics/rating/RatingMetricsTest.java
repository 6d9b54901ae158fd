package org.recworkbench.metrics.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * User 0 rated 4 and 2, predicted 5.5 and 1 (clamped to 5 and 1 on a 1-5 scale: errors +1, -1); user 1
 * rated 3, predicted 3.5 (error 0.5). Over all three ratings: MSE = (1 + 1 + 0.25) / 3, MAE = 2.5 / 3.
 */
class RatingMetricsTest {
    private static final double EPS = 1e-12;
    private final RatingMetrics set = new RatingMetrics();
    private final EvaluationContext scale = new EvaluationContext(3, 2, 2, new int[3], null, 1, 5, 10, null);
    private final UserList u0 = new UserList(0, new int[0], Relevance.binary(), null, 3, new int[] {0, 1},
            new float[] {4, 2}, new float[] {5.5f, 1});
    private final UserList u1 = new UserList(1, new int[0], Relevance.binary(), null, 3, new int[] {2},
            new float[] {3}, new float[] {3.5f});

    private double aggregate(String name, EvaluationContext context) {
        Metric m = set.create(name, 0);
        MetricAccumulator a = m.newAccumulator(context);
        MetricAccumulator b = m.newAccumulator(context);
        a.add(u0, m.evaluate(u0, context));
        b.add(u1, m.evaluate(u1, context));
        a.combine(b);
        return a.result();
    }

    @Test
    void microAveragesOverAllRatingsWithClamping() {
        assertEquals(2.25 / 3, aggregate("MSE", scale), EPS);
        assertEquals(Math.sqrt(2.25 / 3), aggregate("RMSE", scale), EPS);
        assertEquals(2.5 / 3, aggregate("MAE", scale), EPS);
    }

    @Test
    void perUserValuesUseTheUsersRatingsOnly() {
        assertEquals(1.0, set.create("RMSE", 0).evaluate(u0, scale), EPS);
        assertEquals(0.5, set.create("MAE", 0).evaluate(u1, scale), EPS);
    }

    @Test
    void withoutAScaleNothingIsClamped() {
        EvaluationContext unknown = EvaluationContext.of(3, 2, 10);
        // errors +1.5, -1 for user 0
        assertEquals((2.25 + 1) / 2, set.create("MSE", 0).evaluate(u0, unknown), EPS);
    }

    @Test
    void modelsWithoutPredictionsGiveNaN() {
        UserList none = UserList.of(new int[] {1}, Relevance.binary(1));
        Metric rmse = set.create("RMSE", 0);
        assertTrue(Double.isNaN(rmse.evaluate(none, scale)));
        MetricAccumulator a = rmse.newAccumulator(scale);
        a.add(none, Double.NaN);
        assertTrue(Double.isNaN(a.result()));
        assertTrue(rmse.needsRatingPredictions());
    }
}
