package org.recworkbench.api.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void selectsBestFirstAndBreaksTiesByLowerIndex() {
        float[] s = {0.5f, 0.9f, Float.NEGATIVE_INFINITY, 0.9f, 0.1f, Float.NaN, 0.7f};
        int[] items = new int[3];
        float[] scores = new float[3];
        assertEquals(3, TopK.select(s, 0, s.length, 3, items, scores));
        assertArrayEquals(new int[] {1, 3, 6}, items);
        assertArrayEquals(new float[] {0.9f, 0.9f, 0.7f}, scores);
    }
}
