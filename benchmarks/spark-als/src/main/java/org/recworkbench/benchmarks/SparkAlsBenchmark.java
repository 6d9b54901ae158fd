package org.recworkbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.recworkbench.algo.mf.ImplicitAlsRecommender;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.data.synthetic.SyntheticGenerator;

/**
 * Implicit ALS of RecWorkbench and of Spark MLlib, side by side in one JVM on the same generated data
 * (MovieLens-20M shape: 138k users, 27k items, binary feedback), same rank, confidence 1 + 40·r and number of
 * iterations. Prints seconds per iteration of each, their ratio, and the training objective of both models
 * evaluated by one independent function (the confidence-weighted squared error over all user–item pairs).
 *
 * <p>Arguments: {@code [interactions] [iterations] [rank]} (defaults 20,000,000, 3, 64).
 */
public final class SparkAlsBenchmark {
    private static final double ALPHA = 40;
    private static final double LAMBDA = 100; // RecWorkbench's default, flat per row

    private SparkAlsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long interactions = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rank = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        // CG steps per row to measure ours with (the first is compared with Spark), and whether to run Spark at all
        // each setting is STEPS or STEPS/KERNEL (scalar or vector: the implicit-ALS row kernel, else the default)
        String[] settings = args.length > 3 ? args[3].split(",") : new String[] {"3"};
        boolean withSpark = args.length <= 4 || !args[4].equals("ours-only");
        int cores = Runtime.getRuntime().availableProcessors();
        int users = (int) Math.max(100, Math.min(138_493, interactions / 144));
        int items = (int) Math.max(100, Math.min(26_744, interactions / 750));
        Interactions x = SyntheticGenerator.generate(new SyntheticGenerator.Config(users, items, interactions, 16, 1.0,
                2.0, 18, false, 7), ProgressMonitor.NONE).interactions();
        x = distinctPairs(x);
        System.out.printf(Locale.ROOT, "data: %,d users x %,d items x %,d distinct pairs; rank %d; %d iterations; "
                + "%d cores; Java %s%n", x.numUsers(), x.numItems(), x.size(), rank, iterations, cores,
                System.getProperty("java.version"));

