package org.recworkbench.metrics.ope;

/**
 * Predicted rewards q̂(round, action) for the direct method and the doubly robust family, already evaluated
 * on the log: the prediction for the logged action and the prediction averaged over the target policy.
 *
 * @param factual q̂(xᵢ, aᵢ) per round
 * @param onTarget Σₐ π_target(a | xᵢ)·q̂(xᵢ, a) per round
 */
public record RewardModel(String description, double[] factual, double[] onTarget) {

    /** No model: the estimators that need one fall back to zero predictions (DR becomes IPS). */
    public static RewardModel none(int rounds) {
        return new RewardModel("none", new double[rounds], new double[rounds]);
    }

    /**
     * A cross-fitted table: q̂ for (context, position, action) is the mean reward of that cell in the other
     * folds, shrunk towards the (position, action) mean and that towards the position mean with {@code prior}
     * pseudo-rounds each. Predictions for a round never use the round itself (Chernozhukov et al. 2018), which
     * keeps DR's correction term unbiased.
     */
    public static RewardModel crossFittedTable(BanditLog log, int folds, double prior, long seed) {
        int n = log.size();
        int[] fold = new int[n];
        org.recworkbench.api.interactive.SeededRandom random = new org.recworkbench.api.interactive.SeededRandom(seed);
        for (int i = 0; i < n; i++) {
            fold[i] = random.nextInt(folds);
        }
        int contexts = 1;
        if (log.contexts() != null) {
            for (int c : log.contexts()) {
                contexts = Math.max(contexts, c + 1);
            }
        }
        int cells = log.positions() * log.actions();
        double[] factual = new double[n];
        double[] onTarget = new double[n];
        for (int f = 0; f < folds; f++) {
            double[] posSum = new double[log.positions()];
            double[] posCount = new double[log.positions()];
            double[] cellSum = new double[cells];
            double[] cellCount = new double[cells];
            java.util.Map<Long, double[]> ctxCells = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    continue;
                }
                int p = log.position()[i];
                int cell = p * log.actions() + log.action()[i];
                posSum[p] += log.reward()[i];
                posCount[p]++;
                cellSum[cell] += log.reward()[i];
                cellCount[cell]++;
                if (log.contexts() != null && log.contexts()[i] >= 0) {
                    double[] sc = ctxCells.computeIfAbsent((long) log.contexts()[i] * cells + cell, k -> new double[2]);
                    sc[0] += log.reward()[i];
                    sc[1]++;
                }
            }
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    continue;
                }
                int p = log.position()[i];
                double posMean = posCount[p] == 0 ? 0 : posSum[p] / posCount[p];
                double expected = 0;
                for (int a = 0; a < log.actions(); a++) {
                    int cell = p * log.actions() + a;
                    double q = (cellSum[cell] + prior * posMean) / (cellCount[cell] + prior);
                    if (log.contexts() != null && log.contexts()[i] >= 0) {
                        double[] sc = ctxCells.get((long) log.contexts()[i] * cells + cell);
                        if (sc != null) {
                            q = (sc[0] + prior * q) / (sc[1] + prior);
                        }
                    }
                    expected += log.targetProbability(i, a) * q;
                    if (a == log.action()[i]) {
                        factual[i] = q;
                    }
                }
                onTarget[i] = expected;
            }
        }
        return new RewardModel("cross-fitted table (" + folds + " folds, prior " + prior + ", " + contexts
                + " contexts)", factual, onTarget);
    }
}
