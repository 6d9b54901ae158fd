package org.recworkbench.algo.support;

import java.util.Arrays;
import org.recworkbench.api.data.Interactions;

/**
 * Each user's training items in time order (equal timestamps keep the order of the rows), the input of every
 * sequential model and of histories that must not see the future (two-tower training pairs). Stored as one CSR pair: {@code items[start[u] .. start[u + 1])} is user {@code u}'s sequence.
 * Repeated consumptions stay in the sequence (a next-item model should see them).
 */
public final class Sequences {
    private final int[] start;
    private final int[] items;
    private final int numItems;

    private Sequences(int[] start, int[] items, int numItems) {
        this.start = start;
        this.items = items;
        this.numItems = numItems;
    }

    public static Sequences of(Interactions train) {
        int users = train.numUsers();
        int n = train.size();
        int[] u = train.users();
        int[] it = train.items();
        int[] start = new int[users + 1];
        for (int i = 0; i < n; i++) {
            start[u[i] + 1]++;
        }
        for (int k = 0; k < users; k++) {
            start[k + 1] += start[k];
        }
        int[] rows = new int[n];
        int[] fill = Arrays.copyOf(start, users);
        for (int i = 0; i < n; i++) {
            rows[fill[u[i]]++] = i; // rows of each user in row order
        }
        int[] items = new int[n];
        for (int k = 0; k < users; k++) {
            Integer[] order = new Integer[start[k + 1] - start[k]];
            for (int p = 0; p < order.length; p++) {
                order[p] = rows[start[k] + p];
            }
            Arrays.sort(order, (a, b) -> Long.compare(train.timestamp(a), train.timestamp(b))); // stable
            for (int p = 0; p < order.length; p++) {
                items[start[k] + p] = it[order[p]];
            }
        }
        return new Sequences(start, items, train.numItems());
    }

    public int numUsers() {
        return start.length - 1;
    }

    public int numItems() {
        return numItems;
    }

    public int length(int user) {
        return start[user + 1] - start[user];
    }

    /** The user's sequence, oldest first (a copy). */
    public int[] of(int user) {
        return Arrays.copyOfRange(items, start[user], start[user + 1]);
    }

    /** The item at position {@code p} (0 = oldest) of the user's sequence. */
    public int item(int user, int p) {
        return items[start[user] + p];
    }

    /** Distinct values in the sorted {@code cols[from, to)}, e.g. a CSR row (a repeated item counts once). */
    public static int distinct(int[] cols, int from, int to) {
        int n = 0;
        for (int p = from; p < to; p++) {
            if (p == from || cols[p] != cols[p - 1]) {
                n++;
            }
        }
        return n;
    }

    /** The users whose sequences have at least {@code min} items, in index order. */
    public int[] usersWithAtLeast(int min) {
        return java.util.stream.IntStream.range(0, numUsers()).filter(u -> length(u) >= min).toArray();
    }

    /**
     * Writes the most recent {@code window} items that end just before position {@code end} (exclusive) of the
     * user's sequence into {@code out[offset .. offset + window)}, right-aligned, as item index + 1 (0 = padding
     * on the left when the history is shorter). A longer history is truncated to its most recent items.
     */
    public void window(int user, int end, int window, int[] out, int offset) {
        if (end < 0 || end > length(user)) {
            throw new IndexOutOfBoundsException("end " + end + " outside 0.." + length(user) + " for user " + user);
        }
        int take = Math.min(end, window);
        int pad = window - take;
        Arrays.fill(out, offset, offset + pad, 0);
        int from = start[user] + end - take;
        for (int p = 0; p < take; p++) {
            out[offset + pad + p] = items[from + p] + 1;
        }
    }

    /**
     * One training window: the inputs are the most recent {@code window} items before the user's last one, the
     * targets the item after each input (so the window ends with the last item as a target); both right-aligned as
     * index + 1, with 0 on the left where the history is shorter.
     *
     * @return the number of (input, target) pairs written
     */
    public int pairs(int user, int window, int[] inputs, int[] targets, int offset) {
        int take = Math.max(0, Math.min(length(user) - 1, window));
        window(user, Math.max(0, length(user) - 1), window, inputs, offset);
        int pad = window - take;
        Arrays.fill(targets, offset, offset + pad, 0);
        int from = start[user + 1] - take;
        for (int p = 0; p < take; p++) {
            targets[offset + pad + p] = items[from + p] + 1;
        }
        return take;
    }
}
