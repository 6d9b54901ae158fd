package org.recworkbench.algo.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.support.ItemItemModel;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * SLIM's columns against the optimality (KKT) conditions of the non-negative elastic net, computed here from
 * the data: with {@code r = x_j − Σ_k w_k x_k} and {@code g_k = x_kᵀ r − λ₂ w_k}, a positive weight needs
 * {@code g_k = λ₁} and a zero weight {@code g_k ≤ λ₁}.
 */
class SlimRecommenderTest {

    @Test
    void everyColumnSatisfiesTheOptimalityConditions() {
        Random random = new Random(8);
        int users = 80;
        int items = 15;
        List<int[]> cells = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < (i % 3 == u % 3 ? 0.5 : 0.1)) {
                    cells.add(new int[] {u, i});
                }
            }
        }
        int[] us = cells.stream().mapToInt(c -> c[0]).toArray();
        int[] is = cells.stream().mapToInt(c -> c[1]).toArray();
        float[] ones = new float[us.length];
        java.util.Arrays.fill(ones, 1f);
        Interactions x = new Interactions(users, items, us, is, ones, new long[us.length]);
        double l1 = 0.5;
        double l2 = 2.0;
        SlimRecommender slim = new SlimRecommender();
        TrainingContext context = TestContexts.withoutBackend(2);
        SparseMatrix w = ((ItemItemModel) slim.fit(context, x, Parameters.validate("", slim.descriptor().parameters(),
                Map.of("l1", l1, "l2", l2, "sweeps", 2000, "tolerance", 1e-10)))).weights();
        double[][] dense = new double[items][items]; // dense[k][j] = w_kj
        for (int k = 0; k < items; k++) {
            for (int p = w.rowStart(k); p < w.rowEnd(k); p++) {
                dense[k][w.columns()[p]] = w.values()[p];
            }
        }
        double[][] xm = new double[users][items];
        for (int c = 0; c < us.length; c++) {
            xm[us[c]][is[c]] = 1;
        }
        int positive = 0;
        for (int j = 0; j < items; j++) {
            assertEquals(0, dense[j][j], "no self weight");
            double[] r = new double[users];
            for (int u = 0; u < users; u++) {
                r[u] = xm[u][j];
                for (int k = 0; k < items; k++) {
                    r[u] -= dense[k][j] * xm[u][k];
                }
            }
            for (int k = 0; k < items; k++) {
                if (k == j) {
                    continue;
                }
                double g = -l2 * dense[k][j];
                for (int u = 0; u < users; u++) {
                    g += xm[u][k] * r[u];
                }
                if (dense[k][j] > 0) {
                    positive++;
                    assertEquals(l1, g, 1e-3, "positive w[" + k + "][" + j + "]");
                } else {
                    assertTrue(g <= l1 + 1e-3, "zero w[" + k + "][" + j + "] has gradient " + g);
                }
            }
        }
        assertTrue(positive > items, "the model is not empty: " + positive + " positive weights");
    }
}
