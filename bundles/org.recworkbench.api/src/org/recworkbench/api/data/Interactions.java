package org.recworkbench.api.data;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable column-wise user–item interactions: {@code user[i]}, {@code item[i]}, {@code value[i]}
 * (rating, play count or 1 for implicit feedback) and {@code timestamp(i)} (seconds since the epoch, 0 when
 * unknown), plus optional named extra columns (position, propensity, …). Timestamps are stored as 32-bit
 * offsets from a base, so the columns take 16 bytes per interaction (a dataset may span 68 years); the CSR
 * views add 8 bytes per interaction each once built.
 *
 * <p>The column arrays are exposed for speed and must not be modified. The CSR views are built on first
 * use and cached; this is thread safe.
 *
 * @since 1.0
 */
public final class Interactions {

    private final int numUsers;
    private final int numItems;
    private final int[] users;
    private final int[] items;
    private final float[] values;
    private final long timeBase;
    private final int[] timeOffsets;
    private final Map<String, float[]> extraColumns;
    private volatile SparseMatrix userItems;
    private volatile SparseMatrix itemUsers;

    /**
     * @param timestamps seconds since the epoch; the whole column must span less than 2^31 seconds (68 years)
     */
    public Interactions(int numUsers, int numItems, int[] users, int[] items, float[] values, long[] timestamps,
            Map<String, float[]> extraColumns) {
        this(numUsers, numItems, users, items, values, base(timestamps), offsets(timestamps), extraColumns);
    }

    /** With timestamps given as {@code timeBase + timeOffsets[i]} seconds. */
    public Interactions(int numUsers, int numItems, int[] users, int[] items, float[] values, long timeBase,
            int[] timeOffsets, Map<String, float[]> extraColumns) {
        int n = users.length;
        if (items.length != n || values.length != n || timeOffsets.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        this.extraColumns = Map.copyOf(extraColumns == null ? Map.of() : extraColumns);
        for (Map.Entry<String, float[]> e : this.extraColumns.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("extra column " + e.getKey() + " differs in length");
            }
        }
        for (int i = 0; i < n; i++) {
            if (users[i] < 0 || users[i] >= numUsers || items[i] < 0 || items[i] >= numItems) {
                throw new IllegalArgumentException("interaction " + i + " out of range: user " + users[i]
                        + " item " + items[i]);
            }
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.users = users;
        this.items = items;
        this.values = values;
        this.timeBase = timeBase;
        this.timeOffsets = timeOffsets;
    }

    private static long base(long[] timestamps) {
        long min = Long.MAX_VALUE;
        for (long t : timestamps) {
            min = Math.min(min, t);
        }
        return timestamps.length == 0 ? 0 : min;
    }

    private static int[] offsets(long[] timestamps) {
        long base = base(timestamps);
        int[] offsets = new int[timestamps.length];
        for (int i = 0; i < offsets.length; i++) {
            long d = timestamps[i] - base;
            if (d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timestamps span more than 2^31 seconds (68 years): "
                        + base + " .. " + timestamps[i]);
            }
            offsets[i] = (int) d;
        }
        return offsets;
    }

    public Interactions(int numUsers, int numItems, int[] users, int[] items, float[] values, long[] timestamps) {
        this(numUsers, numItems, users, items, values, timestamps, Map.of());
    }

    /** The rows at the given positions (in that order), with every column, over the same id space. */
    public Interactions select(int[] rows) {
        int n = rows.length;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            u[i] = users[r];
            it[i] = items[r];
            v[i] = values[r];
            t[i] = timeOffsets[r];
        }
        Map<String, float[]> extra = new java.util.HashMap<>();
        for (Map.Entry<String, float[]> e : extraColumns.entrySet()) {
            float[] src = e.getValue();
            float[] dst = new float[n];
            for (int i = 0; i < n; i++) {
                dst[i] = src[rows[i]];
            }
            extra.put(e.getKey(), dst);
        }
        return new Interactions(numUsers, numItems, u, it, v, timeBase, t, extra);
    }

    /** The same interactions with other values (e.g. binarized), sharing every other column. */
    public Interactions withValues(float[] newValues) {
        return new Interactions(numUsers, numItems, users, items, newValues, timeBase, timeOffsets, extraColumns);
    }

    /** The same interactions with other extra columns, sharing the main columns. */
    public Interactions withExtraColumns(Map<String, float[]> columns) {
        return new Interactions(numUsers, numItems, users, items, values, timeBase, timeOffsets, columns);
    }

    public int size() {
        return users.length;
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    public int[] users() {
        return users;
    }

    public int[] items() {
        return items;
    }

    public float[] values() {
        return values;
    }

    /** The timestamp of one interaction, in seconds since the epoch. */
    public long timestamp(int row) {
        return timeBase + timeOffsets[row];
    }

    /** All timestamps as a fresh array (8 bytes per interaction: for splitters, not for hot loops). */
    public long[] copyTimestamps() {
        long[] t = new long[timeOffsets.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = timeBase + timeOffsets[i];
        }
        return t;
    }

    public Map<String, float[]> extraColumns() {
        return extraColumns;
    }

    /** The user→items CSR view; entry values are the interaction values. */
    public SparseMatrix userItems() {
        SparseMatrix m = userItems;
        if (m == null) {
            synchronized (this) {
                m = userItems;
                if (m == null) {
                    m = SparseMatrix.fromCoordinates(numUsers, numItems, users, items, values);
                    userItems = m;
                }
            }
        }
        return m;
    }

    /** The item→users CSR view; entry values are the interaction values. */
    public SparseMatrix itemUsers() {
        SparseMatrix m = itemUsers;
        if (m == null) {
            synchronized (this) {
                m = itemUsers;
                if (m == null) {
                    m = SparseMatrix.fromCoordinates(numItems, numUsers, items, users, values);
                    itemUsers = m;
                }
            }
        }
        return m;
    }

    /** Number of interactions per item. */
    public int[] itemCounts() {
        int[] counts = new int[numItems];
        for (int item : items) {
            counts[item]++;
        }
        return counts;
    }

    /** Number of interactions per user. */
    public int[] userCounts() {
        int[] counts = new int[numUsers];
        for (int user : users) {
            counts[user]++;
        }
        return counts;
    }

    /** Approximate heap bytes held by the columns (not the cached CSR views). */
    public long columnBytes() {
        long bytes = (long) size() * (4 + 4 + 4 + 4);
        for (float[] c : extraColumns.values()) {
            bytes += 4L * c.length;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interactions x && x.numUsers == numUsers && x.numItems == numItems
                && Arrays.equals(x.users, users) && Arrays.equals(x.items, items) && Arrays.equals(x.values, values)
                && Arrays.equals(x.copyTimestamps(), copyTimestamps());
    }

    @Override
    public int hashCode() {
        return Objects.hash(numUsers, numItems, Arrays.hashCode(users), Arrays.hashCode(items));
    }
}
