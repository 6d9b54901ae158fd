package org.recworkbench.api.data;

import java.util.Arrays;

/**
 * Appends interactions one at a time into growing primitive columns (no boxing). Not thread safe.
 *
 * @since 1.0
 */
public final class InteractionsBuilder {
    private int[] users;
    private int[] items;
    private float[] values;
    private long[] timestamps;
    private int size;

    public InteractionsBuilder(int expected) {
        int cap = Math.max(16, expected);
        users = new int[cap];
        items = new int[cap];
        values = new float[cap];
        timestamps = new long[cap];
    }

    public void add(int user, int item, float value, long timestamp) {
        if (size == users.length) {
            int cap = size + (size >> 1) + 16;
            users = Arrays.copyOf(users, cap);
            items = Arrays.copyOf(items, cap);
            values = Arrays.copyOf(values, cap);
            timestamps = Arrays.copyOf(timestamps, cap);
        }
        users[size] = user;
        items[size] = item;
        values[size] = value;
        timestamps[size] = timestamp;
        size++;
    }

    /**
     * Makes room for {@code capacity} interactions in one step (a known or estimated row count saves the
     * repeated copies of growing).
     *
     * @since 1.0
     */
    public void ensureCapacity(int capacity) {
        if (capacity > users.length) {
            users = Arrays.copyOf(users, capacity);
            items = Arrays.copyOf(items, capacity);
            values = Arrays.copyOf(values, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
        }
    }

    public int size() {
        return size;
    }

    /**
     * Drops everything added after the first {@code newSize} interactions (to undo an abandoned attempt).
     *
     * @since 1.0
     */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " interactions to " + newSize);
        }
        size = newSize;
    }

    public Interactions build(int numUsers, int numItems) {
        long base = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            base = Math.min(base, timestamps[i]);
        }
        base = size == 0 ? 0 : base;
        int[] offsets = new int[size];
        for (int i = 0; i < size; i++) {
            long d = timestamps[i] - base;
            if (d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timestamps span more than 2^31 seconds (68 years): " + base
                        + " .. " + timestamps[i]);
            }
            offsets[i] = (int) d;
        }
        return new Interactions(numUsers, numItems, Arrays.copyOf(users, size), Arrays.copyOf(items, size),
                Arrays.copyOf(values, size), base, offsets, java.util.Map.of());
    }
}
