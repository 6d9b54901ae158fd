package org.recworkbench.api.data;

import java.util.Arrays;

/**
 * An immutable compressed-sparse-row matrix of floats. Row {@code r}'s entries are at positions
 * {@code rowStart(r) .. rowEnd(r)-1} of {@link #columns()} and {@link #values()}, with columns sorted
 * ascending. The arrays are exposed for speed: callers must not modify them.
 *
 * @since 1.0
 */
public final class SparseMatrix {

    private final int rows;
    private final int cols;
    private final int[] rowPointers;
    private final int[] columns;
    private final float[] values;

    /**
     * @param rowPointers length {@code rows + 1}, non-decreasing, last element = number of entries
     */
    public SparseMatrix(int rows, int cols, int[] rowPointers, int[] columns, float[] values) {
        if (rowPointers.length != rows + 1 || columns.length != values.length
                || rowPointers[rows] != columns.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.rows = rows;
        this.cols = cols;
        this.rowPointers = rowPointers;
        this.columns = columns;
        this.values = values;
    }

    /**
     * Builds a CSR matrix from coordinate triplets by counting sort. Duplicate (row, col) pairs are kept as
     * separate entries; columns within a row are sorted.
     */
    public static SparseMatrix fromCoordinates(int rows, int cols, int[] r, int[] c, float[] v) {
        int n = r.length;
        int[] ptr = new int[rows + 1];
        for (int i = 0; i < n; i++) {
            ptr[r[i] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] fill = Arrays.copyOf(ptr, rows);
        int[] colOut = new int[n];
        float[] valOut = new float[n];
        for (int i = 0; i < n; i++) {
            int pos = fill[r[i]]++;
            colOut[pos] = c[i];
            valOut[pos] = v == null ? 1f : v[i];
        }
        for (int row = 0; row < rows; row++) {
            sortRow(colOut, valOut, ptr[row], ptr[row + 1]);
        }
        return new SparseMatrix(rows, cols, ptr, colOut, valOut);
    }

    private static void sortRow(int[] cols, float[] vals, int from, int to) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = cols[i - 1] <= cols[i];
        }
        if (sorted) {
            return;
        }
        // insertion sort is fine for short rows; long rows go through an index sort
        if (to - from < 32) {
            for (int i = from + 1; i < to; i++) {
                int c = cols[i];
                float v = vals[i];
                int j = i - 1;
                while (j >= from && cols[j] > c) {
                    cols[j + 1] = cols[j];
                    vals[j + 1] = vals[j];
                    j--;
                }
                cols[j + 1] = c;
                vals[j + 1] = v;
            }
            return;
        }
        long[] packed = new long[to - from];
        for (int i = from; i < to; i++) {
            packed[i - from] = ((long) cols[i] << 32) | (Float.floatToRawIntBits(vals[i]) & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int i = from; i < to; i++) {
            cols[i] = (int) (packed[i - from] >>> 32);
            vals[i] = Float.intBitsToFloat((int) packed[i - from]);
        }
    }

    /** The transpose, in CSR form (i.e. the CSC view of this matrix). */
    public SparseMatrix transpose() {
        int n = columns.length;
        int[] r = new int[n];
        for (int row = 0; row < rows; row++) {
            Arrays.fill(r, rowPointers[row], rowPointers[row + 1], row);
        }
        return fromCoordinates(cols, rows, columns, r, values);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nonZeros() {
        return columns.length;
    }

    public int rowStart(int row) {
        return rowPointers[row];
    }

    public int rowEnd(int row) {
        return rowPointers[row + 1];
    }

    public int rowLength(int row) {
        return rowPointers[row + 1] - rowPointers[row];
    }

    /** The column indices of one row, as a fresh array. */
    public int[] rowColumns(int row) {
        return Arrays.copyOfRange(columns, rowPointers[row], rowPointers[row + 1]);
    }

    /** Whether the (sorted) row contains the column, by binary search. */
    public boolean contains(int row, int col) {
        return Arrays.binarySearch(columns, rowPointers[row], rowPointers[row + 1], col) >= 0;
    }

    public int[] rowPointers() {
        return rowPointers;
    }

    public int[] columns() {
        return columns;
    }

    public float[] values() {
        return values;
    }
}
