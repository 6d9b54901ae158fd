package org.recworkbench.core.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.api.metrics.Relevance;

/**
 * Sampled-ranking protocols: restricts a user's score row to the relevant items plus N negatives the user
 * has not interacted with, drawn uniformly or in proportion to training popularity, from a generator seeded
 * by (seed, user) so the candidates do not depend on batching or threads. Thread safe.
 */
final class NegativeSampler {
    private final int negatives;
    private final long seed;
    private final long[] cumulative; // popularity-weighted: running sums of training counts; null for uniform

    NegativeSampler(int negatives, long seed, int[] popularity) {
        this.negatives = negatives;
        this.seed = seed;
        if (popularity == null) {
            cumulative = null;
        } else {
            cumulative = new long[popularity.length];
            long sum = 0;
            for (int i = 0; i < popularity.length; i++) {
                sum += popularity[i];
                cumulative[i] = sum;
            }
        }
    }

    /**
     * Leaves only the candidates' scores in {@code scores[offset .. offset+numItems)}, setting the rest to
     * -Infinity; returns the number of candidates.
     */
    int restrict(int user, float[] scores, int offset, int numItems, SparseMatrix seen, Relevance relevant) {
        int[] rel = relevant.items();
        int[] seenItems = user < seen.rows() ? seen.rowColumns(user) : new int[0];
        int eligible = numItems - seenItems.length - rel.length;
        int wanted = Math.max(0, Math.min(negatives, eligible));
        int[] chosen = new int[rel.length + wanted];
        System.arraycopy(rel, 0, chosen, 0, rel.length);
        int n = rel.length;
        SplittableRandom random = new SplittableRandom(mix(seed ^ (user * 0x9E3779B97F4A7C15L)));
        long attempts = 0;
        long maxAttempts = 100L * wanted + 1000;
        int[] picked = new int[wanted];
        int p = 0;
        while (p < wanted && attempts++ < maxAttempts) {
            int item = draw(random, numItems);
            if (item < 0 || Arrays.binarySearch(seenItems, item) >= 0 || relevant.contains(item)
                    || contains(picked, p, item)) {
                continue;
            }
            picked[p++] = item;
        }
        System.arraycopy(picked, 0, chosen, n, p);
        n += p;
        float[] kept = new float[n];
        for (int i = 0; i < n; i++) {
            kept[i] = scores[offset + chosen[i]];
        }
        Arrays.fill(scores, offset, offset + numItems, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            scores[offset + chosen[i]] = kept[i];
        }
        return n;
    }

    private int draw(SplittableRandom random, int numItems) {
        if (cumulative == null) {
            return random.nextInt(numItems);
        }
        long total = cumulative[cumulative.length - 1];
        if (total == 0) {
            return -1;
        }
        long r = random.nextLong(total);
        int pos = Arrays.binarySearch(cumulative, r + 1);
        return pos >= 0 ? firstAt(pos) : -pos - 1;
    }

    /** The first item whose running sum equals the one at {@code pos} (items with zero count are skipped). */
    private int firstAt(int pos) {
        while (pos > 0 && cumulative[pos - 1] == cumulative[pos]) {
            pos--;
        }
        return pos;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
