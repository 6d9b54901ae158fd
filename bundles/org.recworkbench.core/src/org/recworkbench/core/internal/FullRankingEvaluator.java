package org.recworkbench.core.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * Full-ranking evaluation: every item is scored for every test user in batches (one matrix-shaped buffer
 * per worker, reused), training items are excluded, the top of the list is selected by the compute
 * backend, and each metric is computed per user and fed to that batch's accumulators. Batch accumulators
 * are merged strictly in batch order, and per-user values land in fixed slots, so the numbers do not depend
 * on scheduling or on the number of threads.
 */
final class FullRankingEvaluator {

    /** Per-user values ({@code values[m][j]} is metric m for user {@code users[j]}) and the aggregates. */
    record Outcome(int[] users, double[][] values, double[] aggregates) {
    }

    /** Scores per batch buffer: about 16 MB of floats per worker. */
    private static final int BUFFER_FLOATS = 1 << 22;
    private static final int MAX_BATCH = 512;

    private final ComputeBackend backend;
    private final int threads;
    private final NegativeSampler sampler;

    /** @param sampler restricts each user's candidates (sampled protocols), or null for full ranking */
    ComputeBackend backend() {
        return backend;
    }

    FullRankingEvaluator(ComputeBackend backend, int threads, NegativeSampler sampler) {
        this.backend = backend;
        this.threads = threads;
        this.sampler = sampler;
    }

    /**
     * @param test held-out interactions: users with any are evaluated; their values are the actual ratings
     * @param relevance per user (indexed by user), null or empty for users without relevant test items
     * @param listLength how many items each ranking holds (the largest cutoff)
     * @param stillValid checked between batches; false aborts with {@link PluginRemovedException}
     */
    Outcome evaluate(Model model, Interactions train, Interactions test, boolean excludeTrain, Relevance[] relevance,
            List<Metric> metrics, EvaluationContext context, int listLength, ProgressMonitor monitor,
            BooleanSupplier stillValid, String label) {
        int numItems = model.numItems();
        SparseMatrix testByUser = test.userItems();
        int[] users = java.util.stream.IntStream.range(0, testByUser.rows())
                .filter(u -> testByUser.rowLength(u) > 0).toArray();
        int numMetrics = metrics.size();
        double[][] values = new double[numMetrics][users.length];
        boolean fullRanks = metrics.stream().anyMatch(Metric::needsFullRanks);
        boolean ratings = model.predictsRatings() && metrics.stream().anyMatch(Metric::needsRatingPredictions);
        int batch = Math.max(1, Math.min(MAX_BATCH, BUFFER_FLOATS / Math.max(1, numItems)));
        int batches = (users.length + batch - 1) / batch;
        int k = Math.min(listLength, numItems);
        SparseMatrix seen = train.userItems();
        OrderedMerger merger = new OrderedMerger(metrics, context, batches);
        AtomicInteger next = new AtomicInteger();
        monitor.begin("evaluate " + label, users.length);
        int workers = Math.max(1, Math.min(threads, batches));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "recwb-eval-" + label);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?>[] futures = new Future<?>[workers];
            for (int w = 0; w < workers; w++) {
                futures[w] = pool.submit(() -> {
                    float[] scores = new float[batch * numItems];
                    int[] topItems = new int[batch * k];
                    float[] topScores = new float[batch * k];
                    int[] batchUsers = new int[batch];
                    int b;
                    while ((b = next.getAndIncrement()) < batches) {
                        if (!stillValid.getAsBoolean()) {
                            throw new PluginRemovedException(
                                    "plugin of '" + label + "' was uninstalled during the run");
                        }
                        monitor.checkCanceled();
                        int from = b * batch;
                        int to = Math.min(users.length, from + batch);
                        int n = to - from;
                        int[] ids = n == batch ? batchUsers : Arrays.copyOf(batchUsers, n);
                        System.arraycopy(users, from, ids, 0, n);
                        model.scoreAll(ids, scores);
                        int[] candidates = new int[n];
                        for (int j = 0; j < n; j++) {
                            candidates[j] = numItems;
                            if (excludeTrain) {
                                int base = j * numItems;
                                int[] cols = seen.columns();
                                for (int p = seen.rowStart(ids[j]); p < seen.rowEnd(ids[j]); p++) {
                                    if (scores[base + cols[p]] != Float.NEGATIVE_INFINITY) {
                                        scores[base + cols[p]] = Float.NEGATIVE_INFINITY;
                                        candidates[j]--;
                                    }
                                }
                            }
                        }
                        if (sampler != null) {
                            for (int j = 0; j < n; j++) {
                                Relevance rel = relevance[ids[j]] == null ? Relevance.binary() : relevance[ids[j]];
                                candidates[j] = sampler.restrict(ids[j], scores, j * numItems, numItems, seen, rel);
                            }
                        }
                        backend.topK(scores, n, numItems, k, topItems, topScores);
                        MetricAccumulator[] accumulators = merger.fresh();
                        for (int j = 0; j < n; j++) {
                            int user = ids[j];
                            Relevance rel = relevance[user] == null ? Relevance.binary() : relevance[user];
                            int[] ranks = fullRanks ? RelevantRanks.of(scores, j * numItems, numItems, rel) : null;
                            UserList list = ratings ? withRatings(model, user, ranking(topItems, j * k, k), rel, ranks,
                                    candidates[j], testByUser) : new UserList(user, ranking(topItems, j * k, k), rel,
                                            ranks, candidates[j], null, null, null);
                            for (int m = 0; m < numMetrics; m++) {
                                double v = metrics.get(m).evaluate(list, context);
                                values[m][from + j] = v;
                                accumulators[m].add(list, v);
                            }
                        }
                        merger.done(b, accumulators);
                        monitor.worked(n);
                    }
                    return null;
                });
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecWorkbenchException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RecWorkbenchException("evaluation failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
            monitor.done();
        }
        return new Outcome(users, values, merger.results());
    }

