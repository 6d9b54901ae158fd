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
 * Explicit alternating least squares with weighted-λ regularization (ALS-WR, Zhou et al. 2008) and biases:
 * {@code r̂ = μ + b_u + b_i + p_u·q_i}. With the items fixed, each user's {@code [p_u, b_u]} is the exact
 * ridge solution over the user's ratings with penalty {@code λ·n_u} (and symmetrically for items), a
 * (d+1)×(d+1) Cholesky solve per row. Rows are solved in parallel; each solve depends only on the other side,
 * so the result does not depend on the thread count.
 */
@Component(service = Recommender.class)
public class AlsRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("als", "ALS (explicit)", "mf",
            "Alternating least squares on the ratings with weighted-lambda regularization and biases",
            "Y. Zhou, D. Wilkinson, R. Schreiber, R. Pan. Large-scale parallel collaborative filtering for the "
                    + "Netflix Prize. AAIM 2008",
            List.of(ParameterDescriptor.ofInt("factors", 20, 1, 1024, "latent dimensions"),
                    ParameterDescriptor.ofInt("iterations", 15, 1, 1000, "alternations (users then items)"),
                    ParameterDescriptor.ofDouble("regularization", 0.1, 1e-9, 1e6,
                            "λ, multiplied by each row's rating count (weighted-λ)"),
                    ParameterDescriptor.ofDouble("init-std", 0.1, 0, 10, "standard deviation of the initial factors")),
            true, true);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int d = params.getInt("factors");
        double lambda = params.getDouble("regularization");
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] p = Vectors.gaussian(train.numUsers(), d, params.getDouble("init-std"), random);
        float[] q = Vectors.gaussian(train.numItems(), d, params.getDouble("init-std"), random);
        float[] bu = new float[train.numUsers()];
        float[] bi = new float[train.numItems()];
        float mu = FunkSvdRecommender.mean(train);
        SparseMatrix byUser = train.userItems();
        SparseMatrix byItem = train.itemUsers();
        int iterations = params.getInt("iterations");
        context.monitor().begin("fit als", iterations);
        for (int it = 0; it < iterations; it++) {
            context.monitor().checkCanceled();
            solveSide(byUser, p, bu, q, bi, mu, d, lambda, context.threads());
            solveSide(byItem, q, bi, p, bu, mu, d, lambda, context.threads());
            context.monitor().worked(1);
        }
        context.monitor().done();
        return new FactorModel(mu, bu, bi, p, q, d, true, context.backend());
    }

    /**
     * For every row r of {@code rows}: {@code [x_r, b_r] = argmin Σ_c (v - μ - b_c - b_r - x_r·y_c)² + λ n_r
     * (|x_r|² + b_r²)} with the other side's factors {@code y} and biases {@code bOther} fixed.
     */
    private static void solveSide(SparseMatrix rows, float[] x, float[] b, float[] y, float[] bOther, float mu, int d,
            double lambda, int threads) {
        int k = d + 1;
        IntStream range = IntStream.range(0, rows.rows());
        if (threads > 1) {
            range = range.parallel();
        }
        ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[][] {new double[k * k],
            new double[k]});
        int[] cols = rows.columns();
        float[] vals = rows.values();
        range.forEach(r -> {
            int n = rows.rowLength(r);
            if (n == 0) {
                return; // nothing observed: keep the initial factors, no bias
            }
            double[][] s = scratch.get();
            double[] a = s[0];
            double[] rhs = s[1];
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(rhs, 0);
            for (int at = rows.rowStart(r); at < rows.rowEnd(r); at++) {
                int c = cols[at];
                int yc = c * d;
                double target = vals[at] - mu - bOther[c];
                // design row z = [y_c, 1]
                for (int i = 0; i < d; i++) {
                    double zi = y[yc + i];
                    for (int j = 0; j <= i; j++) {
                        a[i * k + j] += zi * y[yc + j];
                    }
                    a[d * k + i] += zi;
                    rhs[i] += zi * target;
                }
                a[d * k + d] += 1;
                rhs[d] += target;
            }
            double penalty = lambda * n;
            for (int i = 0; i < k; i++) {
                a[i * k + i] += penalty;
                for (int j = 0; j < i; j++) {
                    a[j * k + i] = a[i * k + j]; // mirror the lower triangle
                }
            }
            Vectors.solveSpd(a, rhs, k);
            for (int i = 0; i < d; i++) {
                x[r * d + i] = (float) rhs[i];
            }
            b[r] = (float) rhs[d];
        });
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        return FactorModel.read(in, backend);
    }
}
