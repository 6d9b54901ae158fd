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
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.Relevance;

/**
 * Full-ranking evaluation: every item is scored for every test user in batches (one matrix-shaped buffer
 * per worker, reused), training items are excluded, the top of the list is selected by the compute
 * backend, and each metric is computed per user. Work is split into batches taken by a fixed set of
 * workers; per-user values land in fixed slots, so the result does not depend on scheduling.
 */
final class FullRankingEvaluator {

    /** Per-user values: {@code values[m][j]} is metric m for user {@code users[j]}. */
    record Outcome(int[] users, double[][] values) {
    }

    /** Scores per batch buffer: about 16 MB of floats per worker. */
    private static final int BUFFER_FLOATS = 1 << 22;
    private static final int MAX_BATCH = 512;

    private final ComputeBackend backend;
    private final int threads;

    FullRankingEvaluator(ComputeBackend backend, int threads) {
        this.backend = backend;
        this.threads = threads;
    }

    /**
     * @param relevance per user (indexed by user), null or empty for users without relevant test items
     * @param listLength how many items each ranking holds (the largest cutoff)
     * @param stillValid checked between batches; false aborts with {@link PluginRemovedException}
     */
    Outcome evaluate(Model model, Interactions train, boolean excludeTrain, Relevance[] relevance,
            List<Metric> metrics, int listLength, ProgressMonitor monitor, BooleanSupplier stillValid,
            String label) {
        int numItems = model.numItems();
        int[] users = java.util.stream.IntStream.range(0, relevance.length)
                .filter(u -> relevance[u] != null && !relevance[u].isEmpty()).toArray();
        double[][] values = new double[metrics.size()][users.length];
        int batch = Math.max(1, Math.min(MAX_BATCH, BUFFER_FLOATS / Math.max(1, numItems)));
        int batches = (users.length + batch - 1) / batch;
        int k = Math.min(listLength, numItems);
        SparseMatrix seen = train.userItems();
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
                        if (excludeTrain) {
                            int[] cols = seen.columns();
                            for (int j = 0; j < n; j++) {
                                int base = j * numItems;
                                for (int p = seen.rowStart(ids[j]); p < seen.rowEnd(ids[j]); p++) {
                                    scores[base + cols[p]] = Float.NEGATIVE_INFINITY;
                                }
                            }
                        }
                        backend.topK(scores, n, numItems, k, topItems, topScores);
                        for (int j = 0; j < n; j++) {
                            int[] ranking = ranking(topItems, j * k, k);
                            for (int m = 0; m < metrics.size(); m++) {
                                values[m][from + j] = metrics.get(m).evaluate(ranking, relevance[ids[j]]);
                            }
                        }
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
        return new Outcome(users, values);
    }

    /** The valid prefix of one top-k row (unfilled slots hold -1). */
    private static int[] ranking(int[] topItems, int offset, int k) {
        int len = 0;
        while (len < k && topItems[offset + len] >= 0) {
            len++;
        }
        return Arrays.copyOfRange(topItems, offset, offset + len);
    }
}
