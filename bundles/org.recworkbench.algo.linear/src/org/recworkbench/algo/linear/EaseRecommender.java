package org.recworkbench.algo.linear;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
 * user–item matrix. The inverse is the compute backend's (native Cholesky on ND4J/OpenBLAS, pure-Java
 * elimination on the CPU backend): O(n³) time; B is computed in place of P, so the fit holds one row-major
 * {@code n×n} float matrix (4n² bytes). Catalogues above {@code max-items} are refused before any allocation.
 */
@Component(service = Recommender.class)
public class EaseRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("ease", "EASE", "linear",
            "Embarrassingly shallow autoencoder: closed-form item-item regression with a zero diagonal (top-N)",
            "H. Steck. Embarrassingly shallow autoencoders for sparse data. WWW 2019",
            List.of(ParameterDescriptor.ofDouble("regularization", 500, 1e-6, 1e9,
                            "L2 penalty lambda (the paper's 500 for ML-20M; tune per dataset)"),
                    ParameterDescriptor.ofInt("max-items", 20_000, 1, 46_340,
                            "refuse catalogues larger than this (the dense inverse needs 4 n^2 bytes and n^3 time)")),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int n = train.numItems();
        if (n > params.getInt("max-items")) {
            throw new RecommenderBuildException("EASE needs a dense " + n + " x " + n + " inverse ("
                    + (4L * n * n >> 20) + " MiB); raise max-items to try, or filter the catalogue");
        }
        float[] p = gram(train.userItems(), n);
        float lambda = (float) params.getDouble("regularization");
        for (int i = 0; i < n; i++) {
            p[i * n + i] += lambda;
        }
        context.monitor().begin("ease inverse (" + context.backend().id() + ")", n);
        try {
            context.backend().invertSymmetricPositiveDefinite(p, n, context.monitor());
        } catch (ArithmeticException e) {
            throw new RecommenderBuildException("XᵀX + λI is not positive definite (λ too small?): " + e.getMessage());
        }
        context.monitor().done();
        // B_ij = −P_ij / P_jj with a zero diagonal, in place (P is not needed afterwards)
        float[] diagonal = new float[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = p[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                p[row + j] = i == j ? 0f : -p[row + j] / diagonal[j];
            }
        }
        return new EaseModel(train.userItems(), p, n);
    }

    /** {@code XᵀX} of the binary user–item matrix, row-major: co-occurrence counts of item pairs. */
    static float[] gram(SparseMatrix userItems, int n) {
        float[] g = new float[Math.multiplyExact(n, n)];
        int[] cols = userItems.columns();
        for (int u = 0; u < userItems.rows(); u++) {
            int from = userItems.rowStart(u);
            int to = userItems.rowEnd(u);
            for (int p = from; p < to; p++) {
                int row = cols[p] * n;
                for (int q = from; q < to; q++) {
                    g[row + cols[q]] += 1;
                }
            }
        }
        return g;
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        SparseMatrix userItems = Persistence.readMatrix(in);
        int n = in.readInt();
        float[] b = new float[Math.multiplyExact(n, n)];
        for (int k = 0; k < b.length; k++) {
            b[k] = in.readFloat();
        }
        return new EaseModel(userItems, b, n);
    }

    /** Scores {@code Σ_{i ∈ items(u)} B[i]}: one dense row of the row-major {@code n×n} B per item of the user. */
    record EaseModel(SparseMatrix userItems, float[] b, int n) implements PersistentModel {
        @Override
        public int numUsers() {
            return userItems.rows();
        }

        @Override
        public int numItems() {
            return n;
        }

        @Override
        public void scoreAll(int[] users, float[] out) {
            Arrays.fill(out, 0, users.length * n, 0f);
            for (int k = 0; k < users.length; k++) {
                int u = users[k];
                int row = k * n;
                for (int p = userItems.rowStart(u); p < userItems.rowEnd(u); p++) {
                    int w = userItems.columns()[p] * n;
                    for (int j = 0; j < n; j++) {
                        out[row + j] += b[w + j];
                    }
                }
            }
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            Persistence.write(out, userItems);
            out.writeInt(n);
            for (float x : b) {
                out.writeFloat(x);
            }
        }
    }
}
