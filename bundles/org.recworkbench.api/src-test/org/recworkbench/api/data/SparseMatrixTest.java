package org.recworkbench.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparseMatrixTest {

    @Test
    void buildsSortedRowsFromUnorderedTriplets() {
        // 3x4: row 0 = {3:1, 1:2}, row 2 = {0:5}
        SparseMatrix m = SparseMatrix.fromCoordinates(3, 4, new int[] {0, 2, 0}, new int[] {3, 0, 1},
                new float[] {1, 5, 2});
        assertArrayEquals(new int[] {0, 2, 2, 3}, m.rowPointers());
        assertArrayEquals(new int[] {1, 3, 0}, m.columns());
        assertArrayEquals(new float[] {2, 1, 5}, m.values());
        assertTrue(m.contains(0, 3));
        assertFalse(m.contains(1, 3));
        assertEquals(0, m.rowLength(1));
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        SparseMatrix m = SparseMatrix.fromCoordinates(2, 3, new int[] {0, 0, 1}, new int[] {0, 2, 2},
                new float[] {1, 2, 3});
        SparseMatrix t = m.transpose();
        assertEquals(3, t.rows());
        assertArrayEquals(new int[] {0, 1, 1, 3}, t.rowPointers());
        assertArrayEquals(new int[] {0, 0, 1}, t.columns());
        assertArrayEquals(new float[] {1, 2, 3}, t.values());
    }

    @Test
    void longRowsAreSortedToo() {
        int n = 100;
        int[] rows = new int[n];
        int[] cols = new int[n];
        float[] vals = new float[n];
        for (int i = 0; i < n; i++) {
            cols[i] = n - 1 - i;
            vals[i] = n - 1 - i;
        }
        SparseMatrix m = SparseMatrix.fromCoordinates(1, n, rows, cols, vals);
        for (int i = 0; i < n; i++) {
            assertEquals(i, m.columns()[i]);
            assertEquals(i, m.values()[i]);
        }
    }

    @Test
    void interactionsRejectOutOfRangeIds() {
        assertThrows(IllegalArgumentException.class, () -> new Interactions(2, 2, new int[] {2}, new int[] {0},
                new float[] {1}, new long[] {0}));
    }

    @Test
    void idIndexRoundTripsAndRejectsDuplicates() {
        IdIndex idx = IdIndex.of(java.util.List.of("a", "b", "c"));
        assertEquals(1, idx.indexOf("b"));
        assertEquals("c", idx.id(2));
        assertEquals(-1, idx.indexOf("z"));
        assertThrows(IllegalArgumentException.class, () -> IdIndex.of(java.util.List.of("a", "a")));
    }
}
