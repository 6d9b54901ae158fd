package org.recworkbench.metrics.business;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * Ranking [0, 1, 2] for a user who buys items 1 and 2. Prices 10, 20, 30; margin rates 1, 0.5, unknown;
 * artists A, B, A.
 */
class BusinessMetricsTest {
    private static final double EPS = 1e-12;
    private final BusinessMetrics set = new BusinessMetrics();
    private final Attributes items = new Attributes(
            Map.of("artist", new Attributes.Categorical("artist", IdIndex.of(List.of("A", "B")),
                    new int[][] {{0}, {1}, {0}})),
            Map.of("price", new double[] {10, 20, 30}, "margin", new double[] {1, 0.5, Double.NaN}), Map.of());
    private final EvaluationContext context = new EvaluationContext(3, 1, 1, new int[3], items, Double.NaN,
            Double.NaN, 3, null);
    private final UserList list = UserList.of(new int[] {0, 1, 2}, Relevance.binary(1, 2));

    private double value(String name, int k) {
        return set.create(name, k).evaluate(list, context);
    }

    @Test
    void clicksConversionRevenueMargin() {
        assertEquals(0.5, value("CTR", 2), EPS);
        assertEquals(1.0, value("Conversion", 2), EPS);
        assertEquals(0.0, value("Conversion", 1), EPS);
        assertEquals(20.0, value("Revenue", 2), EPS);
        assertEquals(50.0, value("Revenue", 3), EPS);
        // 20 · 0.5 + 30 · 1 (unknown margin counts as 1)
        assertEquals(40.0, value("Margin", 3), EPS);
    }

    @Test
    void playlistContinuation() {
        // G = {1, 2}, R = [0, 1]: one exact hit; item 2's artist A was recommended (item 0): +0.25
        assertEquals((1 + 0.25) / 2, value("PlaylistRPrecision", 0), EPS);
        // first relevant at rank 2: no refresh needed
        assertEquals(0.0, value("Clicks", 0), EPS);
        int[] late = new int[40];
        for (int i = 0; i < 40; i++) {
            late[i] = 100 + i;
        }
        late[25] = 7; // rank 26: two refreshes of ten
        assertEquals(2.0, set.create("Clicks", 0).evaluate(UserList.of(late, Relevance.binary(7)), null), EPS);
        assertEquals(51.0, set.create("Clicks", 0).evaluate(UserList.of(new int[] {5}, Relevance.binary(7)), null),
                EPS);
    }

    @Test
    void conversationalMetrics() {
        List<ConversationalMetrics.Episode> episodes = List.of(new ConversationalMetrics.Episode(2, 1),
                new ConversationalMetrics.Episode(5, 3), ConversationalMetrics.Episode.failed());
        assertEquals(2.0 / 3, ConversationalMetrics.successRate(episodes, 5), EPS);
        assertEquals(1.0 / 3, ConversationalMetrics.successRate(episodes, 3), EPS);
        assertEquals((2 + 5 + 5) / 3.0, ConversationalMetrics.averageTurns(episodes, 5), EPS);
        // turn 2, rank 1: 1/log2(4) + (1/log2(3) - 1/log2(4)) / log2(2) = 0.630930
        // turn 5, rank 3: 1/log2(7) + (1/log2(6) - 1/log2(7)) / log2(4) = 0.356207 + 0.030646 / 2 = 0.371530
        assertEquals((0.630930 + 0.371530) / 3, ConversationalMetrics.hDcg(episodes, 5, 10), 1e-6);
    }
}
