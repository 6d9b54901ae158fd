package org.recworkbench.api.data;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable column-wise user–item interactions: {@code user[i]}, {@code item[i]}, {@code value[i]}
 * (rating, play count or 1 for implicit feedback) and {@code timestamp[i]} (seconds since the epoch, 0 when
 * unknown), plus optional named extra columns (position, propensity, …). Memory is 20 bytes per
 * interaction plus the CSR views once built.
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
    private final long[] timestamps;
    private final Map<String, float[]> extraColumns;
    private volatile SparseMatrix userItems;
    private volatile SparseMatrix itemUsers;

    public Interactions(int numUsers, int numItems, int[] users, int[] items, float[] values, long[] timestamps,
            Map<String, float[]> extraColumns) {
        int n = users.length;
        if (items.length != n || values.length != n || timestamps.length != n) {
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
        this.timestamps = timestamps;
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
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            u[i] = users[r];
            it[i] = items[r];
            v[i] = values[r];
            t[i] = timestamps[r];
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
        return new Interactions(numUsers, numItems, u, it, v, t, extra);
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

    public long[] timestamps() {
        return timestamps;
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
        long bytes = (long) size() * (4 + 4 + 4 + 8);
        for (float[] c : extraColumns.values()) {
            bytes += 4L * c.length;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interactions x && x.numUsers == numUsers && x.numItems == numItems
                && Arrays.equals(x.users, users) && Arrays.equals(x.items, items) && Arrays.equals(x.values, values)
                && Arrays.equals(x.timestamps, timestamps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numUsers, numItems, Arrays.hashCode(users), Arrays.hashCode(items));
    }
}
