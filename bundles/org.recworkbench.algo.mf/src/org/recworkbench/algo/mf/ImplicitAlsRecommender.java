package org.recworkbench.algo.mf;

import java.util.List;
import java.util.SplittableRandom;
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
 * per half-iteration. Rows are solved in parallel and independently, so results do not depend on the thread
 * count. Defaults: 64 factors, α = 40 (Hu et al.), 15 iterations, 3 CG steps; the paper leaves λ to
 * validation, and λ = 100 is the best of a sweep on ML-100K u1 by NDCG@10 (docs/benchmarks.md): tune it per
 * dataset, it scales with the confidences.
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
        context.monitor().begin("fit implicit-als", iterations);
        for (int it = 0; it < iterations; it++) {
            context.monitor().checkCanceled();
            halfStep(byUser, x, y, s);
            halfStep(byItem, y, x, s);
            context.monitor().worked(1);
        }
        context.monitor().done();
        return new FactorModel(0f, null, null, x, y, s.d(), false, context.backend());
    }

    /** The solver settings of one fit. */
    record Settings(int d, double alpha, double lambda, int steps, boolean useValues, int threads) {
    }

    /** Updates every row of {@code x} against the fixed {@code y} (one half of an ALS iteration). */
    static void halfStep(SparseMatrix rows, float[] x, float[] y, Settings s) {
        int d = s.d();
        double[] gram = gram(y, d, s.threads());
        float[][] yty = new float[d][d];
        for (int k = 0; k < gram.length; k++) {
            yty[k / d][k % d] = (float) gram[k];
        }
        IntStream range = IntStream.range(0, rows.rows());
        if (s.threads() > 1) {
            range = range.parallel();
        }
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(d));
        range.forEach(r -> conjugateGradient(rows, r, x, y, yty, s, scratch.get()));
    }

    /** {@code YᵀY} in double precision, summed over row blocks in a fixed order. */
    static double[] gram(float[] y, int d, int threads) {
        int n = y.length / d;
        int blocks = Math.max(1, Math.min(64, n / 256));
        double[][] partial = new double[blocks][];
        IntStream range = IntStream.range(0, blocks);
        if (threads > 1) {
            range = range.parallel();
        }
        range.forEach(b -> {
            double[] g = new double[d * d];
            int from = (int) ((long) n * b / blocks);
            int to = (int) ((long) n * (b + 1) / blocks);
            for (int r = from; r < to; r++) {
                int o = r * d;
                for (int i = 0; i < d; i++) {
                    double yi = y[o + i];
                    for (int j = i; j < d; j++) {
                        g[i * d + j] += yi * y[o + j];
                    }
                }
            }
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

    /**
     * Per-thread buffers of the CG solver. Every vector is its own array starting at 0: C2 (JDK 17) vectorizes
     * {@code y[f] += a * x[f]} between two arrays, but not with offsets into them (measured 5.3 vs 2.0 GMAC/s
     * per core at length 64), so gathered rows and columns live in arrays of their own.
     */
    static final class Scratch {
        final float[] residual;
        final float[] direction;
        final float[] ap;
        final float[][] columns; // columns[f][k] = f-th component of the row's k-th y_c
        float[][] rowCopies = new float[0][]; // rowCopies[k] = the row's k-th y_c
        float[] t = new float[0];
        float[] weight = new float[0];

        Scratch(int d) {
            residual = new float[d];
            direction = new float[d];
            ap = new float[d];
            columns = new float[d][0];
        }

        void ensure(int n, int d) {
            if (t.length < n) {
                int capacity = Math.max(n, t.length * 2);
                t = new float[capacity];
                weight = new float[capacity];
                for (int f = 0; f < d; f++) {
                    columns[f] = new float[capacity];
                }
                int had = rowCopies.length;
                rowCopies = java.util.Arrays.copyOf(rowCopies, capacity);
                for (int k = had; k < capacity; k++) {
                    rowCopies[k] = new float[d];
                }
            }
        }
    }

    /**
     * A few CG steps on {@code A x_r = b} with {@code A = YᵀY + Σ_{c∈row} (c_c − 1) y_c y_cᵀ + λI} and
     * {@code b = Σ_{c∈row} c_c y_c}, starting from the current {@code x_r}. Every inner loop is an axpy (which
     * the JIT vectorizes), not a dot product: the row's y_c are gathered once column by column so that all n
     * products {@code y_c·v} come from d axpys of length n, and {@code Σ w_c (y_c·v) y_c} is n axpys of length d.
     */
    private static void conjugateGradient(SparseMatrix rows, int row, float[] x, float[] y, float[][] yty,
            Settings s, Scratch scratch) {
        int d = s.d();
        int xo = row * d;
        int start = rows.rowStart(row);
        int n = rows.rowLength(row);
        int[] cols = rows.columns();
        float[] vals = rows.values();
        scratch.ensure(n, d);
        float[] residual = scratch.residual;
        float[] direction = scratch.direction;
        float[] ap = scratch.ap;
        float[][] columns = scratch.columns;
        float[][] local = scratch.rowCopies;
        float[] t = scratch.t;
        float[] weight = scratch.weight;
        for (int k = 0; k < n; k++) {
            weight[k] = (float) (s.alpha() * (s.useValues() ? vals[start + k] : 1f)); // c - 1
            System.arraycopy(y, cols[start + k] * d, local[k], 0, d);
        }
        transpose(local, n, d, columns);
        float[] current = direction; // x_r, copied out so that it too starts at 0
        System.arraycopy(x, xo, current, 0, d);
        // residual = b - A x = Σ (c - (c-1) y_c·x) y_c - (YᵀY + λI) x
        multiply(current, yty, d, s.lambda(), residual);
        for (int f = 0; f < d; f++) {
            residual[f] = -residual[f];
        }
        products(columns, n, d, current, t);
        for (int k = 0; k < n; k++) {
            t[k] = 1 + weight[k] - weight[k] * t[k];
        }
        combine(local, t, n, d, residual);
        System.arraycopy(residual, 0, direction, 0, d);
        float rsOld = Vectors.dot(residual, 0, residual, 0, d);
        for (int step = 0; step < s.steps() && rsOld > 1e-20f; step++) {
            multiply(direction, yty, d, s.lambda(), ap);
            products(columns, n, d, direction, t);
            for (int k = 0; k < n; k++) {
                t[k] *= weight[k];
            }
            combine(local, t, n, d, ap);
            float alpha = rsOld / Vectors.dot(direction, 0, ap, 0, d);
            Vectors.axpy(alpha, direction, 0, x, xo, d);
            axpy(-alpha, ap, residual, d);
            float rsNew = Vectors.dot(residual, 0, residual, 0, d);
            float beta = rsNew / rsOld;
            for (int f = 0; f < d; f++) {
                direction[f] = residual[f] + beta * direction[f];
            }
            rsOld = rsNew;
        }
    }

    /**
     * {@code columns[f][k] = rows[k][f]}, eight rows at a time: each column array is fetched once per eight
     * stores and the eight rows are read in order (3x faster than one row per pass, which was about half of an
     * ALS iteration; docs/benchmarks.md).
     */
    static void transpose(float[][] rows, int n, int d, float[][] columns) {
        int k = 0;
        for (; k + 7 < n; k += 8) {
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            float[] r2 = rows[k + 2];
            float[] r3 = rows[k + 3];
            float[] r4 = rows[k + 4];
            float[] r5 = rows[k + 5];
            float[] r6 = rows[k + 6];
            float[] r7 = rows[k + 7];
            for (int f = 0; f < d; f++) {
                float[] c = columns[f];
                c[k] = r0[f];
                c[k + 1] = r1[f];
                c[k + 2] = r2[f];
                c[k + 3] = r3[f];
                c[k + 4] = r4[f];
                c[k + 5] = r5[f];
                c[k + 6] = r6[f];
                c[k + 7] = r7[f];
            }
        }
        for (; k < n; k++) {
            float[] r = rows[k];
            for (int f = 0; f < d; f++) {
                columns[f][k] = r[f];
            }
        }
    }

    /** {@code y[0..n) += a * x[0..n)}: both vectors start at index 0, the form C2 vectorizes. */
    private static void axpy(float a, float[] x, float[] y, int n) {
        for (int f = 0; f < n; f++) {
            y[f] += a * x[f];
        }
    }

    /**
     * {@code t[k] = y_k · v} for the n gathered rows, as axpys of length n over the gathered columns, four
     * columns per pass so that {@code t} is loaded and stored a quarter as often.
     */
    private static void products(float[][] columns, int n, int d, float[] v, float[] t) {
        java.util.Arrays.fill(t, 0, n, 0f);
        int f = 0;
        for (; f + 3 < d; f += 4) {
            float v0 = v[f];
            float v1 = v[f + 1];
            float v2 = v[f + 2];
            float v3 = v[f + 3];
            float[] c0 = columns[f];
            float[] c1 = columns[f + 1];
            float[] c2 = columns[f + 2];
            float[] c3 = columns[f + 3];
            for (int k = 0; k < n; k++) {
                t[k] += v0 * c0[k] + v1 * c1[k] + v2 * c2[k] + v3 * c3[k];
            }
        }
        for (; f < d; f++) {
            axpy(v[f], columns[f], t, n);
        }
    }

    /** {@code out += Σ_k a[k] · rows[k]}, four rows per pass over {@code out}. */
    private static void combine(float[][] rows, float[] a, int n, int d, float[] out) {
        int k = 0;
        for (; k + 3 < n; k += 4) {
            float a0 = a[k];
            float a1 = a[k + 1];
            float a2 = a[k + 2];
            float a3 = a[k + 3];
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            float[] r2 = rows[k + 2];
            float[] r3 = rows[k + 3];
            for (int f = 0; f < d; f++) {
                out[f] += a0 * r0[f] + a1 * r1[f] + a2 * r2[f] + a3 * r3[f];
            }
        }
        for (; k < n; k++) {
            axpy(a[k], rows[k], out, d);
        }
    }

    /** {@code out = (YᵀY + λI) v} as d axpys over the rows of the symmetric YᵀY. */
    private static void multiply(float[] v, float[][] yty, int d, double lambda, float[] out) {
        for (int i = 0; i < d; i++) {
            out[i] = (float) lambda * v[i];
        }
        combine(yty, v, d, d, out);
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        return FactorModel.read(in, backend);
    }
}
