package org.recworkbench.algo.support;

import java.util.List;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Weights of the user–item edges for neighbourhood computations, as arrays aligned with the entries of a CSR
 * view: the raw value or 1, values centred by the user's or the item's mean (adjusted cosine, Pearson), or
 * TF-IDF / BM25 reweighting of implicit feedback where users play the role of terms (a user who interacted with
 * many items says little about each: idf = log(|I| / |I_u|)).
 */
public final class EdgeWeights {
    /** The weighting names, for parameter descriptors. */
    public static final List<String> WEIGHTINGS = List.of("none", "tf-idf", "bm25");

    private final float[] byUser;
    private final float[] byItem;

    private EdgeWeights(float[] byUser, float[] byItem) {
        this.byUser = byUser;
        this.byItem = byItem;
    }

    /** Weights aligned with {@code train.userItems()} entries. */
    public float[] alignedWithUserItems() {
        return byUser;
    }

    /** Weights aligned with {@code train.itemUsers()} entries. */
    public float[] alignedWithItemUsers() {
        return byItem;
    }

    /** How each edge (u, i, r) becomes a weight. */
    @FunctionalInterface
    interface EdgeFunction {
        float weight(int user, int item, float value);
    }

    private static EdgeWeights of(Interactions train, EdgeFunction f) {
        return new EdgeWeights(along(train.userItems(), f, true), along(train.itemUsers(), f, false));
    }

    private static float[] along(SparseMatrix m, EdgeFunction f, boolean rowsAreUsers) {
        float[] w = new float[m.columns().length];
        for (int r = 0; r < m.rows(); r++) {
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                int c = m.columns()[p];
                w[p] = rowsAreUsers ? f.weight(r, c, m.values()[p]) : f.weight(c, r, m.values()[p]);
            }
        }
        return w;
    }

    /**
     * @param values use the interaction values (else 1 per edge)
     * @param centring "none", "user" (adjusted cosine) or "item" (Pearson) mean subtracted from each value, or
     *     "baseline": the damped baseline prediction b_ui subtracted (Koren's shrunk Pearson-baseline)
     * @param weighting one of {@link #WEIGHTINGS}
     */
    public static EdgeWeights of(Interactions train, boolean values, String centring, String weighting) {
        float[] userMean = "user".equals(centring) ? means(train.userItems()) : null;
        float[] itemMean = "item".equals(centring) ? means(train.itemUsers()) : null;
        Baselines baseline = "baseline".equals(centring) ? Baselines.fit(train) : null;
        double[] idf = idf(train);
        double[] itemLength = new double[train.numItems()];
        double averageLength = 0;
        if ("bm25".equals(weighting)) {
            SparseMatrix byItem = train.itemUsers();
            for (int i = 0; i < itemLength.length; i++) {
                for (int p = byItem.rowStart(i); p < byItem.rowEnd(i); p++) {
                    itemLength[i] += values ? byItem.values()[p] : 1;
                }
                averageLength += itemLength[i];
            }
            averageLength /= Math.max(1, itemLength.length);
        }
        double avg = averageLength;
        return of(train, (u, i, r) -> {
            double x = values || userMean != null || itemMean != null || baseline != null ? r : 1;
            if (userMean != null) {
                x -= userMean[u];
            } else if (itemMean != null) {
                x -= itemMean[i];
            } else if (baseline != null) {
                x -= baseline.predict(u, i);
            }
            switch (weighting) {
                case "tf-idf":
                    return (float) (x * idf[u]);
                case "bm25":
                    // Robertson's BM25 with the implicit library's defaults K1 = 100, B = 0.8
                    double k1 = 100;
                    double b = 0.8;
                    double norm = k1 * (1 - b + b * itemLength[i] / avg);
                    return (float) (x * (k1 + 1) / (norm + x) * idf[u]);
                default:
                    return (float) x;
            }
        });
    }

    private static float[] means(SparseMatrix m) {
        float[] mean = new float[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            double s = 0;
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                s += m.values()[p];
            }
            mean[r] = m.rowLength(r) == 0 ? 0f : (float) (s / m.rowLength(r));
        }
        return mean;
    }

    /** {@code log(|I| / |I_u|)} per user (0 for users without interactions). */
    private static double[] idf(Interactions train) {
        SparseMatrix byUser = train.userItems();
        double[] idf = new double[byUser.rows()];
        for (int u = 0; u < idf.length; u++) {
            int n = byUser.rowLength(u);
            idf[u] = n == 0 ? 0 : Math.log((double) train.numItems() / n);
        }
        return idf;
    }

    /** The Euclidean norm of each row's weights. */
    public static double[] norms(SparseMatrix m, float[] weights) {
        double[] out = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            double s = 0;
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                s += (double) weights[p] * weights[p];
            }
            out[r] = Math.sqrt(s);
        }
        return out;
    }
}
