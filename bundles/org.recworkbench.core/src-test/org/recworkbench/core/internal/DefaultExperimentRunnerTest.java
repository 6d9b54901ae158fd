package org.recworkbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.internal.data.LeaveOneOutSplitter;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.AlgorithmSpec;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SplitSpec;

/**
 * The runner on a tiny world built by hand: 4 users, 5 items; leave-one-out holds out each user's latest
 * interaction. Hand-worked expectations are in each test.
 */
class DefaultExperimentRunnerTest {

    /** Users 0..3. Item 0 is seen by everyone first; each user's latest (held-out) item is 1 + user. */
    static final class ToyAdapter implements DatasetAdapter {
        @Override
        public String id() {
            return "toy";
        }

        @Override
        public String description() {
            return "toy";
        }

        @Override
        public List<ParameterDescriptor> options() {
            return List.of();
        }

        @Override
        public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
            int[] users = {0, 0, 1, 1, 2, 2, 3, 3};
            int[] items = {0, 1, 0, 2, 0, 3, 0, 4};
            long[] time = {1, 2, 1, 2, 1, 2, 1, 2};
            float[] ones = new float[8];
            java.util.Arrays.fill(ones, 1f);
            return new Dataset("toy", IdIndex.sequential("u", 4), IdIndex.sequential("i", 5),
                    new Interactions(4, 5, users, items, ones, time), null, null, Map.of());
        }
    }

    /**
     * Each user u has item 0 (t=1), a validation item v(u) = (u + 2) % 4 + 1 (t=2) and a test item 1 + u (t=3):
     * leave-one-out holds out the test item, and leave-one-out again on train holds out v(u).
     */
    static final class ToyWithValidationAdapter implements DatasetAdapter {
        @Override
        public String id() {
            return "toy3";
        }

        @Override
        public String description() {
            return "toy with a validation item per user";
        }

        @Override
        public List<ParameterDescriptor> options() {
            return List.of();
        }

        @Override
        public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
            int[] users = new int[12];
            int[] items = new int[12];
            long[] time = new long[12];
            for (int u = 0; u < 4; u++) {
                users[3 * u] = users[3 * u + 1] = users[3 * u + 2] = u;
                items[3 * u] = 0;
                items[3 * u + 1] = (u + 2) % 4 + 1;
                items[3 * u + 2] = 1 + u;
                time[3 * u] = 1;
                time[3 * u + 1] = 2;
                time[3 * u + 2] = 3;
            }
            float[] ones = new float[12];
            java.util.Arrays.fill(ones, 1f);
            return new Dataset("toy3", IdIndex.sequential("u", 4), IdIndex.sequential("i", 5),
                    new Interactions(4, 5, users, items, ones, time), null, null, Map.of());
        }
    }

    /** Six items; each user u has item 0 (t=1), item 5 (t=2: the validation item of everybody), item 1+u (t=3). */
    static final class ToyCommonValidationAdapter implements DatasetAdapter {
        @Override
        public String id() {
            return "toy4";
        }

        @Override
        public String description() {
            return "toy whose validation item is the same for every user";
        }

        @Override
        public List<ParameterDescriptor> options() {
            return List.of();
        }

        @Override
        public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
            int[] users = new int[12];
            int[] items = new int[12];
            long[] time = new long[12];
            for (int u = 0; u < 4; u++) {
                users[3 * u] = users[3 * u + 1] = users[3 * u + 2] = u;
                items[3 * u + 1] = 5;
                items[3 * u + 2] = 1 + u;
                time[3 * u] = 1;
                time[3 * u + 1] = 2;
                time[3 * u + 2] = 3;
            }
            float[] ones = new float[12];
            java.util.Arrays.fill(ones, 1f);
            return new Dataset("toy4", IdIndex.sequential("u", 4), IdIndex.sequential("i", 6),
                    new Interactions(4, 6, users, items, ones, time), null, null, Map.of());
        }
    }

    /** Scores item i as -|i - pivot| for its integer parameter pivot: items nearest the pivot first. */
    static final class PivotRecommender implements Recommender {
        @Override
        public RecommenderDescriptor descriptor() {
            return new RecommenderDescriptor("pivot", "pivot", "test", "", "",
                    List.of(ParameterDescriptor.ofInt("pivot", 1, 0, 10, "preferred item")), true, false);
        }

        @Override
        public Model fit(TrainingContext context, Interactions train, Parameters params) {
            int pivot = params.getInt("pivot");
            int n = train.numItems();
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                scores[i] = -Math.abs(i - pivot);
            }
            return Model.nonPersonalized(train.numUsers(), scores);
        }
    }

    /** Scores item i as i (so the ranking after excluding item 0 is 4, 3, 2, 1), or as 5 - i. */
    static class OrderRecommender implements Recommender {
        private final String id;
        private final boolean ascending;

        OrderRecommender(String id, boolean ascending) {
            this.id = id;
            this.ascending = ascending;
        }

        @Override
        public RecommenderDescriptor descriptor() {
            return new RecommenderDescriptor(id, id, "test", "", "", List.of(), true, false);
        }

        @Override
        public Model fit(TrainingContext context, Interactions train, Parameters params) {
            return new Model() {
                @Override
                public int numUsers() {
                    return train.numUsers();
                }

                @Override
                public int numItems() {
                    return train.numItems();
                }

                @Override
                public void scoreAll(int[] users, float[] out) {
                    for (int b = 0; b < users.length; b++) {
                        for (int i = 0; i < 5; i++) {
                            out[b * 5 + i] = ascending ? 5 - i : i;
                        }
                    }
                }
            };
        }
    }

    static final class BrokenRecommender extends OrderRecommender {
        BrokenRecommender() {
            super("broken", true);
        }

        @Override
        public Model fit(TrainingContext context, Interactions train, Parameters params) {
            throw new IllegalStateException("boom");
        }
    }

    /** Reciprocal rank within k, enough to check rankings end to end. */
    static final class RrMetricSet implements MetricSet {
        @Override
        public String id() {
            return "rr";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<MetricDescriptor> catalog() {
            return List.of(new MetricDescriptor("RR", "RR", -1, "t", "", "", 0, 1, true, ""));
        }

        @Override
        public Metric create(String name, int cutoff) {
            MetricDescriptor d = new MetricDescriptor("RR@" + cutoff, "RR", cutoff, "t", "", "", 0, 1, true, "");
            return new Metric() {
                @Override
                public MetricDescriptor descriptor() {
                    return d;
                }

                @Override
                public double evaluate(int[] ranking, Relevance relevant) {
                    for (int i = 0; i < Math.min(cutoff, ranking.length); i++) {
                        if (relevant.contains(ranking[i])) {
                            return 1.0 / (i + 1);
                        }
                    }
                    return 0;
                }
            };
        }
    }

    static final class HeapBackend implements ComputeBackend {
        @Override
        public String id() {
            return "heap";
        }

        @Override
        public String description() {
            return "";
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
            throw new UnsupportedOperationException();
        }

    }

    private static DefaultExperimentRunner runner(Recommender... recommenders) {
        DefaultPluginRegistry registry = new DefaultPluginRegistry();
        registry.addDatasetAdapter(new ToyAdapter(), Map.of());
        registry.addDatasetAdapter(new ToyWithValidationAdapter(), Map.of());
        registry.addDatasetAdapter(new ToyCommonValidationAdapter(), Map.of());
        registry.addSplitter(new LeaveOneOutSplitter(), Map.of());
        registry.addMetricSet(new RrMetricSet(), Map.of());
        registry.addComputeBackend(new HeapBackend(), Map.of());
        for (Recommender r : recommenders) {
            registry.addRecommender(r, Map.of());
        }
        return new DefaultExperimentRunner(registry);
    }

    private static ExperimentSpec spec(String... algorithms) {
        List<AlgorithmSpec> a = new ArrayList<>();
        for (String id : algorithms) {
            a.add(new AlgorithmSpec(id, null, null));
        }
        return new ExperimentSpec("t", 1L, new DatasetSpec("toy", null), null, new SplitSpec("leave-one-out", null),
                a, List.of("RR@4"), null, null, 2, null, null, null);
    }

    @Test
    void rankingsExcludeTrainingItemsAndMetricsArePerUser() {
        ExperimentResult r = runner(new OrderRecommender("desc", false), new OrderRecommender("asc", true))
                .run(spec("desc", "asc"), RunListener.NONE, ProgressMonitor.NONE);
        // "desc" ranks 4,3,2,1 (item 0 is excluded as seen): user u's held-out item 1+u is at rank 4-u
        AlgorithmResult desc = r.algorithms().get(0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, desc.users());
        assertArrayEquals(new double[] {1 / 4.0, 1 / 3.0, 1 / 2.0, 1.0}, desc.perUser()[0], 1e-12);
        assertEquals((1 / 4.0 + 1 / 3.0 + 1 / 2.0 + 1.0) / 4, desc.aggregates().get("RR@4"), 1e-12);
        // "asc" ranks 1,2,3,4: user u's item at rank 1+u
        assertArrayEquals(new double[] {1.0, 1 / 2.0, 1 / 3.0, 1 / 4.0}, r.algorithms().get(1).perUser()[0], 1e-12);
        assertEquals(4, r.testUsers());
        assertEquals(4, r.trainSize());
    }

    @Test
    void aValidationPartIsCarvedFromTrainAndEvaluatedOnItsOwn() {
        ExperimentSpec spec = new ExperimentSpec("t", 1L, new DatasetSpec("toy3", null), null,
                new SplitSpec("leave-one-out", null, new SplitSpec("leave-one-out", null)),
                List.of(new AlgorithmSpec("desc", null, null)), List.of("RR@4"), null, null, 1, null, null, null);
        ExperimentResult r = runner(new OrderRecommender("desc", false)).run(spec, RunListener.NONE,
                ProgressMonitor.NONE);
        assertEquals(4, r.trainSize(), "models are fit on item 0 of each user only");
        assertEquals(4, r.validationSize());
        assertEquals(4, r.testSize());
        assertTrue(r.split().contains("validation carved from train"), r.split());
        AlgorithmResult desc = r.algorithms().get(0);
        // validation: only item 0 is excluded, the ranking is 4,3,2,1; v(u) = 3,4,1,2 sits at rank 2,1,4,3
        assertEquals((1 / 2.0 + 1.0 + 1 / 4.0 + 1 / 3.0) / 4, desc.validation().get("RR@4"), 1e-12);
        // test: item 0 and v(u) are excluded; u0 ranks 4,2,1 (item 1 third), u1 3,2,1 (item 2 second),
        // u2 4,3,2 (item 3 second), u3 4,3,1 (item 4 first)
        assertArrayEquals(new double[] {1 / 3.0, 1 / 2.0, 1 / 2.0, 1.0}, desc.perUser()[0], 1e-12);
        // without a validation part there are no validation aggregates
        assertTrue(runner(new OrderRecommender("desc", false)).run(spec("desc"), RunListener.NONE,
                ProgressMonitor.NONE).algorithms().get(0).validation().isEmpty());
    }

    private static ExperimentSpec searchSpec(org.recworkbench.core.spec.SearchSpec search) {
        return new ExperimentSpec("t", 1L, new DatasetSpec("toy4", null), null,
                new SplitSpec("leave-one-out", null, new SplitSpec("leave-one-out", null)),
                List.of(new AlgorithmSpec("pivot", null, Map.of(), search)), List.of("RR@4"), null, null, 1, null,
                null, null);
    }

    @Test
    void gridSearchPicksTheBestOnValidationAndReportsEveryTrial() {
        ExperimentResult r = runner(new PivotRecommender()).run(searchSpec(new org.recworkbench.core.spec.SearchSpec(
                "grid", null, "RR@4", Map.of("pivot", List.of(1, 3, 5)))), RunListener.NONE, ProgressMonitor.NONE);
        AlgorithmResult a = r.algorithms().get(0);
        assertEquals(AlgorithmResult.Status.SUCCEEDED, a.status(), a.failure());
        // validation (only item 0 excluded): the common validation item 5 is ranked 5th for pivots 1 and 3
        // (RR@4 = 0) and first for pivot 5 (RR@4 = 1)
        List<Double> values = a.search().trials().stream().map(t -> t.value()).toList();
        assertEquals(List.of(0.0, 0.0, 1.0), values);
        assertEquals(5, a.search().chosen().get("pivot"));
        assertEquals(5, a.params().get("pivot"));
        // test with the chosen pivot (items 0 and 5 excluded): ranking 4,3,2,1, test item 1+u at rank 4-u
        assertArrayEquals(new double[] {1 / 4.0, 1 / 3.0, 1 / 2.0, 1.0}, a.perUser()[0], 1e-12);
    }

    @Test
    void randomSearchIsSeededAndSearchNeedsAValidationPart() {
        org.recworkbench.core.spec.SearchSpec random = new org.recworkbench.core.spec.SearchSpec("random", 6, "RR@4",
                Map.of("pivot", Map.of("min", 0, "max", 10)));
        List<Map<String, Object>> first = runner(new PivotRecommender()).run(searchSpec(random), RunListener.NONE,
                ProgressMonitor.NONE).algorithms().get(0).search().trials().stream().map(t -> t.params()).toList();
        List<Map<String, Object>> second = runner(new PivotRecommender()).run(searchSpec(random), RunListener.NONE,
                ProgressMonitor.NONE).algorithms().get(0).search().trials().stream().map(t -> t.params()).toList();
        assertEquals(6, first.size());
        assertEquals(first, second);
        ExperimentSpec noValidation = new ExperimentSpec("t", 1L, new DatasetSpec("toy4", null), null,
                new SplitSpec("leave-one-out", null), List.of(new AlgorithmSpec("pivot", null, Map.of(), random)),
                List.of("RR@4"), null, null, 1, null, null, null);
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> runner(new PivotRecommender())
                .run(noValidation, RunListener.NONE, ProgressMonitor.NONE));
        assertEquals("algorithms[0].search", e.field());
        org.recworkbench.core.spec.SearchSpec unknown = new org.recworkbench.core.spec.SearchSpec("grid", null,
                "RR@4", Map.of("depth", List.of(1, 2)));
        InvalidSpecException u = assertThrows(InvalidSpecException.class, () -> runner(new PivotRecommender())
                .run(searchSpec(unknown), RunListener.NONE, ProgressMonitor.NONE));
        assertEquals("algorithms[0].search.space.depth", u.field());
    }

    @Test
    void oneFailingAlgorithmDoesNotStopTheOthers() {
        List<RunListener.RunEvent> events = new ArrayList<>();
        ExperimentResult r = runner(new OrderRecommender("asc", true), new BrokenRecommender())
                .run(spec("broken", "asc"), events::add, ProgressMonitor.NONE);
        AlgorithmResult broken = r.algorithms().get(0);
        assertEquals(AlgorithmResult.Status.FAILED, broken.status());
        assertTrue(broken.failure().contains("boom"), broken.failure());
        assertEquals(AlgorithmResult.Status.SUCCEEDED, r.algorithms().get(1).status());
        assertEquals(2, events.stream().filter(e -> e instanceof RunListener.AlgorithmFinished).count());
    }

    @Test
    void unknownNamesFailBeforeAnyWork() {
        DefaultExperimentRunner runner = runner(new OrderRecommender("asc", true));
        InvalidSpecException algo = assertThrows(InvalidSpecException.class,
                () -> runner.run(spec("asc", "nope"), RunListener.NONE, ProgressMonitor.NONE));
        assertEquals("algorithms[1].id", algo.field());
        assertTrue(algo.getMessage().contains("available: asc"), algo.getMessage());
        ExperimentSpec badMetric = new ExperimentSpec("t", 1L, new DatasetSpec("toy", null), null,
                new SplitSpec("leave-one-out", null), List.of(new AlgorithmSpec("asc", null, null)), List.of("NDCG@10"),
                null, null, 1, null, null, null);
        InvalidSpecException metric = assertThrows(InvalidSpecException.class,
                () -> runner.run(badMetric, RunListener.NONE, ProgressMonitor.NONE));
        assertEquals("metrics[0]", metric.field());
        assertTrue(metric.getMessage().contains("available: RR@K"), metric.getMessage());
    }

    @Test
    void metricOptionsAreValidatedAgainstTheSets() {
        DefaultExperimentRunner runner = runner(new OrderRecommender("asc", true));
        ExperimentSpec unknownSet = new ExperimentSpec("t", 1L, new DatasetSpec("toy", null), null,
                new SplitSpec("leave-one-out", null), List.of(new AlgorithmSpec("asc", null, null)), List.of("RR@4"),
                null, null, 1, null, null, Map.of("beyond", Map.of("short-head-share", 0.1)));
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> runner.run(unknownSet, RunListener.NONE, ProgressMonitor.NONE));
        assertEquals("metric-options.beyond", e.field());
        ExperimentSpec unknownOption = new ExperimentSpec("t", 1L, new DatasetSpec("toy", null), null,
                new SplitSpec("leave-one-out", null), List.of(new AlgorithmSpec("asc", null, null)), List.of("RR@4"),
                null, null, 1, null, null, Map.of("rr", Map.of("depth", 3)));
        InvalidSpecException o = assertThrows(InvalidSpecException.class,
                () -> runner.run(unknownOption, RunListener.NONE, ProgressMonitor.NONE));
        assertEquals("metric-options.rr.depth", o.field());
    }

    private static ExperimentSpec sampled(String type) {
        return new ExperimentSpec("t", 1L, new DatasetSpec("toy", null), null, new SplitSpec("leave-one-out", null),
                List.of(new AlgorithmSpec("desc", null, null)), List.of("RR@4"),
                new org.recworkbench.core.spec.ProtocolSpec(type, null, null, null, 1), null, 1, null, null, null);
    }

    @Test
    void sampledProtocolsRankRelevantItemsAgainstSampledNegatives() {
        DefaultExperimentRunner runner = runner(new OrderRecommender("desc", false));
        // popularity sampling: only item 0 has training interactions and every user has seen it, so no
        // negative can be drawn and each list is the relevant item alone
        ExperimentResult popular = runner.run(sampled("sampled-popularity"), RunListener.NONE, ProgressMonitor.NONE);
        assertArrayEquals(new double[] {1, 1, 1, 1}, popular.algorithms().get(0).perUser()[0], 1e-12);
        assertTrue(popular.protocol().contains("popularity-sampled"), popular.protocol());
        // uniform: one unseen negative; "desc" puts item 4 first, so user 3 (held-out item 4) always wins and
        // the others win or come second
        ExperimentResult uniform = runner.run(sampled("sampled-uniform"), RunListener.NONE, ProgressMonitor.NONE);
        double[] rr = uniform.algorithms().get(0).perUser()[0];
        assertEquals(1.0, rr[3], 1e-12);
        for (double v : rr) {
            assertTrue(v == 1.0 || v == 0.5, "one negative: rank 1 or 2, got " + v);
        }
        assertArrayEquals(rr, runner.run(sampled("sampled-uniform"), RunListener.NONE, ProgressMonitor.NONE)
                .algorithms().get(0).perUser()[0], "seeded");
        assertTrue(uniform.protocol().startsWith("sampled ranking"), uniform.protocol());
    }

    @Test
    void sameSpecSameNumbers() {
        ExperimentResult a = runner(new OrderRecommender("desc", false)).run(spec("desc"), RunListener.NONE,
                ProgressMonitor.NONE);
        ExperimentResult b = runner(new OrderRecommender("desc", false)).run(spec("desc"), RunListener.NONE,
                ProgressMonitor.NONE);
        assertArrayEquals(a.algorithms().get(0).perUser()[0], b.algorithms().get(0).perUser()[0]);
    }

    /** Fits forever: one ignores every request to stop, the other checks its monitor as well-behaved fits do. */
    static final class HangingRecommender extends OrderRecommender {
        private final boolean cooperative;
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

        HangingRecommender(String id, boolean cooperative) {
            super(id, false);
            this.cooperative = cooperative;
        }

        @Override
        public Model fit(TrainingContext context, Interactions train, Parameters params) {
            started.countDown();
            while (true) {
                if (cooperative) {
                    context.monitor().checkCanceled();
                }
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void anAlgorithmOverItsTimeoutFailsAndTheRunGoesOn() {
        HangingRecommender stubborn = new HangingRecommender("stubborn", false);
        HangingRecommender polite = new HangingRecommender("polite", true);
        List<AlgorithmSpec> algorithms = List.of(new AlgorithmSpec("stubborn", null, null, null, "200ms"),
                new AlgorithmSpec("polite", null, null), new AlgorithmSpec("desc", null, null));
        ExperimentSpec spec = new ExperimentSpec("t", 1L, new DatasetSpec("toy", null), null,
                new SplitSpec("leave-one-out", null), algorithms, List.of("RR@4"), null, null, 2, null, null, null,
                "300ms");
        List<RunListener.RunEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        ExperimentResult r = runner(stubborn, polite, new OrderRecommender("desc", false)).run(spec, events::add,
                ProgressMonitor.NONE);
        AlgorithmResult first = r.algorithms().get(0);
        assertEquals(AlgorithmResult.Status.FAILED, first.status());
        assertTrue(first.failure().startsWith("timed out after 200 ms"), first.failure());
        assertTrue(first.failure().contains("did not stop when asked"), first.failure());
        AlgorithmResult second = r.algorithms().get(1);
        assertEquals(AlgorithmResult.Status.FAILED, second.status());
        assertEquals("timed out after 300 ms (the algorithm's timeout)", second.failure(),
                "the spec's algorithm-timeout applies; the fit noticed the cancellation, so nothing keeps running");
        // the third algorithm ran as if nothing had happened: "desc" ranks user u's item at 4 - u (see above)
        assertEquals((1 / 4.0 + 1 / 3.0 + 1 / 2.0 + 1.0) / 4, r.algorithms().get(2).aggregates().get("RR@4"), 1e-12);
        assertEquals(3, events.stream().filter(e -> e instanceof RunListener.AlgorithmFinished).count());
    }

    @Test
    void aTimeoutThatIsNotADurationIsRefusedBeforeAnyWork() {
        List<AlgorithmSpec> algorithms = List.of(new AlgorithmSpec("desc", null, null, null, "soon"));
        ExperimentSpec spec = new ExperimentSpec("t", 1L, new DatasetSpec("toy", null), null,
                new SplitSpec("leave-one-out", null), algorithms, List.of("RR@4"), null, null, 2, null, null, null);
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> runner(new OrderRecommender("desc",
                false)).run(spec, RunListener.NONE, ProgressMonitor.NONE));
        assertEquals("algorithms[0].timeout", e.field());
        assertTrue(e.getMessage().contains("got 'soon', expected a duration such as 90s"), e.getMessage());
    }
}
