package org.recworkbench.algo.mf;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Implicit-feedback ALS (Hu, Koren and Volinsky 2008): every user–item pair has preference 1 if observed, else
 * 0, weighted by confidence {@code c = 1 + α·r} (r = 1 for binary feedback, else the interaction value), with
 * L2 penalty λ. Each row's least-squares problem {@code (YᵀY + Yᵀ(C_u − I)Y + λI) x = Yᵀ C_u p(u)} is solved
 * approximately by a few conjugate-gradient steps warm-started from the previous iterate (Takács, Pilászy and
 * Tikk 2011), so a row costs O(steps·(n_u·d + d²)) instead of a d³ factorization; {@code YᵀY} is computed once
 * per half-iteration. The loops over a row's vectors run on a {@link RowKernel}: plain Java, or the JDK's Vector
 * API for large fits where the module is present ({@link RowKernels}; the two agree to float rounding). Rows are
 * solved in parallel and independently, so results do not depend on the thread count. Defaults: 64 factors,
 * α = 40 (Hu et al.), 15 iterations, 3 CG steps; the paper leaves λ to validation, and λ = 100 is the best of a
 * sweep on ML-100K u1 by NDCG@10 (docs/benchmarks.md): tune it per dataset, it scales with the confidences.
 */
@Component(service = Recommender.class)
public class ImplicitAlsRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("implicit-als",
            "Implicit ALS (iALS)", "mf",
            "Weighted matrix factorization of implicit feedback by alternating least squares with conjugate "
                    + "gradient",
            "Y. Hu, Y. Koren, C. Volinsky. Collaborative filtering for implicit feedback datasets. ICDM 2008; "
                    + "G. Takacs, I. Pilaszy, D. Tikk. Applications of the conjugate gradient method for implicit "
                    + "feedback collaborative filtering. RecSys 2011",
            List.of(ParameterDescriptor.ofInt("factors", 64, 1, 1024, "latent dimensions"),
                    ParameterDescriptor.ofInt("iterations", 15, 1, 1000, "alternations (users then items)"),
                    ParameterDescriptor.ofDouble("alpha", 40, 0, 1e6, "confidence slope: c = 1 + alpha * r"),
                    ParameterDescriptor.ofDouble("regularization", 100, 1e-9, 1e9,
                            "L2 penalty lambda (best of a sweep on ML-100K; tune per dataset)"),
                    ParameterDescriptor.ofInt("cg-steps", 3, 1, 100, "conjugate-gradient steps per row and iteration"),
                    ParameterDescriptor.ofEnum("feedback", "binary", List.of("binary", "values"),
                            "binary: r = 1 for every observed pair; values: r = the interaction value (e.g. play "
                                    + "counts)"),
                    ParameterDescriptor.ofDouble("init-std", 0.01, 0, 10, "standard deviation of the initial factors")),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        Settings s = new Settings(params.getInt("factors"), params.getDouble("alpha"),
                params.getDouble("regularization"), params.getInt("cg-steps"),
                "values".equals(params.getString("feedback")), context.threads());
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] x = Vectors.gaussian(train.numUsers(), s.d(), params.getDouble("init-std"), random);
        float[] y = Vectors.gaussian(train.numItems(), s.d(), params.getDouble("init-std"), random);
        SparseMatrix byUser = train.userItems();
        SparseMatrix byItem = train.itemUsers();
        int iterations = params.getInt("iterations");
        Supplier<RowKernel> kernels = RowKernels.forFit(s.d(), 2.0 * train.size() * iterations);
        context.monitor().begin("fit implicit-als (" + kernels.get().name() + " kernel)", iterations);
        for (int it = 0; it < iterations; it++) {
            context.monitor().checkCanceled();
            halfStep(byUser, x, y, s, kernels);
            halfStep(byItem, y, x, s, kernels);
            context.monitor().worked(1);
        }
        context.monitor().done();
        return new FactorModel(0f, null, null, x, y, s.d(), false, context.backend());
    }

    /** The solver settings of one fit. */
    record Settings(int d, double alpha, double lambda, int steps, boolean useValues, int threads) {
    }

    /**
     * Updates every row of {@code x} against the fixed {@code y} (one half of an ALS iteration), each thread with
     * a kernel of its own.
     */
    static void halfStep(SparseMatrix rows, float[] x, float[] y, Settings s, Supplier<RowKernel> kernels) {
        int d = s.d();
        double[] gram = gram(y, d, s.threads(), kernels);
        float[][] yty = new float[d][d];
        for (int k = 0; k < gram.length; k++) {
            yty[k / d][k % d] = (float) gram[k];
        }
        IntStream range = IntStream.range(0, rows.rows());
        if (s.threads() > 1) {
            range = range.parallel();
        }
        ThreadLocal<Solver> solvers = ThreadLocal.withInitial(() -> new Solver(d, kernels.get()));
        range.forEach(r -> solvers.get().solve(rows, r, x, y, yty, s));
    }

    /** {@code YᵀY} in double precision, summed over row blocks in a fixed order. */
    static double[] gram(float[] y, int d, int threads, Supplier<RowKernel> kernels) {
        int n = y.length / d;
        int blocks = Math.max(1, Math.min(64, n / 256));
        double[][] partial = new double[blocks][];
        IntStream range = IntStream.range(0, blocks);
        if (threads > 1) {
            range = range.parallel();
        }
        range.forEach(b -> {
            double[] g = new double[d * d];
            kernels.get().addGram(y, d, (int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks), g);
            partial[b] = g;
        });
        double[] g = new double[d * d];
        for (double[] part : partial) {
            for (int k = 0; k < g.length; k++) {
                g[k] += part[k];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                g[i * d + j] = g[j * d + i];
            }
        }
        return g;
    }

    /** One thread's CG solver: its kernel and the buffers of a row's solve. */
    static final class Solver {
        private final RowKernel kernel;
        private final float[] residual;
        private final float[] direction;
        private final float[] ap;
        private float[] weight = new float[0]; // c - 1 per entry of the row
        private float[] shift = new float[0]; // c per entry of the row
        private float[] negativeWeight = new float[0]; // 1 - c per entry of the row

        Solver(int d, RowKernel kernel) {
            this.kernel = kernel;
            residual = new float[d];
            direction = new float[d];
            ap = new float[d];
        }

        /**
         * A few CG steps on {@code A x_r = b} with {@code A = YᵀY + Σ_{c∈row} (c_c − 1) y_c y_cᵀ + λI} and
         * {@code b = Σ_{c∈row} c_c y_c}, starting from the current {@code x_r}. The row's y_c are gathered once;
         * each step costs one pass of the kernel over them plus a product with YᵀY.
         */
        void solve(SparseMatrix rows, int row, float[] x, float[] y, float[][] yty, Settings s) {
            int d = s.d();
            int xo = row * d;
            int start = rows.rowStart(row);
            int n = rows.rowLength(row);
            float[] vals = rows.values();
            if (weight.length < n) {
                weight = new float[Math.max(n, weight.length * 2)];
                shift = new float[weight.length];
                negativeWeight = new float[weight.length];
            }
            for (int k = 0; k < n; k++) {
                weight[k] = (float) (s.alpha() * (s.useValues() ? vals[start + k] : 1f));
                shift[k] = 1 + weight[k];
                negativeWeight[k] = -weight[k];
            }
            kernel.gather(y, d, rows.columns(), start, n);
            float lambda = (float) s.lambda();
            float[] current = direction; // x_r, copied out so that it too starts at 0
            System.arraycopy(x, xo, current, 0, d);
            // residual = b - A x = Σ (c - (c-1) y_c·x) y_c - (YᵀY + λI) x
            kernel.gramTimes(yty, lambda, current, residual);
            for (int f = 0; f < d; f++) {
                residual[f] = -residual[f];
            }
            kernel.accumulate(current, shift, negativeWeight, residual);
            System.arraycopy(residual, 0, direction, 0, d);
            float rsOld = Vectors.dot(residual, 0, residual, 0, d);
            for (int step = 0; step < s.steps() && rsOld > 1e-20f; step++) {
                kernel.gramTimes(yty, lambda, direction, ap);
                kernel.accumulate(direction, null, weight, ap);
                float alpha = rsOld / Vectors.dot(direction, 0, ap, 0, d);
                Vectors.axpy(alpha, direction, 0, x, xo, d);
                for (int f = 0; f < d; f++) {
                    residual[f] -= alpha * ap[f];
                }
                float rsNew = Vectors.dot(residual, 0, residual, 0, d);
                float beta = rsNew / rsOld;
                for (int f = 0; f < d; f++) {
                    direction[f] = residual[f] + beta * direction[f];
                }
                rsOld = rsNew;
            }
        }
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        return FactorModel.read(in, backend);
    }
}
