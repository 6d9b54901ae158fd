package org.recworkbench.algo.debias;

import org.recworkbench.api.data.Interactions;

/**
 * Exposure propensities from item popularity, the estimator of Saito et al. (WSDM 2020, sec. 5.1.2):
 * {@code θ_i = (n_i / max_j n_j)^η} with {@code n_i} the training interactions of item i and η = 0.5 in the paper.
 * An item nobody interacted with gets the smallest positive propensity of any item (its propensity only ever
 * weighs positives, of which it has none).
 */
public final class Propensities {

    private Propensities() {
    }

    public static double[] fromPopularity(Interactions train, double power) {
        int[] counts = train.itemCounts();
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double[] theta = new double[counts.length];
        double smallest = 1;
        for (int i = 0; i < counts.length; i++) {
            theta[i] = max == 0 ? 1 : Math.pow(counts[i] / (double) max, power);
            if (theta[i] > 0) {
                smallest = Math.min(smallest, theta[i]);
            }
        }
        for (int i = 0; i < counts.length; i++) {
            if (theta[i] == 0) {
                theta[i] = smallest;
            }
        }
        return theta;
    }
}
