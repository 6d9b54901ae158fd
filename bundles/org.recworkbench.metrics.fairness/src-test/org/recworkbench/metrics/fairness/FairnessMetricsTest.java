package org.recworkbench.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * n = 4 items, m = 2 users, k = 2 (S = 4 slots). The fairest case shows every item once
 * ([0,1], [2,3]); the least fair gives both users the same two items ([0,1], [0,1]). The corrected measures
 * must reach exactly their bounds there; the originals are worked out by hand.
 */
class FairnessMetricsTest {
    private static final double EPS = 1e-12;
    private final FairnessMetrics set = new FairnessMetrics();
    private final EvaluationContext context = EvaluationContext.of(4, 2, 2);
    private static final int[][] FAIR = {{0, 1}, {2, 3}};
    private static final int[][] UNFAIR = {{0, 1}, {0, 1}};

    private double value(String name, int[][] lists) {
        Metric m = set.create(name, 2);
        MetricAccumulator a = m.newAccumulator(context);
        for (int[] l : lists) {
            UserList list = UserList.of(l, Relevance.binary());
            a.add(list, m.evaluate(list, context));
        }
        return a.result();
    }

    @Test
    void originalsOnTheFairestDistribution() {
        assertEquals(1.0, value("Jain", FAIR), EPS);
        assertEquals(1.0, value("QF", FAIR), EPS);
        assertEquals(1.0, value("Ent", FAIR), EPS);
        assertEquals(0.0, value("Gini-exp", FAIR), EPS);
        assertEquals(1.0, value("FSat", FAIR), EPS);
        assertEquals(0.0, value("VoCD", FAIR), EPS);
    }

    @Test
    void originalsOnTheLeastFairDistribution() {
        // counts [2,2,0,0]: Jain = 16 / (4·8), Ent = log_4 2, Gini = (1·2 + 3·2) / (4·4)
        assertEquals(0.5, value("Jain", UNFAIR), EPS);
        assertEquals(0.5, value("QF", UNFAIR), EPS);
        assertEquals(0.5, value("Ent", UNFAIR), EPS);
        assertEquals(0.5, value("Gini-exp", UNFAIR), EPS);
        assertEquals(0.5, value("FSat", UNFAIR), EPS);
    }

    @Test
    void correctedFormsReachTheirBounds() {
        for (String fairIsOne : new String[] {"Jain-corr", "QF-corr", "Ent-corr", "FSat-corr"}) {
            assertEquals(1.0, value(fairIsOne, FAIR), EPS, fairIsOne);
            assertEquals(0.0, value(fairIsOne, UNFAIR), EPS, fairIsOne);
        }
        for (String fairIsZero : new String[] {"Gini-exp-corr", "Gini-w-corr"}) {
            assertEquals(0.0, value(fairIsZero, FAIR), 1e-9, fairIsZero);
            assertEquals(1.0, value(fairIsZero, UNFAIR), 1e-9, fairIsZero);
        }
    }

    @Test
    void positionWeightedGini() {
        // fair: weights 1, 1/log2(3), 1, 1/log2(3); sorted ascending w, w, 1, 1 with w = 1/log2(3)
        double w = 1 / (Math.log(3) / Math.log(2));
        double expected = (-3 * w - w + 1 + 3) / (4 * (2 + 2 * w));
        assertEquals(expected, value("Gini-w", FAIR), EPS);
    }

    @Test
    void exposureDisparities() {
        // γ = 0.8, k = 2, n = 4: uniform exposure (1 - 0.64) / (0.2 · 4) = 0.45
        double u = 0.45;
        double recommended = 2 * (1 - u) * (1 - u) + 2 * (0.8 - u) * (0.8 - u);
        assertEquals((recommended + 4 * u * u) / 8, value("II-D", FAIR), EPS);
        // mean exposure per item: 0.5, 0.4, 0.5, 0.4
        assertEquals((0.05 * 0.05 * 4) / 4, value("AI-D", FAIR), EPS);
    }

    @Test
    void expectedExposureOfOneRanking() {
        // ranking [0, 1], relevant {1}: ε = (1, 0.8) on items 0 and 1, ε* = (0, 1)
        UserList list = UserList.of(new int[] {0, 1}, Relevance.binary(1));
        assertEquals(1 + 0.64, set.create("EE-D", 2).evaluate(list, context), EPS);
        assertEquals(2 * 0.8, set.create("EE-R", 2).evaluate(list, context), EPS);
        assertEquals(1 * 1 + 0.2 * 0.2, set.create("EE-L", 2).evaluate(list, context), EPS);
    }
}
