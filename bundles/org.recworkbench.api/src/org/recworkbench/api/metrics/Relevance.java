package org.recworkbench.api.metrics;

import java.util.Arrays;

/**
 * The held-out relevant items of one user with their gains (1 for binary relevance, the rating or a
 * graded gain otherwise). Items are sorted ascending and distinct. Immutable.
 *
 * @since 1.0
 */
public final class Relevance {

    private final int[] items;
    private final float[] gains;
    private volatile float[] descending;

    private Relevance(int[] items, float[] gains) {
        this.items = items;
        this.gains = gains;
    }

    /** Binary relevance of the given items (duplicates collapse). */
    public static Relevance binary(int... items) {
        int[] sorted = Arrays.stream(items).sorted().distinct().toArray();
        float[] gains = new float[sorted.length];
        Arrays.fill(gains, 1f);
        return new Relevance(sorted, gains);
    }

    /** Graded relevance; for a duplicated item the largest gain is kept. */
    public static Relevance graded(int[] items, float[] gains) {
        if (items.length != gains.length) {
            throw new IllegalArgumentException("items and gains differ in length");
        }
        Integer[] order = new Integer[items.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(items[a], items[b]));
        int[] outItems = new int[items.length];
        float[] outGains = new float[items.length];
        int n = 0;
        for (Integer idx : order) {
            if (n > 0 && outItems[n - 1] == items[idx]) {
                outGains[n - 1] = Math.max(outGains[n - 1], gains[idx]);
            } else {
                outItems[n] = items[idx];
                outGains[n] = gains[idx];
                n++;
            }
        }
        return new Relevance(Arrays.copyOf(outItems, n), Arrays.copyOf(outGains, n));
    }

    public int size() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    public boolean contains(int item) {
        return Arrays.binarySearch(items, item) >= 0;
    }

    /** The gain of an item, 0 when not relevant. */
    public float gain(int item) {
        int pos = Arrays.binarySearch(items, item);
        return pos >= 0 ? gains[pos] : 0f;
    }

    /** The gains sorted in descending order (for ideal DCG); computed once. Do not modify. */
    public float[] gainsDescending() {
        float[] d = descending;
        if (d == null) {
            d = gains.clone();
            Arrays.sort(d);
            for (int i = 0, j = d.length - 1; i < j; i++, j--) {
                float t = d[i];
                d[i] = d[j];
                d[j] = t;
            }
            descending = d;
        }
        return d;
    }

    public int[] items() {
        return items.clone();
    }
}
