package org.recworkbench.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.AlgorithmSpec;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SplitSpec;
import org.recworkbench.data.synthetic.SyntheticGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark harness behind docs/benchmarks.md: start-up time, loading rate and memory per interaction,
 * and full-ranking evaluation rate, each printed as a figure with its unit. Run it on an otherwise idle
 * machine; it reports the best of a few repetitions where a step is short.
 */
@Command(name = "bench", description = "Measure start-up, loading and full-ranking evaluation speed "
        + "(figures for docs/benchmarks.md).")
final class BenchCommand implements Callable<Integer> {
    private final Recwb.Services services;
    private final PrintStream out;

    @Option(names = "--datasets", description = "folder holding ml-100k/ (default: ../shared/datasets)")
    Path datasets = Path.of("..", "shared", "datasets");

    @Option(names = "--csv-rows", description = "rows of the generated MovieLens-format CSV (default 20,000,000)")
    long csvRows = 20_000_000L;

    @Option(names = "--eval-users", description = "users of the synthetic evaluation set (default 100,000)")
    int evalUsers = 100_000;

    @Option(names = "--eval-items", description = "items of the synthetic evaluation set (default 20,000)")
    int evalItems = 20_000;

    @Option(names = "--metric-users", description = "users of the ranking-metric throughput test (default 100,000)")
    int metricUsers = 100_000;

    @Option(names = "--als-interactions", description = "interactions of the implicit-ALS training benchmark on a "
            + "MovieLens-20M-shaped synthetic set (default 20,000,000; 0 skips it)")
    long alsInteractions = 20_000_000L;

    @Option(names = "--als-iterations", description = "iterations timed in the implicit-ALS benchmark (default 3)")
    int alsIterations = 3;

    @Option(names = "--work-dir", description = "where the generated CSV is written (default: a temp folder)")
    Path workDir;

    BenchCommand(Recwb.Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        out.printf(Locale.ROOT, "startup: JVM start to engine ready %d ms%n", services.readyMillis());
        if (metricUsers > 0) {
            // first, before the large loads leave a big heap behind (measured 2-3x slower after them)
            rankingMetricThroughput(metricUsers);
        }
        Path ml100k = datasets.resolve("ml-100k");
        if (Files.isRegularFile(ml100k.resolve("u.data"))) {
            load("ml-100k", Map.of("path", ml100k.toString()), 5);
            evaluate("ml-100k (per-user 80/20), item-knn", new DatasetSpec("movielens", Map.of("path",
                    ml100k.toString())), new SplitSpec("user-holdout", null));
        } else {
            out.println("ml-100k: not found under " + datasets.toAbsolutePath() + " (use --datasets)");
        }
        if (csvRows > 0) {
            Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("recwb-bench");
            Path csv = writeMovieLensCsv(dir, csvRows);
            Dataset loaded = load(String.format(Locale.ROOT, "generated %,d-row ratings.csv (%,d MiB)", csvRows,
                    Files.size(csv) >> 20), Map.of("path", dir.toString(), "variant", "csv"), 1);
            kCore(loaded);
            Files.deleteIfExists(csv);
        }
        if (alsInteractions > 0) {
            implicitAls(alsInteractions, alsIterations);
            factorEvaluation(alsInteractions);
        }
        if (evalUsers > 0) {
            long interactions = Math.max(evalUsers * 2L, evalUsers * 50L);
            evaluate(String.format(Locale.ROOT, "synthetic %,d users x %,d items x %,d, item-knn", evalUsers,
                    evalItems, interactions), new DatasetSpec("synthetic", Map.of("users", evalUsers, "items",
                            evalItems, "interactions", interactions)), new SplitSpec("user-holdout", null));
        }
        return 0;
    }

