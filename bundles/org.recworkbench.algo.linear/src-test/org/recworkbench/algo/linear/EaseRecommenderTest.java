package org.recworkbench.algo.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Interactions;

/** EASE against its 2×2 closed form and the optimality condition of the constrained least squares. */
class EaseRecommenderTest {

    /** The fitted weights as rows. */
    private static float[][] weights(Interactions x, double lambda) {
        EaseRecommender r = new EaseRecommender();
        EaseRecommender.EaseModel model = (EaseRecommender.EaseModel) r.fit(TestContexts.withoutBackend(2), x,
                Parameters.validate("", r.descriptor().parameters(), Map.of("regularization", lambda)));
        int n = model.n();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(model.b(), i * n, (i + 1) * n);
        }
        return rows;
    }

    @Test
    void twoItemsMatchTheClosedForm() {
        // users {0,1}, {0}, {1}: G = [[2,1],[1,2]]; with λ = 1, P = (G + I)^-1 = [[3,-1],[-1,3]] / 8, so
        // B_01 = -P_01 / P_11 = 1/3 and B_10 = 1/3, zero diagonal
        Interactions x = new Interactions(3, 2, new int[] {0, 0, 1, 2}, new int[] {0, 1, 0, 1},
                new float[] {1, 1, 1, 1}, new long[4]);
        float[][] b = weights(x, 1);
        assertEquals(0, b[0][0]);
        assertEquals(1 / 3.0, b[0][1], 1e-6);
        assertEquals(1 / 3.0, b[1][0], 1e-6);
        assertEquals(0, b[1][1]);
    }

    @Test
    void satisfiesTheOptimalityConditionOfTheZeroDiagonalProblem() {
        // the minimiser of ||X - XB||² + λ||B||² with diag(B) = 0 satisfies (G + λI) B = G - diag(γ) for some γ:
        // every off-diagonal entry of (G + λI) B - G must vanish (Steck 2019, eq. 5-8)
        Random random = new Random(4);
        int users = 60;
        int items = 12;
        java.util.List<int[]> cells = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < 0.3 + 0.4 * ((u + i) % 2)) {
                    cells.add(new int[] {u, i});
                }
            }
        }
        int[] us = cells.stream().mapToInt(c -> c[0]).toArray();
        int[] is = cells.stream().mapToInt(c -> c[1]).toArray();
        float[] ones = new float[us.length];
        java.util.Arrays.fill(ones, 1f);
        Interactions x = new Interactions(users, items, us, is, ones, new long[us.length]);
        double lambda = 3;
        float[][] b = weights(x, lambda);
        float[] g = EaseRecommender.gram(x.userItems(), items);
        for (int i = 0; i < items; i++) {
            assertEquals(0, b[i][i]);
            for (int j = 0; j < items; j++) {
                if (i == j) {
                    continue;
                }
                double lhs = 0;
                for (int k = 0; k < items; k++) {
                    lhs += (g[i * items + k] + (i == k ? lambda : 0)) * b[k][j];
                }
                assertEquals(g[i * items + j], lhs, 1e-3, "(" + i + ", " + j + ")");
            }
        }
    }
}
