package org.recworkbench.metrics.ope;

import java.util.List;

/**
 * An off-policy estimator of a target policy's mean reward per round, written as per-round terms whose ratio of
 * sums is the estimate (the denominator is 1 per round except for self-normalised estimators), so that one
 * bootstrap serves them all.
 */
public interface BanditEstimator {

    String id();

    void terms(BanditLog log, RewardModel model, double[] numerator, double[] denominator);

    /** Direct method: the reward model averaged over the target policy. Biased as far as the model is wrong. */
    BanditEstimator DIRECT_METHOD = simple("DM", (log, q, i) -> q.onTarget()[i]);

    /** Inverse propensity scoring (Horvitz &amp; Thompson 1952): unbiased, variance grows with the weights. */
    BanditEstimator IPS = simple("IPS", (log, q, i) -> log.weight(i) * log.reward()[i]);

    /** Doubly robust (Dudík, Langford &amp; Li, ICML 2011): DM plus an importance-weighted correction. */
    BanditEstimator DOUBLY_ROBUST = simple("DR", (log, q, i) -> q.onTarget()[i]
            + log.weight(i) * (log.reward()[i] - q.factual()[i]));

    /** Self-normalised IPS (Swaminathan &amp; Joachims, NeurIPS 2015): Σ wᵢrᵢ / Σ wᵢ. */
    BanditEstimator SNIPS = new BanditEstimator() {
        @Override
        public String id() {
            return "SNIPS";
        }

        @Override
        public void terms(BanditLog log, RewardModel model, double[] numerator, double[] denominator) {
            for (int i = 0; i < log.size(); i++) {
                double w = log.weight(i);
                numerator[i] = w * log.reward()[i];
                denominator[i] = w;
            }
        }
    };

    /**
     * Switch-DR (Wang, Agarwal &amp; Dudík, ICML 2017), in Open Bandit Pipeline's form: DR, but rounds whose weight
     * exceeds τ keep only the model's term, trading the bias of the model for the variance of large weights.
     */
    static BanditEstimator switchDoublyRobust(double tau) {
        return simple("Switch-DR(τ=" + (tau == Math.rint(tau) ? Long.toString((long) tau) : Double.toString(tau))
                + ")", (log, q, i) -> {
                    double w = log.weight(i);
                    return q.onTarget()[i] + (w <= tau ? w * (log.reward()[i] - q.factual()[i]) : 0);
                });
    }

    /** DM, IPS, SNIPS, DR and Switch-DR with the given threshold. */
    static List<BanditEstimator> standard(double switchThreshold) {
        return List.of(DIRECT_METHOD, IPS, SNIPS, DOUBLY_ROBUST, switchDoublyRobust(switchThreshold));
    }

    /** Estimates with bootstrap intervals. */
    static List<Estimate> evaluate(List<BanditEstimator> estimators, BanditLog log, RewardModel model,
            int resamples, double confidence, long seed) {
        List<Estimate> out = new java.util.ArrayList<>();
        for (BanditEstimator e : estimators) {
            double[] numerator = new double[log.size()];
            double[] denominator = new double[log.size()];
            java.util.Arrays.fill(denominator, 1);
            e.terms(log, model, numerator, denominator);
            out.add(Estimate.of(e.id(), numerator, denominator, resamples, confidence, seed));
        }
        return out;
    }

    /** A per-round term with denominator 1. */
    interface Term {
        double at(BanditLog log, RewardModel model, int round);
    }

    static BanditEstimator simple(String id, Term term) {
        return new BanditEstimator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void terms(BanditLog log, RewardModel model, double[] numerator, double[] denominator) {
                for (int i = 0; i < log.size(); i++) {
                    numerator[i] = term.at(log, model, i);
                }
            }
        };
    }
}