    private static UserList withRatings(Model model, int user, int[] ranking, Relevance rel, int[] ranks,
            int candidates, SparseMatrix testByUser) {
        int start = testByUser.rowStart(user);
        int len = testByUser.rowLength(user);
        int[] items = Arrays.copyOfRange(testByUser.columns(), start, start + len);
        float[] actual = Arrays.copyOfRange(testByUser.values(), start, start + len);
        float[] predicted = new float[len];
        for (int i = 0; i < len; i++) {
            predicted[i] = model.predict(user, items[i]);
        }
        return new UserList(user, ranking, rel, ranks, candidates, items, actual, predicted);
    }

    /** The valid prefix of one top-k row (unfilled slots hold -1). */
    private static int[] ranking(int[] topItems, int offset, int k) {
        int len = 0;
        while (len < k && topItems[offset + len] >= 0) {
            len++;
        }
        return Arrays.copyOfRange(topItems, offset, offset + len);
    }

    /**
     * Merges per-batch accumulators in batch order as batches complete, holding only those that finished
     * ahead of an unfinished earlier batch.
     */
    private static final class OrderedMerger {
        private final List<Metric> metrics;
        private final EvaluationContext context;
        private final MetricAccumulator[] total;
        private final MetricAccumulator[][] pending;
        private int nextToMerge;

        OrderedMerger(List<Metric> metrics, EvaluationContext context, int batches) {
            this.metrics = metrics;
            this.context = context;
            this.total = fresh();
            this.pending = new MetricAccumulator[batches][];
        }

        MetricAccumulator[] fresh() {
            MetricAccumulator[] a = new MetricAccumulator[metrics.size()];
            for (int m = 0; m < a.length; m++) {
                a[m] = metrics.get(m).newAccumulator(context);
            }
            return a;
        }

        synchronized void done(int batch, MetricAccumulator[] accumulators) {
            pending[batch] = accumulators;
            while (nextToMerge < pending.length && pending[nextToMerge] != null) {
                for (int m = 0; m < total.length; m++) {
                    total[m].combine(pending[nextToMerge][m]);
                }
                pending[nextToMerge] = null;
                nextToMerge++;
            }
        }

        synchronized double[] results() {
            double[] r = new double[total.length];
            for (int m = 0; m < r.length; m++) {
                r[m] = total[m].result();
            }
            return r;
        }
    }
}
