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

    @Test
    void filteredRowSelectionEqualsTheHeapRowByRow() {
        java.util.Random random = new java.util.Random(3);
        int rows = 40;
        int cols = 12_000; // long enough that every k below uses the sampled threshold (16k samples, 4x fewer)
        float[] scores = new float[rows * cols];
        for (int k = 0; k < scores.length; k++) {
            // few distinct values: many ties; some excluded (-inf) and undefined (NaN) entries
            int kind = random.nextInt(50);
            scores[k] = kind == 0 ? Float.NEGATIVE_INFINITY : kind == 1 ? Float.NaN : random.nextInt(200) / 7f;
        }
        // a row with fewer usable scores than k, and one with nothing usable
        java.util.Arrays.fill(scores, 5 * cols, 6 * cols, Float.NEGATIVE_INFINITY);
        scores[5 * cols + 4321] = 1f;
        java.util.Arrays.fill(scores, 6 * cols, 7 * cols, Float.NaN);
        // a row sorted ascending (the best at the end) and a constant row (every score ties with the threshold)
        for (int j = 0; j < cols; j++) {
            scores[7 * cols + j] = j;
        }
        java.util.Arrays.fill(scores, 8 * cols, 9 * cols, 2.5f);
        // a row sorted descending: the prefix holds the best scores, the threshold estimated from it lets fewer
        // than k through, and the row is selected again without one
        for (int j = 0; j < cols; j++) {
            scores[9 * cols + j] = -j;
        }
        for (int k : new int[] {1, 10, 100, 157}) {
            int[] expectedItems = new int[rows * k];
            float[] expectedScores = new float[rows * k];
            int[] rowItems = new int[k];
            float[] rowScores = new float[k];
            for (int r = 0; r < rows; r++) {
                int n = TopK.select(scores, r * cols, cols, k, rowItems, rowScores);
                for (int x = 0; x < k; x++) {
                    expectedItems[r * k + x] = x < n ? rowItems[x] : -1;
                    expectedScores[r * k + x] = x < n ? rowScores[x] : Float.NEGATIVE_INFINITY;
                }
            }
            int[] items = new int[rows * k];
            float[] best = new float[rows * k];
            TopK.selectRows(scores, rows, cols, k, items, best);
            assertArrayEquals(expectedItems, items, "k = " + k);
            assertArrayEquals(expectedScores, best, "k = " + k);
        }
    }
}
