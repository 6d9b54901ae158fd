package org.recworkbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.recworkbench.api.metrics.Relevance;

class RelevantRanksTest {

    @Test
    void ranksFollowScoreThenLowerIndex() {
        // full order: item1 (0.9), item2 (0.9, higher index), item0 (0.5), item3 (0.1), item4 (-inf, excluded)
        float[] row = {0.5f, 0.9f, 0.9f, 0.1f, Float.NEGATIVE_INFINITY};
        assertArrayEquals(new int[] {2, 4, 5}, RelevantRanks.of(row, 0, 5, Relevance.binary(2, 3, 4)));
        assertArrayEquals(new int[] {3, 1}, RelevantRanks.of(row, 0, 5, Relevance.binary(0, 1)));
    }

    @Test
    void worksAtAnOffsetInABatchBuffer() {
        float[] buffer = {9, 9, 9, 0.2f, 0.4f, 0.3f};
        assertArrayEquals(new int[] {3, 2}, RelevantRanks.of(buffer, 3, 3, Relevance.binary(0, 2)));
    }
}
