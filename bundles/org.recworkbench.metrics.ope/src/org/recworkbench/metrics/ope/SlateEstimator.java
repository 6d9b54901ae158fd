package org.recworkbench.metrics.ope;

import java.util.List;

/**
 * An off-policy estimator of a target slate policy's expected slate reward (sum over slots), as per-slate terms.
 * The three differ in what they assume about how slot rewards arise, and so in variance:
 * <ul>
 * <li>standard IPS weights the whole slate by Πₖ π_t(aₖ|a₍<ₖ₎) / π_b(aₖ|a₍<ₖ₎): unbiased always, variance
 * exponential in the slate size;
 * <li>independent IPS (Li et al., WSDM 2018) weights slot k by its marginal ratio alone: unbiased when a
 * slot's reward depends only on its own item and position (e.g. the position-based click model);
 * <li>reward-interaction IPS (McInerney et al., KDD 2020) weights slot k by the product of the conditional
 * ratios of slots 1..k: unbiased when a slot's reward depends on the items above it (e.g. the cascade model).
 * </ul>
 */
public interface SlateEstimator {

    String id();

    double term(SlateLog log, int slate);

    SlateEstimator STANDARD_IPS = of("standard IPS", (log, s) -> {
        int l = log.slateSize();
        double w = 1;
        double r = 0;
        for (int k = 0; k < l; k++) {
            int j = s * l + k;
            w *= log.targetConditional()[j] / log.behaviourConditional()[j];
            r += log.reward()[j];
        }
        return w * r;
    });

    SlateEstimator INDEPENDENT_IPS = of("independent IPS", (log, s) -> {
        int l = log.slateSize();
        double v = 0;
        for (int k = 0; k < l; k++) {
            int j = s * l + k;
            v += log.targetMarginal()[j] / log.behaviourMarginal()[j] * log.reward()[j];
        }
        return v;
    });

    SlateEstimator REWARD_INTERACTION_IPS = of("reward-interaction IPS", (log, s) -> {
        int l = log.slateSize();
        double w = 1;
        double v = 0;
        for (int k = 0; k < l; k++) {
            int j = s * l + k;
            w *= log.targetConditional()[j] / log.behaviourConditional()[j];
            v += w * log.reward()[j];
        }
        return v;
    });

    List<SlateEstimator> ALL = List.of(STANDARD_IPS, INDEPENDENT_IPS, REWARD_INTERACTION_IPS);

    interface Term {
        double at(SlateLog log, int slate);
    }

    static SlateEstimator of(String id, Term term) {
        return new SlateEstimator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public double term(SlateLog log, int slate) {
                return term.at(log, slate);
            }
        };
    }

    static List<Estimate> evaluate(List<SlateEstimator> estimators, SlateLog log, int resamples, double confidence,
            long seed) {
        List<Estimate> out = new java.util.ArrayList<>();
        for (SlateEstimator e : estimators) {
            double[] numerator = new double[log.size()];
            double[] denominator = new double[log.size()];
            java.util.Arrays.fill(denominator, 1);
            for (int s = 0; s < log.size(); s++) {
                numerator[s] = e.term(log, s);
            }
            out.add(Estimate.of(e.id(), numerator, denominator, resamples, confidence, seed));
        }
        return out;
    }
}
