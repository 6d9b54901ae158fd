package org.recworkbench.data.support;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;

/**
 * What a load found that deserves a warning but not a refusal, counted with the place of the first case: blank
 * lines between records, fractional ratings in a release whose scale is whole stars, and repeated (user, item)
 * pairs. The data is loaded exactly as before (nothing is dropped or changed); each finding becomes a metadata
 * entry {@code warning.<kind>} that the engine reports (on stderr in {@code recwb}). Not thread safe.
 */
public final class LoadWarnings {
    /** Metadata keys of warnings start with this. */
    public static final String PREFIX = org.recworkbench.api.data.Dataset.WARNING_PREFIX;

    private final RowLines rows = new RowLines();
    private final boolean pairsRepeat;
    private final Map<String, String> warnings = new LinkedHashMap<>();
    private long blankLines;
    private String firstBlank;
    private long fractional;
    private String firstFractional;
    private long duplicatePairs;

    /** Warnings for a dataset of ratings or consumption, where a repeated (user, item) pair is worth a warning. */
    public LoadWarnings() {
        this(false);
    }

    /**
     * @param pairsRepeat whether (user, item) pairs legitimately repeat in this format (logged impressions, clicks
     *     in sessions, a track twice in a playlist), so that repetition is not worth a warning
     */
    public LoadWarnings(boolean pairsRepeat) {
        this.pairsRepeat = pairsRepeat;
    }

    /** Where each interaction row was read; adapters add every row they keep. */
    public RowLines rows() {
        return rows;
    }

    /** Counts the blank lines a source skipped between records. */
    public void blankLines(LineSource src) {
        blankLines(src.file(), src.blankLines(), src.firstBlankLine());
    }

    public void blankLines(java.nio.file.Path file, long count, long firstLine) {
        if (count > 0) {
            if (blankLines == 0) {
                firstBlank = file.getFileName() + ":" + firstLine;
            }
            blankLines += count;
        }
    }

    /** Counts a rating with a fraction in a release whose ratings are whole numbers ({@code where}: file:line). */
    public void fractionalRating(String where, float value) {
        if (fractional++ == 0) {
            firstFractional = where + " (" + value + ")";
        }
    }

    /** Checks the loaded interactions for repeated pairs and adds every warning to {@code metadata}. */
    public void describe(Interactions x, IdIndex users, IdIndex items, String scale, Map<String, String> metadata) {
        if (blankLines > 0) {
            warnings.put(PREFIX + "blank-lines", count(blankLines, "blank line") + " skipped, first at " + firstBlank);
        }
        if (fractional > 0) {
            warnings.put(PREFIX + "fractional-ratings", count(fractional, "rating") + " with a fraction in a release "
                    + "rated in whole steps (" + scale + "), first at " + firstFractional + "; kept as they are");
        }
        long[] dup = pairsRepeat ? new long[] {0, -1} : duplicates(x);
        duplicatePairs = dup[0];
        if (dup[0] > 0) {
            int r = (int) dup[1];
            warnings.put(PREFIX + "duplicates", count(dup[0], "repeated (user, item) pair") + ", first at "
                    + rows.where(r) + " (user " + users.id(x.users()[r]) + ", item " + items.id(x.items()[r])
                    + "); all kept: add the dedup filter to keep one per pair");
        }
        metadata.putAll(warnings);
    }

    /** The rows that repeat an earlier (user, item) pair, as counted by {@link #describe}. */
    public long duplicatePairs() {
        return duplicatePairs;
    }

    private static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }

    /**
     * The number of rows that repeat an earlier row's (user, item) pair, and the first such row in file order (-1
     * when none). Linear: each item remembers the last user that had it, over the rows grouped by user. Most
     * releases list each user's rows together (MovieLens, Netflix per movie aside), which one sequential pass
     * detects; then the rows are already grouped. Otherwise they are grouped with a counting sort by user (stable,
     * so in file order within a user), which costs 4 bytes a row for a moment.
     */
    static long[] duplicates(Interactions x) {
        int n = x.size();
        int[] users = x.users();
        int[] items = x.items();
        int[] lastUser = new int[x.numItems()];
        java.util.Arrays.fill(lastUser, -1);
        if (groupedByUser(users, x.numUsers())) {
            long count = 0;
            int first = -1;
            for (int r = 0; r < n; r++) {
                if (lastUser[items[r]] == users[r]) {
                    if (count++ == 0) {
                        first = r;
                    }
                } else {
                    lastUser[items[r]] = users[r];
                }
            }
            return new long[] {count, first};
        }
        int[] start = new int[x.numUsers() + 1];
        for (int r = 0; r < n; r++) {
            start[users[r] + 1]++;
        }
        for (int u = 0; u < x.numUsers(); u++) {
            start[u + 1] += start[u];
        }
        int[] next = Arrays.copyOf(start, x.numUsers());
        int[] byUser = new int[n];
        for (int r = 0; r < n; r++) {
            byUser[next[users[r]]++] = r;
        }
        long count = 0;
        int first = Integer.MAX_VALUE;
        for (int u = 0; u < x.numUsers(); u++) {
            for (int p = start[u]; p < start[u + 1]; p++) {
                int r = byUser[p];
                if (lastUser[items[r]] == u) {
                    count++;
                    first = Math.min(first, r);
                } else {
                    lastUser[items[r]] = u;
                }
            }
        }
        return new long[] {count, count == 0 ? -1 : first};
    }

    /** Whether each user's rows are contiguous (a user, once left, never comes back). */
    private static boolean groupedByUser(int[] users, int numUsers) {
        java.util.BitSet left = new java.util.BitSet(numUsers);
        for (int r = 1; r < users.length; r++) {
            if (users[r] != users[r - 1]) {
                if (left.get(users[r])) {
                    return false;
                }
                left.set(users[r - 1]);
            }
        }
        return true;
    }
}
