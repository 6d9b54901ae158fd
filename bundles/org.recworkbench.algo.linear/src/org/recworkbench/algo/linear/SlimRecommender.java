package org.recworkbench.algo.linear;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.ItemItemModel;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * SLIM (Ning and Karypis 2011): for every item j, a sparse non-negative weight vector over the other items,
 * {@code min_w ½||x_j − X w||² + λ₁||w||₁ + ½λ₂||w||²} with {@code w ≥ 0, w_j = 0} (X binary, users × items), by
 * cyclic coordinate descent on the residual. Only items that co-occur with j can get a positive weight (for any
 * other k, {@code X_kᵀ r ≤ 0}), so each column's descent runs over those candidates — exact, not a heuristic.
 * Columns are independent and solved in parallel; the result does not depend on the thread count.
 */
@Component(service = Recommender.class)
public class SlimRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("slim", "SLIM", "linear",
            "Sparse linear item-item model by non-negative elastic-net coordinate descent (top-N)",
            "X. Ning and G. Karypis. SLIM: Sparse linear methods for top-N recommender systems. ICDM 2011",
            List.of(ParameterDescriptor.ofDouble("l1", 1.0, 0, 1e6, "L1 penalty lambda_1 (sparsity)"),
                    ParameterDescriptor.ofDouble("l2", 5.0, 1e-9, 1e6, "L2 penalty lambda_2"),
                    ParameterDescriptor.ofInt("sweeps", 10, 1, 100_000, "coordinate-descent passes per column"),
                    ParameterDescriptor.ofDouble("tolerance", 1e-4, 0, 1, "stop a column when no weight moves more")),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        SparseMatrix byUser = train.userItems();
        SparseMatrix byItem = train.itemUsers();
        int n = train.numItems();
        int m = train.numUsers();
        double l1 = params.getDouble("l1");
        double l2 = params.getDouble("l2");
        int sweeps = params.getInt("sweeps");
        double tolerance = params.getDouble("tolerance");
        int[][] keptItems = new int[n][];
        float[][] keptWeights = new float[n][];
        ThreadLocal<double[]> residuals = ThreadLocal.withInitial(() -> new double[m]);
        ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[n]);
        context.monitor().begin("slim columns", n);
        IntStream columns = IntStream.range(0, n);
        if (context.threads() > 1) {
            columns = columns.parallel();
        }
        columns.forEach(j -> {
            if ((j & 127) == 0) {
                context.monitor().checkCanceled();
            }
            double[] r = residuals.get();
            int[] stamp = stamps.get();
            int[] candidates = coOccurring(j, byItem, byUser, stamp);
            double[] w = new double[candidates.length];
            // r = x_j - X w, w = 0 at the start
            for (int p = byItem.rowStart(j); p < byItem.rowEnd(j); p++) {
                r[byItem.columns()[p]] = 1;
            }
            for (int sweep = 0; sweep < sweeps; sweep++) {
                double moved = 0;
                for (int c = 0; c < candidates.length; c++) {
                    int k = candidates[c];
                    double xr = 0;
                    int from = byItem.rowStart(k);
                    int to = byItem.rowEnd(k);
                    for (int p = from; p < to; p++) {
                        xr += r[byItem.columns()[p]];
                    }
                    double gkk = to - from;
                    double updated = Math.max(0, xr + gkk * w[c] - l1) / (gkk + l2);
                    double delta = updated - w[c];
                    if (delta != 0) {
                        for (int p = from; p < to; p++) {
                            r[byItem.columns()[p]] -= delta;
                        }
                        w[c] = updated;
                        moved = Math.max(moved, Math.abs(delta));
                    }
                }
                if (moved <= tolerance) {
                    break;
                }
            }
            // clear the residual for the next column: it is non-zero only on users of j and of the candidates
            for (int p = byItem.rowStart(j); p < byItem.rowEnd(j); p++) {
                r[byItem.columns()[p]] = 0;
            }
            for (int k : candidates) {
                for (int p = byItem.rowStart(k); p < byItem.rowEnd(k); p++) {
                    r[byItem.columns()[p]] = 0;
                }
            }
            int kept = 0;
            for (double x : w) {
                kept += x > 0 ? 1 : 0;
            }
            int[] items = new int[kept];
            float[] weights = new float[kept];
            for (int c = 0, o = 0; c < candidates.length; c++) {
                if (w[c] > 0) {
                    items[o] = candidates[c];
                    weights[o++] = (float) w[c];
                }
            }
            keptItems[j] = items;
            keptWeights[j] = weights;
            context.monitor().worked(1);
        });
        context.monitor().done();
        // W[k][j] = w_kj: row = the item the user has, column = the item scored
        int total = 0;
        for (int[] items : keptItems) {
            total += items.length;
        }
        int[] rows = new int[total];
        int[] cols = new int[total];
        float[] vals = new float[total];
        int pos = 0;
        for (int j = 0; j < n; j++) {
            for (int x = 0; x < keptItems[j].length; x++) {
                rows[pos] = keptItems[j][x];
                cols[pos] = j;
                vals[pos++] = keptWeights[j][x];
            }
        }
        return new ItemItemModel(byUser, SparseMatrix.fromCoordinates(n, n, rows, cols, vals), true);
    }

    /** The items other than j that some user of j also has, ascending. */
    static int[] coOccurring(int j, SparseMatrix byItem, SparseMatrix byUser, int[] stamp) {
        int[] out = new int[16];
        int count = 0;
        int mark = j + 1;
        for (int p = byItem.rowStart(j); p < byItem.rowEnd(j); p++) {
            int u = byItem.columns()[p];
            for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
                int k = byUser.columns()[q];
                if (k != j && stamp[k] != mark) {
                    stamp[k] = mark;
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = k;
                }
            }
        }
        int[] items = Arrays.copyOf(out, count);
        Arrays.sort(items);
        return items;
    }

    @Override
    public Model read(java.io.DataInputStream in, ComputeBackend backend) throws java.io.IOException {
        return ItemItemModel.read(in);
    }
}
