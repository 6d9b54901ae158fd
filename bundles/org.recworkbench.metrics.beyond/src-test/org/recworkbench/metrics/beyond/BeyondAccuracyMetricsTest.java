package org.recworkbench.metrics.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * Five items with training popularity 10, 5, 3, 1, 1 (20 interactions, 10 users): the short head (20% of
 * interactions) is item 0 alone. User 0 gets [0, 1], user 1 gets [0, 2]; k = 2. Item 0 has genres {a, b},
 * item 1 {b}, item 2 none.
 */
class BeyondAccuracyMetricsTest {
    private static final double EPS = 1e-12;
    private final BeyondAccuracyMetrics set = new BeyondAccuracyMetrics();
    private final Attributes genres = new Attributes(Map.of("genre", new Attributes.Categorical("genre",
            IdIndex.of(List.of("a", "b")), new int[][] {{0, 1}, {1}, {}, {}, {}})), Map.of(), Map.of());
    private final EvaluationContext context = new EvaluationContext(5, 10, 2, new int[] {10, 5, 3, 1, 1}, genres,
            Double.NaN, Double.NaN, 2, null);
    private final UserList u0 = new UserList(0, new int[] {0, 1}, Relevance.binary(0, 1), null, 5, null, null, null);
    private final UserList u1 = new UserList(1, new int[] {0, 2}, Relevance.binary(2), null, 5, null, null, null);

    private double aggregate(String name) {
        Metric m = set.create(name, 2);
        MetricAccumulator a = m.newAccumulator(context);
        a.add(u0, m.evaluate(u0, context));
        a.add(u1, m.evaluate(u1, context));
        return a.result();
    }

    private double user0(String name) {
        return set.create(name, 2).evaluate(u0, context);
    }

    @Test
    void coverageAndConcentration() {
        assertEquals(3.0 / 5, aggregate("ItemCoverage"), EPS);
        assertEquals(3.0, aggregate("AggregateDiversity"), EPS);
        assertEquals(1.0, aggregate("UserCoverage"), EPS);
        // counts [2,1,1,0,0] sorted ascending [0,0,1,1,2]: sum (2j-6) c_j = 0 + 2 + 8 = 10, n·total = 20
        assertEquals(0.5, aggregate("Gini"), EPS);
        assertEquals(0.5, aggregate("1-Gini"), EPS);
        // p = 1/2, 1/4, 1/4
        assertEquals(1.5, aggregate("Entropy"), EPS);
    }

    @Test
    void noveltyAndPopularity() {
        assertEquals(((1 - 10 / 10.0) + (1 - 5 / 10.0)) / 2, user0("EPC"), EPS);
        assertEquals((0 + 1) / 2.0, user0("MSI"), EPS); // log2(10/10), log2(10/5)
        assertEquals(7.5, user0("ARP"), EPS);
        assertEquals(0.5, user0("APLT"), EPS);
        assertEquals(1.0, user0("ACLT"), EPS);
    }

    @Test
    void diversityUnexpectednessSerendipity() {
        // genres {a,b} vs {b}: Jaccard 1/2
        assertEquals(0.5, user0("ILD"), EPS);
        // PM_2 = {0, 1}
        assertEquals(0.0, user0("Unexpectedness"), EPS);
        assertEquals(0.5, set.create("Unexpectedness", 2).evaluate(u1, context), EPS);
        assertEquals(0.5, set.create("Serendipity", 2).evaluate(u1, context), EPS);
        assertEquals(0.0, user0("Serendipity"), EPS);
    }

    @Test
    void shortHeadShareAndDiversityAttributeAreOptions() {
        // with 80% of interactions in the head: items 0 (10) and 1 (5) cover 15 of 20 < 16, so item 2 joins
        var options = org.recworkbench.api.Parameters.validate("t", set.options(), Map.of("short-head-share", 0.8));
        assertEquals(0.0, set.create("APLT", 2, options).evaluate(u0, context), EPS);
        assertEquals(0.0, set.create("APLT", 2, options).evaluate(u1, context), EPS);
        // an attribute the items do not have: ILD falls back to the first categorical attribute (genre)
        var other = org.recworkbench.api.Parameters.validate("t", set.options(), Map.of("diversity-attribute",
                "mood"));
        assertEquals(0.5, set.create("ILD", 2, other).evaluate(u0, context), EPS, "falls back to the first attribute");
    }

    @Test
    void popularityParityAndOpportunity() {
        // RSP without training data: candidates per user = head 1, tail 4; hits head 2, tail 2
        // P_head = 2/2 = 1, P_tail = 2/8 = 0.25: mean 0.625, population std 0.375
        assertEquals(0.375 / 0.625, aggregate("PopRSP"), EPS);
        // REO: relevant head {0}, tail {1, 2}, all recommended: P_head = 1, P_tail = 1
        assertEquals(0.0, aggregate("PopREO"), EPS);
        assertTrue(Double.isNaN(set.create("Gini", 2).evaluate(u0, context)), "system metrics have no per-user value");
    }
}
