package org.recworkbench.algo.support;

import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * The damped baseline predictor {@code b_ui = μ + b_u + b_i} (Koren 2010): item biases first, shrunk by
 * {@code λ_i}, then user biases on the residuals, shrunk by {@code λ_u}:
 * {@code b_i = Σ_{u∈U_i} (r_ui − μ) / (|U_i| + λ_i)}, {@code b_u = Σ_{i∈I_u} (r_ui − μ − b_i) / (|I_u| + λ_u)}.
 * Used on its own (the bias baseline) and as the offset of neighbourhood rating predictors.
 */
public record Baselines(float mean, float[] userBias, float[] itemBias) {

    /** Which bias terms to estimate. */
    public static Baselines fit(Interactions train, double itemDamping, double userDamping, boolean useItem,
            boolean useUser) {
        double mu = 0;
        for (float v : train.values()) {
            mu += v;
        }
        mu = train.size() == 0 ? 0 : mu / train.size();
        float[] itemBias = new float[train.numItems()];
        if (useItem) {
            SparseMatrix byItem = train.itemUsers();
            for (int i = 0; i < itemBias.length; i++) {
                double s = 0;
                for (int p = byItem.rowStart(i); p < byItem.rowEnd(i); p++) {
                    s += byItem.values()[p] - mu;
                }
                double denominator = byItem.rowLength(i) + itemDamping;
                itemBias[i] = denominator == 0 ? 0f : (float) (s / denominator); // unrated item: no bias
            }
        }
        float[] userBias = new float[train.numUsers()];
        if (useUser) {
            SparseMatrix byUser = train.userItems();
            for (int u = 0; u < userBias.length; u++) {
                double s = 0;
                for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                    s += byUser.values()[p] - mu - itemBias[byUser.columns()[p]];
                }
                double denominator = byUser.rowLength(u) + userDamping;
                userBias[u] = denominator == 0 ? 0f : (float) (s / denominator); // user without ratings: no bias
            }
        }
        return new Baselines((float) mu, userBias, itemBias);
    }

    /** The damped user and item biases with Koren's damping (λ_i = 25, λ_u = 10). */
    public static Baselines fit(Interactions train) {
        return fit(train, 25, 10, true, true);
    }

    public float predict(int user, int item) {
        return mean + userBias[user] + itemBias[item];
    }
}
