package org.recworkbench.data.support;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where each interaction row was read (file and line), so that a problem found after loading (a duplicated pair)
 * can be reported at its place. Kept as anchors: a row that follows its predecessor on the next line of the same
 * file costs nothing, so a clean file needs one anchor and the memory grows only with blank lines, skipped rows,
 * multi-line records and file changes. Not thread safe.
 */
public final class RowLines {
    private int[] rows = new int[16];
    private long[] lines = new long[16];
    private Path[] files = new Path[16];
    private int anchors;

    /** Records that interaction row {@code row} (rows are added in increasing order) was read at file:line. */
    public void add(int row, Path file, long line) {
        if (anchors > 0) {
            int a = anchors - 1;
            if (files[a] == file && line - lines[a] == row - rows[a]) {
                return;
            }
        }
        if (anchors == rows.length) {
            rows = Arrays.copyOf(rows, anchors * 2);
            lines = Arrays.copyOf(lines, anchors * 2);
            files = Arrays.copyOf(files, anchors * 2);
        }
        rows[anchors] = row;
        lines[anchors] = line;
        files[anchors] = file;
        anchors++;
    }

    /** Forgets the rows from {@code rowCount} on (an abandoned attempt whose rows were dropped). */
    public void truncate(int rowCount) {
        while (anchors > 0 && rows[anchors - 1] >= rowCount) {
            anchors--;
        }
    }

    /** {@code file:line} of a row, or {@code row N} when it was not recorded. */
    public String where(int row) {
        int a = Arrays.binarySearch(rows, 0, anchors, row);
        if (a < 0) {
            a = -a - 2;
        }
        if (a < 0) {
            return "row " + (row + 1);
        }
        return files[a].getFileName() + ":" + (lines[a] + row - rows[a]);
    }
}