    /**
     * Implicit ALS (rank 64, 3 CG steps) on a synthetic set shaped like MovieLens 20M (138k users, 27k items):
     * seconds per iteration, each iteration timed separately through the progress monitor.
     */
    private void implicitAls(long interactions, int iterations) {
        int users = (int) Math.max(100, Math.min(138_493, interactions / 144));
        int items = (int) Math.max(100, Math.min(26_744, interactions / 750));
        Dataset d = SyntheticGenerator.generate(new SyntheticGenerator.Config(users, items, interactions, 16, 1.0,
                2.0, 18, false, 7), ProgressMonitor.NONE);
        Recommender als = services.registry().recommender("implicit-als")
                .orElseThrow(() -> new RecWorkbenchException("implicit-als is not installed (bundle algo.mf)"));
        List<Long> ticks = new java.util.ArrayList<>();
        ProgressMonitor timing = new ProgressMonitor() {
            @Override
            public void begin(String task, long totalWork) {
                ticks.add(System.nanoTime());
            }

            @Override
            public void worked(long work) {
                ticks.add(System.nanoTime());
            }

            @Override
            public void done() {
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
        ComputeBackend backend = services.registry().backends().get(0);
        TrainingContext context = new TrainingContext(d, 42, timing, backend,
                Runtime.getRuntime().availableProcessors());
        als.fit(context, d.interactions(), Parameters.validate("params", als.descriptor().parameters(),
                Map.of("factors", 64, "iterations", iterations)));
        StringBuilder each = new StringBuilder();
        double total = 0;
        for (int k = 1; k < ticks.size(); k++) {
            double seconds = (ticks.get(k) - ticks.get(k - 1)) / 1e9;
            total += seconds;
            each.append(k == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", seconds));
        }
        out.printf(Locale.ROOT, "implicit-als rank 64 on %,d users x %,d items x %,d: %.2f s per iteration (%s)%n",
                users, items, d.interactions().size(), total / Math.max(1, ticks.size() - 1), each);
    }

    /**
     * Full-ranking evaluation of a rank-64 factor model at the ALS benchmark's scale (every user, all items,
     * training items excluded, top-100, NDCG@100 and Recall@100) through the engine, against the floor measured
     * in the same JVM: the backend's product into a reused buffer in 2,000-user batches plus top-100 selection
     * over every score, nothing else. Side by side on every available backend.
     */
    private void factorEvaluation(long interactions) {
        for (ComputeBackend backend : services.registry().backends()) {
            if (backend.isAvailable()) {
                factorEvaluation(interactions, backend);
            } else {
                out.printf("factor-model evaluation: backend %s skipped (%s)%n", backend.id(), backend.description());
            }
        }
    }

    private void factorEvaluation(long interactions, ComputeBackend backend) {
        int users = (int) Math.max(100, Math.min(138_493, interactions / 144));
        int items = (int) Math.max(100, Math.min(26_744, interactions / 750));
        int d = 64;
        int batch = 2000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        float[] userFactors = new float[batch * d];
        float[] itemFactors = new float[items * d];
        for (int k = 0; k < itemFactors.length; k++) {
            itemFactors[k] = (float) random.nextGaussian();
        }
        for (int k = 0; k < userFactors.length; k++) {
            userFactors[k] = (float) random.nextGaussian();
        }
        float[] scores = new float[batch * items];
        int[] top = new int[batch * 100];
        float[] topScores = new float[batch * 100];
        double floor = Double.MAX_VALUE;
        double product = 0;
        for (int rep = 0; rep < 2; rep++) { // the second pass is the figure: the first warms the JIT up
            long t0 = System.nanoTime();
            long inProduct = 0;
            for (int from = 0; from < users; from += batch) {
                int m = Math.min(batch, users - from);
                long p0 = System.nanoTime();
                backend.multiplyTransposed(userFactors, m, itemFactors, items, d, scores);
                inProduct += System.nanoTime() - p0;
                backend.topK(scores, m, items, 100, top, topScores);
            }
            floor = Math.min(floor, (System.nanoTime() - t0) / 1e9);
            product = inProduct / 1e9;
        }
        out.printf(Locale.ROOT, "floor for %,d users x %,d items, rank %d, top-100 (backend %s): %.2f s (product "
                + "%.2f s = %.0f GFLOP/s, top-100 %.2f s)%n", users, items, d, backend.id(), floor, product,
                2.0 * users * items * d / product / 1e9, floor - product);
        scores = null; // let the engine run have the memory
        ExperimentSpec spec = new ExperimentSpec("bench-mf-eval", 42L, new DatasetSpec("synthetic", Map.of("users",
                users, "items", items, "interactions", interactions)), null, new SplitSpec("user-holdout", null),
                List.of(new AlgorithmSpec("implicit-als", null, Map.of("factors", d, "iterations", 1))),
                List.of("NDCG@100", "Recall@100"), null, backend.id(), Runtime.getRuntime().availableProcessors(),
                null, null, null);
        ExperimentResult r = services.runner().run(spec, RunListener.NONE, ProgressMonitor.NONE);
        AlgorithmResult a = r.algorithms().get(0);
        if (!a.succeeded()) {
            out.println("factor-model evaluation failed: " + a.failure());
            return;
        }
        out.printf(Locale.ROOT, "full-ranking evaluation through the engine (backend %s), %,d test users: %.2f s = "
                + "%.2fx the floor (fit %.2f s)%n", r.backend(), a.users().length, a.evaluateSeconds(),
                a.evaluateSeconds() / floor * users / Math.max(1, a.users().length), a.fitSeconds());
    }

    /**
     * Every ranking metric with a cutoff at 10 cutoffs over {@code users} top-100 lists (random lists over
     * 20,000 items, 10 relevant items per user): metric time alone, best of 3, one thread and all threads.
     */
    private void rankingMetricThroughput(int users) {
        MetricSet ranking = services.registry().metricSets().stream().filter(m -> m.id().equals("ranking"))
                .findFirst().orElseThrow(() -> new RecWorkbenchException("no ranking metric set installed"));
        int[] cutoffs = {1, 5, 10, 20, 30, 40, 50, 60, 80, 100};
        List<Metric> metrics = new java.util.ArrayList<>();
        for (MetricDescriptor d : ranking.catalog()) {
            if (d.cutoff() < 0) {
                for (int k : cutoffs) {
                    metrics.add(ranking.create(d.name(), k));
                }
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int items = 20_000;
        UserList[] lists = new UserList[users];
        for (int u = 0; u < users; u++) {
            int[] top = random.ints(0, items).distinct().limit(100).toArray();
            int[] rel = new int[10];
            for (int r = 0; r < rel.length; r++) {
                // about a third of the relevant items appear in the list, at random positions
                rel[r] = random.nextInt(3) == 0 ? top[random.nextInt(100)] : random.nextInt(items);
            }
            lists[u] = new UserList(u, top, Relevance.binary(rel), null, items, null, null, null);
        }
        EvaluationContext context = EvaluationContext.of(items, users, 100);
        for (boolean parallel : new boolean[] {false, true}) {
            double best = Double.MAX_VALUE;
            double checksum = 0;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                java.util.stream.IntStream range = java.util.stream.IntStream.range(0, metrics.size());
                checksum = (parallel ? range.parallel() : range).mapToDouble(m -> {
                    Metric metric = metrics.get(m);
                    MetricAccumulator acc = metric.newAccumulator(context);
                    for (UserList l : lists) {
                        acc.add(l, metric.evaluate(l, context));
                    }
                    return acc.result();
                }).sum();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            out.printf(Locale.ROOT, "ranking metrics: %d metrics (%d kinds x %d cutoffs) over %,d top-100 lists in "
                    + "%.3f s, %s (checksum %.6f)%n", metrics.size(), metrics.size() / cutoffs.length, cutoffs.length,
                    users, best, parallel ? "parallel over metrics" : "one thread", checksum);
        }
    }

    /** Iterative 5-core on a loaded dataset, through the registered filter. */
    private void kCore(Dataset dataset) {
        var filter = services.registry().filter("k-core")
                .orElseThrow(() -> new RecWorkbenchException("no k-core filter installed"));
        long t0 = System.nanoTime();
        Dataset core = filter.apply(dataset, Map.of("users", 5, "items", 5));
        out.printf(Locale.ROOT, "5-core of %,d interactions: %,d left in %.2f s%n", dataset.interactions().size(),
                core.interactions().size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Loads a dataset {@code repeats} times; reports the best rate and the memory per interaction. */
    private Dataset load(String name, Map<String, Object> options, int repeats) {
        double best = Double.MAX_VALUE;
        Dataset d = null;
        for (int i = 0; i < repeats; i++) {
            d = null;
            System.gc();
            long t0 = System.nanoTime();
            d = services.runner().loadDataset(new DatasetSpec("movielens", options), List.of(), ProgressMonitor.NONE);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        Interactions x = d.interactions();
        double columns = x.columnBytes() / (double) x.size();
        x.userItems();
        x.itemUsers();
        // each CSR view: a 4-byte column index and a 4-byte value per entry plus one pointer per row
        double views = (8.0 * 2 * x.size() + 4.0 * (x.numUsers() + x.numItems() + 2)) / x.size();
        out.printf(Locale.ROOT, "load %s: %,d rows in %.2f s = %,.0f rows/s; %.1f bytes/interaction in columns, "
                + "%.1f with both CSR views%n", name, x.size(), best, x.size() / best, columns, columns + views);
        return d;
    }

    private void evaluate(String name, DatasetSpec data, SplitSpec split) {
        ExperimentSpec spec = new ExperimentSpec("bench", 42L, data, null, split,
                List.of(new AlgorithmSpec("item-knn", null, null)), List.of("NDCG@10", "Recall@10"), null, null, null,
                null, null, null);
        ExperimentResult r = services.runner().run(spec, RunListener.NONE, ProgressMonitor.NONE);
        AlgorithmResult a = r.algorithms().get(0);
        if (!a.succeeded()) {
            throw new RecWorkbenchException("benchmark run failed: " + a.failure());
        }
        out.printf(Locale.ROOT, "evaluate %s: %,d test users in %.2f s = %,.0f users/s (fit %.2f s, NDCG@10 %.4f)%n",
                name, a.users().length, a.evaluateSeconds(), a.users().length / a.evaluateSeconds(), a.fitSeconds(),
                a.aggregates().get("NDCG@10"));
    }

    /** A MovieLens-20M-shaped ratings.csv (138k users, 27k items, half-star ratings) from the generator. */
    private static Path writeMovieLensCsv(Path dir, long rows) throws IOException {
        int users = (int) Math.max(100, Math.min(138_493, rows / 144));
        int items = (int) Math.max(100, Math.min(26_744, rows / 750));
        Dataset d = SyntheticGenerator.generate(new SyntheticGenerator.Config(users, items, rows, 16, 1.0, 2.0, 18,
                true, 7), ProgressMonitor.NONE);
        Interactions x = d.interactions();
        Path file = dir.resolve("ratings.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("userId,movieId,rating,timestamp\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < x.size(); i++) {
                sb.setLength(0);
                // half stars as in MovieLens 20M: shift the integer rating down by 0.5 for odd rows
                float rating = x.values()[i] - ((i & 1) == 1 && x.values()[i] > 1 ? 0.5f : 0f);
                sb.append(x.users()[i] + 1).append(',').append(x.items()[i] + 1).append(',').append(rating)
                        .append(',').append(x.timestamp(i)).append('\n');
                w.append(sb);
            }
        }
        return file;
    }
}
