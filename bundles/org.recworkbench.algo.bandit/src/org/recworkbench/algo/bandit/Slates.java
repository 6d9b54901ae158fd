package org.recworkbench.algo.bandit;

import org.recworkbench.api.interactive.SeededRandom;

/** Picks the best few candidates by a score indexed by item. */
final class Slates {

    private Slates() {
    }

    /**
     * The {@code size} candidates with the highest scores, best first; scanning starts at a random offset so
     * that ties go to a random candidate.
     */
    static int[] top(double[] score, int[] candidates, int size, SeededRandom random) {
        int m = candidates.length;
        int k = Math.min(size, m);
        int start = m == 1 ? 0 : random.nextInt(m);
        if (k == 1) {
            int best = candidates[start];
            double bestScore = score[best];
            for (int i = 1; i < m; i++) {
                int c = i + start;
                int item = candidates[c >= m ? c - m : c];
                double s = score[item];
                if (s > bestScore) {
                    bestScore = s;
                    best = item;
                }
            }
            return new int[] {best};
        }
        int[] slate = new int[k];
        double[] kept = new double[k];
        int filled = 0;
        for (int i = 0; i < m; i++) {
            int c = i + start;
            int item = candidates[c >= m ? c - m : c];
            double s = score[item];
            if (filled == k && s <= kept[k - 1]) {
                continue;
            }
            int at = filled == k ? k - 1 : filled++;
            while (at > 0 && kept[at - 1] < s) {
                kept[at] = kept[at - 1];
                slate[at] = slate[at - 1];
                at--;
            }
            kept[at] = s;
            slate[at] = item;
        }
        return slate;
    }

    /** A uniformly random slate of distinct candidates (partial Fisher–Yates on a copy). */
    static int[] random(int[] candidates, int size, SeededRandom random) {
        int k = Math.min(size, candidates.length);
        if (k == 1) {
            return new int[] {candidates[random.nextInt(candidates.length)]};
        }
        int[] pool = candidates.clone();
        int[] slate = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            slate[i] = pool[i];
        }
        return slate;
    }
}
