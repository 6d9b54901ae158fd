package org.recworkbench.ui.model;

import java.util.Arrays;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.core.DatasetStatistics;

/**
 * What the Datasets view shows of a loaded dataset: the engine's summary statistics (as {@code recwb describe}
 * prints them) and the distributions behind its plots.
 *
 * @param popularity interactions per active item, most popular first (the long tail)
 * @param activityBins lower bounds of the user-activity bins: powers of two, 1, 2, 4, …
 * @param activityUsers number of users whose interaction count falls in each bin
 */
public record DatasetProfile(DatasetStatistics statistics, int[] popularity, int[] activityBins,
        int[] activityUsers) {

    public static DatasetProfile of(Dataset dataset) {
        int[] items = Arrays.stream(dataset.interactions().itemCounts()).filter(c -> c > 0).sorted().toArray();
        int[] popularity = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            popularity[i] = items[items.length - 1 - i];
        }
        int[] users = Arrays.stream(dataset.interactions().userCounts()).filter(c -> c > 0).toArray();
        int maxBin = 0;
        for (int c : users) {
            maxBin = Math.max(maxBin, log2(c));
        }
        int[] bins = new int[maxBin + 1];
        int[] counts = new int[maxBin + 1];
        for (int b = 0; b <= maxBin; b++) {
            bins[b] = 1 << b;
        }
        for (int c : users) {
            counts[log2(c)]++;
        }
        return new DatasetProfile(DatasetStatistics.of(dataset), popularity, bins, counts);
    }

    /** floor(log2(c)) for c ≥ 1: the bin [2^b, 2^(b+1)) that holds c. */
    static int log2(int c) {
        return 31 - Integer.numberOfLeadingZeros(c);
    }
}