        FactorModel model = null;
        double oursPerIteration = 0;
        double oursMarginal = 0;
        for (String setting : settings) {
            String[] parts = setting.split("/");
            int steps = Integer.parseInt(parts[0]);
            String kernel = parts.length > 1 ? parts[1] : "default";
            if (parts.length > 1) {
                System.setProperty("recworkbench.als.kernel", kernel);
            } else {
                System.clearProperty("recworkbench.als.kernel");
            }
            // RecWorkbench: every iteration timed through the progress monitor
            List<Long> ticks = new ArrayList<>();
            ProgressMonitor timing = new ProgressMonitor() {
                public void begin(String task, long totalWork) {
                    ticks.add(System.nanoTime());
                }

                public void worked(long work) {
                    ticks.add(System.nanoTime());
                }

                public void done() {
                }

                public boolean isCanceled() {
                    return false;
                }
            };
            ImplicitAlsRecommender ours = new ImplicitAlsRecommender();
            FactorModel fitted = fit(ours, x, iterations, rank, cores, steps, timing);
            double perIteration = (ticks.get(ticks.size() - 1) - ticks.get(0)) / 1e9 / iterations;
            StringBuilder each = new StringBuilder();
            for (int k = 1; k < ticks.size(); k++) {
                each.append(k == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f",
                        (ticks.get(k) - ticks.get(k - 1)) / 1e9));
            }
            System.out.printf(Locale.ROOT, "recworkbench implicit-als, %d CG steps, %s kernel: %.2f s per iteration "
                    + "(%s)%n", steps, kernel, perIteration, each);
            // the same measure as Spark's below: whole fits with 1 and 1 + iterations iterations, the difference per
            // iteration (setup, the first iteration and its JIT warm-up excluded on both sides)
            long o0 = System.nanoTime();
            fit(ours, x, 1, rank, cores, steps, ProgressMonitor.NONE);
            long o1 = System.nanoTime();
            fit(ours, x, 1 + iterations, rank, cores, steps, ProgressMonitor.NONE);
            long o2 = System.nanoTime();
            double marginal = ((o2 - o1) - (o1 - o0)) / 1e9 / iterations;
            System.out.printf(Locale.ROOT, "recworkbench implicit-als, %d CG steps, %s kernel, measured as Spark is: "
                    + "%.2f s per iteration (fit with 1 iteration %.1f s, with %d iterations %.1f s); weighted squared "
                    + "error %.6g after %d iterations%n", steps, kernel, marginal, (o1 - o0) / 1e9, 1 + iterations, (o2 - o1) / 1e9,
                    dataLoss(x, fitted.userFactors(), fitted.itemFactors(), rank), iterations);
            if (model == null) {
                model = fitted;
                oursPerIteration = perIteration;
                oursMarginal = marginal;
            }
        }
        if (!withSpark) {
            return;
        }

        // Spark MLlib, local[cores]: the cost of `iterations` more iterations, setup excluded
        Path csv = Files.createTempFile("spark-als", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            for (int k = 0; k < x.size(); k++) {
                w.write(x.users()[k] + "," + x.items()[k] + "\n");
            }
        }
        SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("als-benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(cores * 2))
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType);
        Dataset<Row> ratings = spark.read().schema(schema).csv(csv.toString())
                .withColumn("rating", functions.lit(1.0f)).cache();
        ratings.count();
        double sparkRegParam = LAMBDA * x.numUsers() / x.size(); // Spark scales λ by each row's count (ALS-WR)
        long t0 = System.nanoTime();
        als(rank, 1, sparkRegParam).fit(ratings).userFactors().count();
        long t1 = System.nanoTime();
        ALSModel sparkModel = als(rank, 1 + iterations, sparkRegParam).fit(ratings);
        sparkModel.userFactors().count();
        long t2 = System.nanoTime();
        double sparkPerIteration = ((t2 - t1) - (t1 - t0)) / 1e9 / iterations;
        System.out.printf(Locale.ROOT, "spark mllib ALS (implicitPrefs, local[%d], regParam %.4f): %.2f s per iteration "
                + "(fit with 1 iteration %.1f s, with %d iterations %.1f s)%n", cores, sparkRegParam,
                sparkPerIteration, (t1 - t0) / 1e9, 1 + iterations, (t2 - t1) / 1e9);
        System.out.printf(Locale.ROOT, "ratio: recworkbench is %.1fx faster per iteration counting all its "
                + "iterations, %.1fx measured the same way as Spark%n", sparkPerIteration / oursPerIteration,
                sparkPerIteration / oursMarginal);

        float[] su = factors(sparkModel.userFactors(), x.numUsers(), rank);
        float[] si = factors(sparkModel.itemFactors(), x.numItems(), rank);
        System.out.printf(Locale.ROOT, "weighted squared error over all pairs: recworkbench %.6g after %d iterations, "
                + "spark %.6g after %d%n", dataLoss(x, model.userFactors(), model.itemFactors(), rank), iterations,
                dataLoss(x, su, si, rank), 1 + iterations);
        spark.stop();
        Files.deleteIfExists(csv);
    }

    private static FactorModel fit(ImplicitAlsRecommender ours, Interactions x, int iterations, int rank, int cores,
            int cgSteps, ProgressMonitor monitor) {
        return (FactorModel) ours.fit(new TrainingContext(null, 42, monitor, NO_SCORING, cores), x,
                Parameters.validate("params", ours.descriptor().parameters(), Map.of("factors", rank, "iterations",
                        iterations, "alpha", ALPHA, "regularization", LAMBDA, "cg-steps", cgSteps)));
    }

    private static ALS als(int rank, int iterations, double regParam) {
        return new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setAlpha(ALPHA)
                .setRegParam(regParam).setSeed(42).setUserCol("user").setItemCol("item").setRatingCol("rating");
    }

    private static float[] factors(Dataset<Row> frame, int rows, int rank) {
        float[] out = new float[rows * rank];
        for (Row r : frame.collectAsList()) {
            int id = r.getInt(0);
            List<Object> f = r.getList(1);
            for (int k = 0; k < rank; k++) {
                out[id * rank + k] = ((Number) f.get(k)).floatValue();
            }
        }
        return out;
    }

    /**
     * {@code Σ_{u,i} c_ui (p_ui − x_u·y_i)²} with {@code c = 1 + α} and {@code p = 1} on observed pairs, else
     * {@code c = 1, p = 0}: all pairs through {@code Σ_u x_uᵀ (YᵀY) x_u}, then the observed pairs corrected.
     */
    static double dataLoss(Interactions x, float[] users, float[] items, int d) {
        double[] gram = new double[d * d];
        for (int i = 0; i < x.numItems(); i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    gram[a * d + b] += (double) items[i * d + a] * items[i * d + b];
                }
            }
        }
        double total = 0;
        for (int u = 0; u < x.numUsers(); u++) {
            for (int a = 0; a < d; a++) {
                double row = 0;
                for (int b = 0; b < d; b++) {
                    row += gram[a * d + b] * users[u * d + b];
                }
                total += users[u * d + a] * row;
            }
        }
        for (int k = 0; k < x.size(); k++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                s += (double) users[x.users()[k] * d + a] * items[x.items()[k] * d + a];
            }
            total += (1 + ALPHA) * (1 - s) * (1 - s) - s * s;
        }
        return total;
    }

    /** One row per (user, item) pair, so both libraries see the same binary matrix. */
    static Interactions distinctPairs(Interactions x) {
        SparseMatrix m = x.userItems();
        int[] us = new int[m.columns().length];
        int[] is = new int[us.length];
        int n = 0;
        for (int u = 0; u < m.rows(); u++) {
            int last = -1;
            for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
                int i = m.columns()[p];
                if (i != last) {
                    us[n] = u;
                    is[n] = i;
                    n++;
                    last = i;
                }
            }
        }
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        return new Interactions(x.numUsers(), x.numItems(), java.util.Arrays.copyOf(us, n),
                java.util.Arrays.copyOf(is, n), ones, new long[n]);
    }

    /** Training never scores; the factor model still wants a backend. */
    private static final ComputeBackend NO_SCORING = new ComputeBackend() {
        public String id() {
            return "none";
        }

        public String description() {
            return "training only";
        }

        public int priority() {
            return 0;
        }

        public boolean isAvailable() {
            return true;
        }

        public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
            throw new UnsupportedOperationException("the benchmark does not score");
        }
    };
}
