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
    /** Timestamps as offsets from the first one added: 4 bytes a row while loading, not 8. */
    private int[] timeDeltas;
    private long origin;
    /** A timestamp further than 2^31 s from the first: the span cannot be stored, reported by build(). */
    private long outlier = Long.MIN_VALUE;
    private int size;

    public InteractionsBuilder(int expected) {
        int cap = Math.max(16, expected);
        users = new int[cap];
        items = new int[cap];
        values = new float[cap];
        timeDeltas = new int[cap];
    }

    public void add(int user, int item, float value, long timestamp) {
        if (size == users.length) {
            int cap = size + (size >> 1) + 16;
            users = Arrays.copyOf(users, cap);
            items = Arrays.copyOf(items, cap);
            values = Arrays.copyOf(values, cap);
            timeDeltas = Arrays.copyOf(timeDeltas, cap);
        }
        users[size] = user;
        items[size] = item;
        values[size] = value;
        if (size == 0) {
            origin = timestamp;
        }
        long delta = timestamp - origin;
        if (delta != (int) delta) {
            outlier = timestamp;
        }
        timeDeltas[size] = (int) delta;
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
            timeDeltas = Arrays.copyOf(timeDeltas, capacity);
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

    /**
     * The interactions added so far. Use the builder only once: an exactly full builder (presized with
     * {@link #ensureCapacity}) hands its columns over without copying them and starts empty again.
     */
    public Interactions build(int numUsers, int numItems) {
        int min = 0;
        int max = 0;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, timeDeltas[i]);
            max = Math.max(max, timeDeltas[i]);
        }
        if (outlier != Long.MIN_VALUE || (long) max - min > Integer.MAX_VALUE) {
            long a = outlier != Long.MIN_VALUE ? outlier : origin + max;
            throw new IllegalArgumentException("timestamps span more than 2^31 seconds (68 years): "
                    + Math.min(a, origin + min) + " .. " + Math.max(a, origin + max));
        }
        for (int i = 0; i < size; i++) {
            timeDeltas[i] -= min;
        }
        long base = size == 0 ? 0 : origin + min;
        origin = base;
        // an exactly full (presized) builder hands its columns over instead of copying them, then starts afresh
        boolean handOver = users.length == size;
        Interactions built = new Interactions(numUsers, numItems,
                handOver ? users : Arrays.copyOf(users, size), handOver ? items : Arrays.copyOf(items, size),
                handOver ? values : Arrays.copyOf(values, size), base,
                handOver ? timeDeltas : Arrays.copyOf(timeDeltas, size), java.util.Map.of());
        if (handOver) {
            users = new int[16];
            items = new int[16];
            values = new float[16];
            timeDeltas = new int[16];
            size = 0;
        }
        return built;
    }
}
