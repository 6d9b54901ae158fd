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

    public int size() {
        return size;
    }

    public Interactions build(int numUsers, int numItems) {
        return new Interactions(numUsers, numItems, Arrays.copyOf(users, size), Arrays.copyOf(items, size),
                Arrays.copyOf(values, size), Arrays.copyOf(timestamps, size));
    }
}
