package org.recworkbench.metrics.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.Relevance;

/**
 * Hand-computed values. The ranking [1,2,3,4,5] against relevant {2,4,9} has hits at ranks 2 and 4:
 * DCG@5 = 1/log2(3) + 1/log2(5), ideal DCG over min(3,5) = 3 positions = 1 + 1/log2(3) + 1/log2(4).
 */
class RankingMetricsTest {
    private static final double EPS = 1e-12;
    private final RankingMetrics set = new RankingMetrics();
    private final int[] ranking = {1, 2, 3, 4, 5};
    private final Relevance rel = Relevance.binary(2, 4, 9);

    private double value(String name, int k, int[] r, Relevance relevance) {
        Metric m = set.create(name, k);
        return m.evaluate(r, relevance);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void precisionRecallHitRateAtFive() {
        assertEquals(2.0 / 5, value("Precision", 5, ranking, rel), EPS);
        assertEquals(2.0 / 3, value("Recall", 5, ranking, rel), EPS);
        assertEquals(1.0, value("HitRate", 5, ranking, rel), EPS);
        assertEquals(1.0 / 2, value("MRR", 5, ranking, rel), EPS);
    }

    @Test
    void ndcgIdealOverMinOfRelevantAndK() {
        double dcg = 1 / log2(3) + 1 / log2(5);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertEquals(dcg / idcg, value("NDCG", 5, ranking, rel), EPS);
        // at k = 3 only rank 2 counts, and the ideal list also has 3 positions
        assertEquals((1 / log2(3)) / idcg, value("NDCG", 3, ranking, rel), EPS);
    }

    @Test
    void averagePrecisionDividesByMinOfRelevantAndK() {
        // precision at the hits: 1/2 (rank 2), 2/4 (rank 4)
        assertEquals((0.5 + 0.5) / 3, value("MAP", 5, ranking, rel), EPS);
        assertEquals(0.5 / 3, value("MAP", 3, ranking, rel), EPS);
        // k = 1: denominator min(3, 1) = 1, no hit at rank 1
        assertEquals(0.0, value("MAP", 1, ranking, rel), EPS);
        assertEquals(1.0, value("MAP", 2, new int[] {2, 4}, rel), EPS);
    }

    @Test
    void cutoffBeyondListLength() {
        assertEquals(2.0 / 10, value("Precision", 10, ranking, rel), EPS);
        assertEquals(2.0 / 3, value("Recall", 10, ranking, rel), EPS);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertEquals((1 / log2(3) + 1 / log2(5)) / idcg, value("NDCG", 10, ranking, rel), EPS);
    }

    @Test
    void repeatedItemsCountOnceAtTheirFirstPosition() {
        int[] r = {2, 2, 4};
        Relevance rr = Relevance.binary(2, 4);
        assertEquals(2.0 / 3, value("Precision", 3, r, rr), EPS);
        assertEquals(1.0, value("Recall", 3, r, rr), EPS);
        double dcg = 1 / log2(2) + 1 / log2(4);
        double idcg = 1 / log2(2) + 1 / log2(3);
        assertEquals(dcg / idcg, value("NDCG", 3, r, rr), EPS);
        assertEquals((1.0 + 2.0 / 3) / 2, value("MAP", 3, r, rr), EPS);
    }

    @Test
    void usersWithoutRelevantItemsAreUndefined() {
        for (String name : new String[] {"Precision", "Recall", "NDCG", "MAP", "MRR", "HitRate"}) {
            assertTrue(Double.isNaN(value(name, 5, ranking, Relevance.binary())), name);
        }
    }

    @Test
    void idealListScoresOneAndEmptyListScoresZero() {
        Relevance all = Relevance.binary(1, 2, 3);
        int[] ideal = {3, 1, 2};
        for (String name : new String[] {"Precision", "Recall", "NDCG", "MAP", "MRR", "HitRate"}) {
            assertEquals(1.0, value(name, 3, ideal, all), EPS, name);
            assertEquals(0.0, value(name, 3, new int[0], all), EPS, name);
        }
    }

    @Test
    void gradedNdcgUsesGains() {
        Relevance graded = Relevance.graded(new int[] {1, 2, 5}, new float[] {3, 1, 2});
        double dcg = 3 / log2(2) + 1 / log2(3);
        double idcg = 3 / log2(2) + 2 / log2(3);
        assertEquals(dcg / idcg, value("NDCG", 2, new int[] {1, 2}, graded), 1e-6);
    }

    @Test
    void precisionTimesKEqualsHits() {
        int[] r = {7, 3, 9, 1, 4, 8, 2};
        Relevance rr = Relevance.binary(3, 4, 2, 11);
        for (int k = 1; k <= 8; k++) {
            double hits = 0;
            for (int i = 0; i < Math.min(k, r.length); i++) {
                hits += rr.contains(r[i]) ? 1 : 0;
            }
            assertEquals(hits, value("Precision", k, r, rr) * k, 1e-9);
            assertEquals(hits / rr.size(), value("Recall", k, r, rr), 1e-9);
        }
    }

    @Test
    void descriptorsNameTheConvention() {
        Metric ndcg = set.create("NDCG", 10);
        assertEquals("NDCG@10", ndcg.descriptor().id());
        assertEquals(10, ndcg.descriptor().cutoff());
        assertTrue(ndcg.descriptor().convention().contains("min(|rel|, k)"));
        assertThrows(IllegalArgumentException.class, () -> set.create("NDCG", 0));
        assertThrows(IllegalArgumentException.class, () -> set.create("Nope", 5));
    }
}
