package org.recworkbench.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.api.data.Split;

class SplittersTest {

    /** 50 users; user u has u % 7 + 1 interactions with items (u + j) % 30, at times 1000·u + j. */
    static Dataset dataset() {
        InteractionsBuilder b = new InteractionsBuilder(100);
        for (int u = 0; u < 50; u++) {
            for (int j = 0; j <= u % 7; j++) {
                b.add(u, (u + j) % 30, 1 + (u + j) % 5, 1000L * u + j);
            }
        }
        return new Dataset("toy", IdIndex.sequential("u", 50), IdIndex.sequential("i", 30), b.build(50, 30), null,
                null, Map.of());
    }

    private static Set<Long> keys(Interactions x) {
        Set<Long> s = new HashSet<>();
        for (int i = 0; i < x.size(); i++) {
            s.add(((long) x.users()[i] << 32) | x.items()[i]);
        }
        return s;
    }

    private static void assertPartition(Dataset d, Split s) {
        assertEquals(d.interactions().size(), s.train().size() + s.test().size());
        Set<Long> train = keys(s.train());
        for (Long k : keys(s.test())) {
            assertFalse(train.contains(k));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset d = dataset();
        for (var splitter : new org.recworkbench.api.data.Splitter[] {new RandomHoldoutSplitter(),
                new UserHoldoutSplitter()}) {
            Split a = splitter.split(d, Map.of("test-fraction", 0.3), 7);
            Split b = splitter.split(d, Map.of("test-fraction", 0.3), 7);
            Split c = splitter.split(d, Map.of("test-fraction", 0.3), 8);
            assertEquals(a.test(), b.test(), splitter.id());
            assertEquals(a.train(), b.train(), splitter.id());
            assertNotEquals(keys(a.test()), keys(c.test()), splitter.id());
            assertPartition(d, a);
        }
    }

    @Test
    void randomHoldoutTakesExactlyTheFraction() {
        Dataset d = dataset();
        Split s = new RandomHoldoutSplitter().split(d, Map.of("test-fraction", 0.25), 1);
        assertEquals(Math.round(d.interactions().size() * 0.25), s.test().size());
    }

    @Test
    void userHoldoutKeepsTrainingDataForEveryTestUser() {
        Dataset d = dataset();
        Split s = new UserHoldoutSplitter().split(d, Map.of("test-fraction", 0.5), 3);
        int[] train = s.train().userCounts();
        int[] test = s.test().userCounts();
        int[] all = d.interactions().userCounts();
        for (int u = 0; u < 50; u++) {
            if (all[u] < 2) {
                assertEquals(0, test[u]);
            } else {
                assertEquals(Math.max(1, Math.min(all[u] - 1, Math.round(all[u] * 0.5))), test[u], "user " + u);
                assertTrue(train[u] > 0);
            }
        }
    }

    @Test
    void leaveOneOutHoldsOutTheLatest() {
        Dataset d = dataset();
        Split s = new LeaveOneOutSplitter().split(d, Map.of(), 0);
        for (int i = 0; i < s.test().size(); i++) {
            int u = s.test().users()[i];
            assertEquals(1000L * u + u % 7, s.test().timestamp(i));
        }
        // users 0, 7, ..., 49 (eight of them) have a single interaction and stay in train
        assertEquals(50 - 8, s.test().size());
    }

    @Test
    void temporalPutsTheLatestInTest() {
        Dataset d = dataset();
        Split s = new TemporalSplitter().split(d, Map.of("test-fraction", 0.2), 0);
        long maxTrain = java.util.Arrays.stream(s.train().copyTimestamps()).max().orElseThrow();
        long minTest = java.util.Arrays.stream(s.test().copyTimestamps()).min().orElseThrow();
        assertTrue(maxTrain <= minTest);
    }

    @Test
    void predefinedUsesTheHeldOutColumn() {
        Interactions x = new Interactions(2, 2, new int[] {0, 1, 1}, new int[] {0, 0, 1}, new float[] {1, 1, 1},
                new long[] {0, 0, 0}, Map.of(PredefinedSplitter.HELDOUT_COLUMN, new float[] {0, 1, 0}));
        Dataset d = new Dataset("p", IdIndex.sequential("u", 2), IdIndex.sequential("i", 2), x, null, null, Map.of());
        Split s = new PredefinedSplitter().split(d, Map.of(), 0);
        assertArrayEquals(new int[] {1}, s.test().users());
        assertArrayEquals(new int[] {0}, s.test().items());
        assertThrows(InvalidSpecException.class, () -> new PredefinedSplitter().split(dataset(), Map.of(), 0));
    }

    @Test
    void kCoreIsIterative() {
        // user 0 rates items 0,1; user 1 rates item 0; user 2 rates items 0,1: with 2-core, user 1 goes,
        // then every remaining user and item has 2 interactions
        Interactions x = new Interactions(3, 2, new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 0, 0, 1},
                new float[] {1, 1, 1, 1, 1}, new long[5]);
        Dataset d = new Dataset("k", IdIndex.sequential("u", 3), IdIndex.sequential("i", 2), x, null, null, Map.of());
        Dataset core = new KCoreFilter().apply(d, Map.of("users", 2, "items", 2));
        assertEquals(4, core.interactions().size());
        assertEquals(0, core.interactions().userCounts()[1]);
        // 3-core removes everything, through the cascade
        assertEquals(0, new KCoreFilter().apply(d, Map.of("users", 3, "items", 2)).interactions().size());
    }

