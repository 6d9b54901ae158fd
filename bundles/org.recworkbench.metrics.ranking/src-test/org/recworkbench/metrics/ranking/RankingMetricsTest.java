package org.recworkbench.metrics.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

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
        for (String name : new String[] {"Precision", "Recall", "F1", "NDCG", "NDCG-all", "MAP", "MAP-rel", "MAP-k",
                "MRR", "HitRate", "RBP"}) {
            assertTrue(Double.isNaN(value(name, 5, ranking, Relevance.binary())), name);
        }
    }

    @Test
    void idealListScoresOneAndEmptyListScoresZero() {
        Relevance all = Relevance.binary(1, 2, 3);
        int[] ideal = {3, 1, 2};
        for (String name : new String[] {"Precision", "Recall", "F1", "NDCG", "NDCG-all", "MAP", "MAP-rel", "MAP-k",
                "MRR", "HitRate"}) {
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
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        double p = 2.0 / 5;
        double r = 2.0 / 3;
        assertEquals(2 * p * r / (p + r), value("F1", 5, ranking, rel), EPS);
        assertEquals(0.0, value("F1", 1, ranking, rel), EPS);
    }

    @Test
    void idealDcgConventionsDifferOnlyWhenRelevantExceedK() {
        // |rel| = 3 > k = 2: the all-relevant ideal DCG sums three positions, the default two
        double dcg = 1 / log2(3);
        assertEquals(dcg / (1 + 1 / log2(3)), value("NDCG", 2, ranking, rel), EPS);
        assertEquals(dcg / (1 + 1 / log2(3) + 1 / log2(4)), value("NDCG-all", 2, ranking, rel), EPS);
        assertEquals(value("NDCG", 5, ranking, rel), value("NDCG-all", 5, ranking, rel), EPS);
    }

    @Test
    void averagePrecisionDenominators() {
        // hits at ranks 2 and 4: sum of precisions 1/2 + 2/4 = 1
        assertEquals(1.0 / 3, value("MAP-rel", 5, ranking, rel), EPS);
        assertEquals(1.0 / 5, value("MAP-k", 5, ranking, rel), EPS);
        // k = 2: only rank 2 counts; min(|rel|, k) = 2, |rel| = 3, k = 2
        assertEquals(0.5 / 2, value("MAP", 2, ranking, rel), EPS);
        assertEquals(0.5 / 3, value("MAP-rel", 2, ranking, rel), EPS);
        assertEquals(0.5 / 2, value("MAP-k", 2, ranking, rel), EPS);
    }

    @Test
    void rankBiasedPrecisionWithPersistencePointEight() {
        // hits at ranks 2 and 4: (1 - p)(p + p^3)
        double p = 0.8;
        assertEquals((1 - p) * (p + p * p * p), value("RBP", 5, ranking, rel), EPS);
        assertEquals((1 - p) * p, value("RBP", 3, ranking, rel), EPS);
    }

    @Test
    void rbpPersistenceIsAnOption() {
        var options = org.recworkbench.api.Parameters.validate("t", set.options(), java.util.Map.of("rbp-persistence",
                0.5));
        // hits at ranks 2 and 4: (1 - 0.5)(0.5 + 0.125)
        assertEquals(0.5 * (0.5 + 0.125), set.create("RBP", 5, options).evaluate(UserList.of(ranking, rel), null),
                EPS);
    }

    @Test
    void fullRankingMetricsUseRelevantRanks() {
        Relevance two = Relevance.binary(4, 7);
        // item 4 ranked 1st, item 7 ranked 3rd among 5 candidates
        UserList list = new UserList(0, new int[] {4, 1, 7}, two, new int[] {1, 3}, 5, null, null, null);
        Metric auc = set.create("AUC", 0);
        // pairs (relevant above non-relevant): item 4 above 3, item 7 above 2 → 5 of 2·3
        assertEquals(5.0 / 6, auc.evaluate(list, null), EPS);
        assertTrue(auc.needsFullRanks());
        // R-precision: top |rel| = 2 holds one relevant item
        assertEquals(0.5, set.create("R-Precision", 0).evaluate(list, null), EPS);
        // an ideal ranking has AUC 1, a reversed one 0
        assertEquals(1.0, auc.evaluate(new UserList(0, new int[0], two, new int[] {1, 2}, 4, null, null, null), null));
        assertEquals(0.0, auc.evaluate(new UserList(0, new int[0], two, new int[] {3, 4}, 4, null, null, null), null));
    }

    @Test
    void gaucWeightsUsersByTheirRelevantItems() {
        Metric gauc = set.create("GAUC", 0);
        var acc = gauc.newAccumulator();
        UserList one = new UserList(0, new int[0], Relevance.binary(1), new int[] {1}, 3, null, null, null);
        UserList three = new UserList(1, new int[0], Relevance.binary(1, 2, 3), new int[] {4, 5, 6}, 6, null, null,
                null);
        acc.add(one, gauc.evaluate(one, null)); // AUC 1
        acc.add(three, gauc.evaluate(three, null)); // ranked last: AUC 0
        assertEquals((1 * 1.0 + 3 * 0.0) / 4, acc.result(), EPS);
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
