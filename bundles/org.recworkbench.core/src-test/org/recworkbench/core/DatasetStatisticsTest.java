package org.recworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;

class DatasetStatisticsTest {

    @Test
    void giniOfKnownDistributions() {
        assertEquals(0.0, DatasetStatistics.gini(new int[] {5, 5, 5, 5}), 1e-12);
        // all mass on one of n entries: G = (n - 1) / n
        assertEquals(3.0 / 4, DatasetStatistics.gini(new int[] {0, 0, 0, 8}), 1e-12);
        // {1, 2, 3}: sum_i (2i - n - 1) x_i = -2·1 + 0·2 + 2·3 = 4; n·sum = 3·6 = 18
        assertEquals(4.0 / 18, DatasetStatistics.gini(new int[] {1, 2, 3}), 1e-12);
    }

    @Test
    void countsDensityAndHistogram() {
        // 3 users x 4 items known, item 3 never rated; ratings 5,3,4,4 by users 0,0,1,2
        Interactions x = new Interactions(3, 4, new int[] {0, 0, 1, 2}, new int[] {0, 1, 0, 2},
                new float[] {5, 3, 4, 4}, new long[] {10, 20, 30, 40});
        Dataset d = new Dataset("t", IdIndex.sequential("u", 3), IdIndex.sequential("i", 4), x, null, null, Map.of());
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(3, s.users());
        assertEquals(3, s.items());
        assertEquals(4, s.itemIndexSize());
        assertEquals(4.0 / 9, s.density(), 1e-12);
        assertEquals(4.0, s.meanValue(), 1e-12);
        assertEquals(Map.of(3.0, 1L, 4.0, 2L, 5.0, 1L), s.valueHistogram());
        assertEquals(1, s.minPerUser());
        assertEquals(2, s.maxPerUser());
        // item counts {2, 1, 1}: the top 20% (one item) holds 2 of 4
        assertEquals(0.5, s.shortHeadShare(), 1e-12);
        assertEquals(10, s.firstTimestamp());
        assertEquals(40, s.lastTimestamp());
    }
}
