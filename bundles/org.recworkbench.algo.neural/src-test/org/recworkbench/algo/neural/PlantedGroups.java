package org.recworkbench.algo.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * A world whose answer is known: groups of users, each group liking its own 10 items (group g items 10g..10g+9).
 * Each user shows 6 of their group's 10 items in training; the other 4 are theirs to find. A model that learned the
 * groups ranks exactly those 4 first among the unseen items.
 */
final class PlantedGroups {

    /** A plain triple loop, for the models that score through a backend. */
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

    final int users;
    final int items;
    final Interactions train;
    /** Each user's 4 unseen group items. */
    final int[][] unseen;

    /** Two groups of 20 users over 20 items. */
    PlantedGroups() {
        this(2, 20);
    }

    PlantedGroups(int groups, int usersPerGroup) {
        users = groups * usersPerGroup;
        items = groups * 10;
        unseen = new int[users][];
        SplittableRandom random = new SplittableRandom(5);
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int first = u / usersPerGroup * 10;
            int[] group = IntStream.range(first, first + 10).toArray();
            for (int k = 9; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = group[k];
                group[k] = group[j];
                group[j] = t;
            }
            for (int k = 0; k < 6; k++) {
                rows.add(new int[] {u, group[k]});
            }
            unseen[u] = Arrays.copyOfRange(group, 6, 10);
        }
        int[] rowUsers = rows.stream().mapToInt(r -> r[0]).toArray();
        int[] rowItems = rows.stream().mapToInt(r -> r[1]).toArray();
        float[] ones = new float[rowUsers.length];
        Arrays.fill(ones, 1f);
        train = new Interactions(users, items, rowUsers, rowItems, ones, new long[rowUsers.length]);
    }

    TrainingContext context(long seed) {
        return context(seed, NAIVE);
    }

    TrainingContext context(long seed, ComputeBackend backend) {
        Dataset d = new Dataset("planted", IdIndex.sequential("u", users), IdIndex.sequential("i", items), train,
                null, null, Map.of());
        return new TrainingContext(d, seed, ProgressMonitor.NONE, backend, 1);
    }

    float[] scores(Model m) {
        float[] out = new float[users * items];
        m.scoreAll(IntStream.range(0, users).toArray(), out);
        return out;
    }

    /** Asserts that every user's 4 best unseen items are exactly their 4 unseen group items. */
    void assertLearned(Model m) {
        float[] s = scores(m);
        var seen = train.userItems();
        for (int u = 0; u < users; u++) {
            int[] top = m.recommend(u, 4, seen.rowColumns(u));
            int[] expected = unseen[u].clone();
            Arrays.sort(top);
            Arrays.sort(expected);
            assertArrayEquals(expected, top, "user " + u + " scores "
                    + Arrays.toString(Arrays.copyOfRange(s, u * items, (u + 1) * items)));
        }
    }
}
