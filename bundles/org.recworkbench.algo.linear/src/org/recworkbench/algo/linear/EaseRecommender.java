package org.recworkbench.algo.linear;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.Persistence;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * EASE (Steck 2019): the item–item weight matrix minimising {@code ||X − XB||² + λ||B||²} with a zero
 * diagonal, in closed form: {@code P = (XᵀX + λI)⁻¹}, {@code B_ij = −P_ij / P_jj} for i ≠ j. X is the binary
 * user–item matrix. The inverse is a dense Gauss–Jordan elimination in double precision whose row updates
 * run in parallel: O(n³) time and 8n² bytes for n items, seconds for a few thousand items; larger catalogues
 * are refused above {@code max-items} (the dense solve belongs on an accelerated backend).
 */
@Component(service = Recommender.class)
public class EaseRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("ease", "EASE", "linear",
            "Embarrassingly shallow autoencoder: closed-form item-item regression with a zero diagonal (top-N)",
            "H. Steck. Embarrassingly shallow autoencoders for sparse data. WWW 2019",
            List.of(ParameterDescriptor.ofDouble("regularization", 500, 1e-6, 1e9,
                            "L2 penalty lambda (the paper's 500 for ML-20M; tune per dataset)"),
                    ParameterDescriptor.ofInt("max-items", 20_000, 1, 1_000_000,
                            "refuse catalogues larger than this (the dense inverse needs 8 n^2 bytes and n^3 time)")),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int n = train.numItems();
        if (n > params.getInt("max-items")) {
            throw new RecommenderBuildException("EASE needs a dense " + n + " x " + n + " inverse (" + (8L * n * n >> 20)
                    + " MiB); raise max-items to try, or filter the catalogue");
        }
        double[][] a = gram(train.userItems(), n);
        double lambda = params.getDouble("regularization");
        for (int i = 0; i < n; i++) {
            a[i][i] += lambda;
        }
        context.monitor().begin("ease inverse", n);
        invertInPlace(a, context);
        context.monitor().done();
        float[][] b = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = i == j ? 0f : (float) (-a[i][j] / a[j][j]);
            }
        }
        return new EaseModel(train.userItems(), b);
    }

    /** {@code XᵀX} of the binary user–item matrix: co-occurrence counts of item pairs. */
    static double[][] gram(SparseMatrix userItems, int n) {
        double[][] g = new double[n][n];
        int[] cols = userItems.columns();
        for (int u = 0; u < userItems.rows(); u++) {
            int from = userItems.rowStart(u);
            int to = userItems.rowEnd(u);
            for (int p = from; p < to; p++) {
                double[] row = g[cols[p]];
                for (int q = from; q < to; q++) {
                    row[cols[q]] += 1;
                }
            }
        }
        return g;
    }

    /**
     * Gauss–Jordan inversion of a symmetric positive definite matrix (no pivoting needed), in place. Each
     * elimination step updates every other row by one axpy over the pivot row; rows are independent, so they
     * run in parallel, and the result does not depend on the thread count.
     */
    static void invertInPlace(double[][] a, TrainingContext context) {
        int n = a.length;
        for (int k = 0; k < n; k++) {
            if ((k & 63) == 0) {
                context.monitor().checkCanceled();
            }
            double[] pivotRow = a[k];
            double pivot = pivotRow[k];
            if (!(pivot > 0)) {
                throw new RecommenderBuildException("XᵀX + λI is not positive definite (λ too small?)");
            }
            double inv = 1 / pivot;
            for (int j = 0; j < n; j++) {
                pivotRow[j] *= inv;
            }
            pivotRow[k] = inv;
            int step = k;
            IntStream rows = IntStream.range(0, n);
            if (n >= 256) {
                rows = rows.parallel();
            }
            rows.forEach(i -> {
                if (i == step) {
                    return;
                }
                double[] row = a[i];
                double f = row[step];
                if (f == 0) {
                    return;
                }
                for (int j = 0; j < n; j++) {
                    row[j] -= f * pivotRow[j];
                }
                row[step] = -f * inv;
            });
            context.monitor().worked(1);
        }
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        SparseMatrix userItems = Persistence.readMatrix(in);
        int n = in.readInt();
        float[][] b = new float[n][n];
        for (float[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = in.readFloat();
            }
        }
        return new EaseModel(userItems, b);
    }

    /** Scores {@code Σ_{i ∈ items(u)} B[i]}: one dense row per item of the user. */
    record EaseModel(SparseMatrix userItems, float[][] b) implements PersistentModel {
        @Override
        public int numUsers() {
            return userItems.rows();
        }

        @Override
        public int numItems() {
            return b.length;
        }

        @Override
        public void scoreAll(int[] users, float[] out) {
            int n = b.length;
            float[] row = new float[n];
            for (int k = 0; k < users.length; k++) {
                Arrays.fill(row, 0f);
                int u = users[k];
                for (int p = userItems.rowStart(u); p < userItems.rowEnd(u); p++) {
                    float[] w = b[userItems.columns()[p]];
                    for (int j = 0; j < n; j++) {
                        row[j] += w[j];
                    }
                }
                System.arraycopy(row, 0, out, k * n, n);
            }
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            Persistence.write(out, userItems);
            out.writeInt(b.length);
            for (float[] r : b) {
                for (float x : r) {
                    out.writeFloat(x);
                }
            }
        }
    }
}
