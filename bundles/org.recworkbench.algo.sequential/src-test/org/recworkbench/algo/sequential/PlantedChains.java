package org.recworkbench.algo.sequential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;

/** The tiny world of the sequential models' tests: users walking a planted next-item rule, and what scores them. */
final class PlantedChains {
    private PlantedChains() {
    }

    static final int ITEMS = 30;

    /**
     * The planted rule: the items in one shuffled circle (fixed seed), each followed by its neighbour on the circle;
     * one cycle through all 30 items, so a chain of up to 10 never comes back to an item.
     */
    private static final int[] NEXT = circle(42);

    private static int[] circle(long seed) {
        int[] order = IntStream.range(0, ITEMS).toArray();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = ITEMS - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] next = new int[ITEMS];
        for (int k = 0; k < ITEMS; k++) {
            next[order[k]] = order[(k + 1) % ITEMS];
        }
        return next;
    }

    private static int next(int item) {
        return NEXT[item];
    }

    /**
     * 90 users, each a chain of 6–10 items under the rule from a random start; the last item of each chain is held
     * out. Timestamps go up along the chain but the rows are written in reverse, so only the timestamps give the
     * order.
     */
    record World(Interactions train, int[] heldOut) {
        static World make(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int users = 90;
            List<int[]> rows = new ArrayList<>();
            int[] heldOut = new int[users];
            for (int u = 0; u < users; u++) {
                int length = 6 + r.nextInt(5);
                int[] chain = new int[length];
                chain[0] = r.nextInt(ITEMS);
                for (int p = 1; p < length; p++) {
                    chain[p] = next(chain[p - 1]);
                }
                heldOut[u] = chain[length - 1];
                for (int p = length - 2; p >= 0; p--) {
                    rows.add(new int[] {u, chain[p], 1000 + 10 * p});
                }
            }
            int n = rows.size();
            int[] us = new int[n];
            int[] is = new int[n];
            long[] ts = new long[n];
            for (int k = 0; k < n; k++) {
                us[k] = rows.get(k)[0];
                is[k] = rows.get(k)[1];
                ts[k] = rows.get(k)[2];
            }
            float[] ones = new float[n];
            java.util.Arrays.fill(ones, 1f);
            return new World(new Interactions(users, ITEMS, us, is, ones, ts), heldOut);
        }
    }

    static TrainingContext context(Interactions train, long seed) {
        Dataset d = new Dataset("planted", IdIndex.sequential("u", train.numUsers()),
                IdIndex.sequential("i", train.numItems()), train, null, null, Map.of());
        return new TrainingContext(d, seed, ProgressMonitor.NONE, NAIVE, 1);
    }

    /** The share of users whose best item (items seen in training excluded) is their held-out next item. */
    static double hitRateAt1(Model m, World w) {
        int users = w.heldOut().length;
        var seen = w.train().userItems();
        int hits = 0;
        for (int u = 0; u < users; u++) {
            int[] excluded = java.util.Arrays.copyOfRange(seen.columns(), seen.rowStart(u), seen.rowEnd(u));
            if (m.recommend(u, 1, excluded)[0] == w.heldOut()[u]) {
                hits++;
            }
        }
        return hits / (double) users;
    }

    static float[] scores(Model m) {
        float[] out = new float[m.numUsers() * m.numItems()];
        m.scoreAll(IntStream.range(0, m.numUsers()).toArray(), out);
        return out;
    }

    /** A plain triple loop: the reference product for the factor model's scores. */
    static final ComputeBackend NAIVE = new ComputeBackend() {
        @Override
        public String id() {
            return "naive";
        }

        @Override
        public String description() {
            return "test loops";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int k = 0; k < d; k++) {
                        s += a[i * d + k] * b[j * d + k];
                    }
                    out[i * n + j] = s;
                }
            }
        }
    };
}