    @Test
    void ratingThresholdBinarizes() {
        Dataset d = dataset();
        Dataset f = new RatingThresholdFilter().apply(d, Map.of("threshold", 4));
        for (float v : f.interactions().values()) {
            assertEquals(1f, v);
        }
        long expected = 0;
        for (float v : d.interactions().values()) {
            expected += v >= 4 ? 1 : 0;
        }
        assertEquals(expected, f.interactions().size());
        assertTrue(f.isImplicit());
    }

    @Test
    void userTemporalHoldsOutEachUsersLatest() {
        Dataset d = dataset();
        Split s = new UserTemporalSplitter().split(d, Map.of("last-n", 2), 0);
        int[] all = d.interactions().userCounts();
        int[] test = s.test().userCounts();
        long[] maxTrain = new long[50];
        long[] minTest = new long[50];
        java.util.Arrays.fill(maxTrain, Long.MIN_VALUE);
        java.util.Arrays.fill(minTest, Long.MAX_VALUE);
        for (int i = 0; i < s.train().size(); i++) {
            maxTrain[s.train().users()[i]] = Math.max(maxTrain[s.train().users()[i]], s.train().timestamp(i));
        }
        for (int i = 0; i < s.test().size(); i++) {
            minTest[s.test().users()[i]] = Math.min(minTest[s.test().users()[i]], s.test().timestamp(i));
        }
        for (int u = 0; u < 50; u++) {
            assertEquals(all[u] < 2 ? 0 : Math.min(2, all[u] - 1), test[u], "user " + u);
            assertTrue(test[u] == 0 || maxTrain[u] < minTest[u], "user " + u + " trains on the future");
        }
        assertPartition(d, s);
    }

    @Test
    void kFoldPartitionsEveryUsersInteractions() {
        Dataset d = dataset();
        int[] seen = new int[d.interactions().size()];
        Set<Long> union = new HashSet<>();
        int total = 0;
        for (int f = 0; f < 3; f++) {
            Split s = new KFoldSplitter().split(d, Map.of("folds", 3, "fold", f), 9);
            assertPartition(d, s);
            total += s.test().size();
            union.addAll(keys(s.test()));
            int[] test = s.test().userCounts();
            int[] all = d.interactions().userCounts();
            for (int u = 0; u < 50; u++) {
                assertTrue(Math.abs(test[u] - all[u] / 3.0) <= 1, "user " + u + " fold " + f);
            }
        }
        assertEquals(d.interactions().size(), total, "folds are disjoint");
        assertEquals(keys(d.interactions()), union, "folds cover everything");
        assertThrows(InvalidSpecException.class, () -> new KFoldSplitter().split(d, Map.of("folds", 3, "fold", 3), 0));
    }

    @Test
    void dedupPoliciesAreStated() {
        // user 0, item 0 rated 5 at t=1 and 3 at t=2; user 1, item 0 rated 4 once
        Interactions x = new Interactions(2, 1, new int[] {0, 1, 0}, new int[] {0, 0, 0}, new float[] {5, 4, 3},
                new long[] {1, 5, 2});
        Dataset d = new Dataset("d", IdIndex.sequential("u", 2), IdIndex.sequential("i", 1), x, null, null, Map.of());
        Map<String, Float> expected = Map.of("first", 5f, "last", 3f, "max", 5f, "mean", 4f);
        for (var e : expected.entrySet()) {
            Interactions out = new DedupFilter().apply(d, Map.of("policy", e.getKey())).interactions();
            assertEquals(2, out.size(), e.getKey());
            for (int i = 0; i < out.size(); i++) {
                if (out.users()[i] == 0) {
                    assertEquals(e.getValue(), out.values()[i], e.getKey());
                }
            }
        }
    }

    @Test
    void minInteractionsAndTimeWindow() {
        Dataset d = dataset();
        Dataset min = new MinInteractionsFilter().apply(d, Map.of("users", 3));
        int[] counts = d.interactions().userCounts();
        long expected = java.util.Arrays.stream(counts).filter(c -> c >= 3).sum();
        assertEquals(expected, min.interactions().size());
        // timestamps are 1000·u + j: the window [10000, 20000) keeps users 10..19
        Dataset window = new TimeWindowFilter().apply(d, Map.of("from", "10000", "to", "20000"));
        long inWindow = java.util.stream.IntStream.range(10, 20).map(u -> counts[u]).sum();
        assertEquals(inWindow, window.interactions().size());
        assertEquals(1420070400L, TimeWindowFilter.bound("2015-01-01", "from", 0));
        assertThrows(InvalidSpecException.class, () -> TimeWindowFilter.bound("soon", "from", 0));
    }
}
