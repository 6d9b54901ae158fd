package org.recworkbench.core;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Interactions;

/**
 * Summary statistics of a dataset, as {@code recwb describe} prints them.
 *
 * @param users users with at least one interaction
 * @param items items with at least one interaction
 * @param density interactions / (users × items), over active users and items
 * @param valueHistogram count per interaction value (ratings rounded to 0.5), for explicit data
 * @param itemGini Gini index of the item popularity distribution over active items (0 = uniform)
 * @param shortHeadShare share of interactions on the most popular 20% of active items
 */
public record DatasetStatistics(String name, int userIndexSize, int itemIndexSize, int users, int items,
        long interactions, double density, double meanValue, Map<Double, Long> valueHistogram,
        int minPerUser, double medianPerUser, double meanPerUser, int maxPerUser, int minPerItem,
        double medianPerItem, int maxPerItem, double itemGini, double shortHeadShare, long firstTimestamp,
        long lastTimestamp) {

    public static DatasetStatistics of(Dataset dataset) {
        Interactions x = dataset.interactions();
        int[] perUser = active(x.userCounts());
        int[] perItem = active(x.itemCounts());
        long n = x.size();
        double density = perUser.length == 0 || perItem.length == 0 ? 0
                : n / ((double) perUser.length * perItem.length);
        double sum = 0;
        Map<Double, Long> histogram = new TreeMap<>();
        for (float v : x.values()) {
            sum += v;
            histogram.merge(Math.round(v * 2.0) / 2.0, 1L, Long::sum);
        }
        if (histogram.size() > 20) {
            histogram = Map.of(); // counts or weights, not a rating scale: a histogram says nothing
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long t : x.copyTimestamps()) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return new DatasetStatistics(dataset.name(), dataset.users().size(), dataset.items().size(),
                perUser.length, perItem.length, n, density, n == 0 ? Double.NaN : sum / n, histogram,
                perUser.length == 0 ? 0 : perUser[0], median(perUser), mean(perUser),
                perUser.length == 0 ? 0 : perUser[perUser.length - 1], perItem.length == 0 ? 0 : perItem[0],
                median(perItem), perItem.length == 0 ? 0 : perItem[perItem.length - 1], gini(perItem),
                shortHeadShare(perItem, 0.2), n == 0 ? 0 : first, n == 0 ? 0 : last);
    }

    /** The non-zero counts, sorted ascending. */
    private static int[] active(int[] counts) {
        return Arrays.stream(counts).filter(c -> c > 0).sorted().toArray();
    }

    private static double median(int[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static double mean(int[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).asLongStream().sum() / (double) values.length;
    }

    /**
     * Gini index of sorted non-negative values: {@code G = sum_i (2i - n - 1) x_i / (n sum x)} with 1-based
     * i over ascending x (0 = perfectly even, close to 1 = all mass on one item).
     */
    static double gini(int[] sortedAscending) {
        int n = sortedAscending.length;
        if (n == 0) {
            return Double.NaN;
        }
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sortedAscending[i];
            weighted += (2.0 * (i + 1) - n - 1) * sortedAscending[i];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }

    /** Share of the total held by the top {@code fraction} of entries (at least one entry). */
    static double shortHeadShare(int[] sortedAscending, double fraction) {
        int n = sortedAscending.length;
        if (n == 0) {
            return Double.NaN;
        }
        int head = Math.max(1, (int) Math.round(n * fraction));
        long total = 0;
        long top = 0;
        for (int i = 0; i < n; i++) {
            total += sortedAscending[i];
            if (i >= n - head) {
                top += sortedAscending[i];
            }
        }
        return total == 0 ? 0 : top / (double) total;
    }
}
