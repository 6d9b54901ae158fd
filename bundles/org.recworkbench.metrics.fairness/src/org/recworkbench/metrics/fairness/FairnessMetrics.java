package org.recworkbench.metrics.fairness;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.MeanAccumulator;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * Individual item exposure fairness at a cutoff k. The Rampisela et al. (2023) measures are system-level
 * (no per-user value) and come in the original form and the corrected form ({@code -corr}) that rescales
 * each between its attainable extremes given n, m and k; the corrections assume every list has k items.
 * Expected exposure (EE-D, EE-R, EE-L) is per user. See {@code docs/metrics.md}.
 */
@Component(service = MetricSet.class)
public class FairnessMetrics implements MetricSet {

    private static final String RAMPISELA = "Rampisela, Maistro, Ruotsalo, Lioma. Evaluation measures of individual "
            + "item fairness for recommender systems: a critical study. ACM TORS, 2023";
    private static final String DIAZ = "Diaz, Mitra, Ekstrand, Biega, Carterette. Evaluating stochastic rankings "
            + "with expected exposure. CIKM 2020";

    /** A system measure from the accumulated exposure, or a per-user expected-exposure value. */
    private record Definition(String name, String formula, String convention, boolean higherIsBetter,
            String reference, ToDoubleFunction<ExposureAccumulator> system, ExpectedExposure perUser) {
    }

    private enum ExpectedExposure {
        DISPARITY, RELEVANCE, LOSS
    }

    private static Definition system(String name, String formula, String convention, boolean higher,
            ToDoubleFunction<ExposureAccumulator> f) {
        return new Definition(name, formula, convention, higher, RAMPISELA, f, null);
    }

    private static final List<Definition> DEFINITIONS = List.of(
            system("Jain", "S² / (n · sum_i c_i²)", "original; 1 = equal exposure, minimum k/n", true,
                    a -> FairnessMeasures.jain(a.exposure)),
            system("Jain-corr", "(Jain - k/n) / (Jain_max - k/n)", "corrected: 1 = fairest attainable for n, m, k",
                    true, a -> FairnessMeasures.jainCorrected(a.exposure)),
            system("QF", "|{i : c_i > 0}| / n", "original (qualification fairness = item coverage)", true,
                    a -> FairnessMeasures.qf(a.exposure)),
            system("QF-corr", "(|{i : c_i > 0}| - k) / (min(n, S) - k)", "corrected to [0, 1]", true,
                    a -> FairnessMeasures.qfCorrected(a.exposure)),
            system("Ent", "-sum_i p_i log_n p_i, p_i = c_i / S", "original, log base n, 0 log 0 = 0", true,
                    a -> FairnessMeasures.entropy(a.exposure)),
            system("Ent-corr", "(Ent - log_n k) / (Ent_max - log_n k)", "corrected to [0, 1]", true,
                    a -> FairnessMeasures.entropyCorrected(a.exposure)),
            system("Gini-exp", "sum_j (2j - n - 1) c_(j) / (n S), ascending over all n items",
                    "original Gini of exposure counts; 0 = equal exposure", false, a -> FairnessMeasures.gini(a.exposure)),
            system("Gini-exp-corr", "(Gini - Gini_min) / (1 - k/n - Gini_min)", "corrected: 0 = fairest attainable, "
                    + "1 = everyone gets the same k items", false, a -> FairnessMeasures.giniCorrected(a.exposure)),
            system("Gini-w", "Gini of w_i = sum_u 1/log2(rank_u(i) + 1)", "original position-weighted Gini", false,
                    a -> FairnessMeasures.giniWeighted(a.exposure)),
            system("Gini-w-corr", "(Gini-w - min) / (max - min)", "corrected; min taken as 0 when S > n (as the authors "
                    + "do)", false, a -> FairnessMeasures.giniWeightedCorrected(a.exposure)),
            system("FSat", "|{i : c_i >= ⌊S/n⌋}| / n", "original (maximin-share satisfaction)", true,
                    a -> FairnessMeasures.fsat(a.exposure)),
            system("FSat-corr", "(FSat - k/n) / (1 - k/n)", "corrected to [0, 1]", true,
                    a -> FairnessMeasures.fsatCorrected(a.exposure)),
            system("VoCD", "mean over pairs of recommended items of |c_u - c_v| / max(c_u, c_v)",
                    "original only (no correction exists, per the authors); 0 = equal", false,
                    a -> FairnessMeasures.vocd(a.exposure)),
            system("II-D", "mean over (u, i) of (e_ui - ẽ)², e_ui = 0.8^(rank-1) if recommended else 0, "
                    + "ẽ = (1 - 0.8^k) / (0.2 n)", "individual-item disparity; 0 = every pair uniformly exposed", false,
                    a -> FairnessMeasures.iiD(a.squaredDeviations, a.recommendedPairs, a.exposure)),
            system("AI-D", "mean over i of (mean_u e_ui - ẽ)²", "aggregate item disparity; 0 = equal mean exposure",
                    false, a -> FairnessMeasures.aiD(a.exposure)),
            new Definition("EE-D", "||ε_u||², ε_ui = 0.8^(rank-1) for recommended items",
                    "expected-exposure disparity of a deterministic ranking (lower is fairer)", false, DIAZ, null,
                    ExpectedExposure.DISPARITY),
            new Definition("EE-R", "2 ε_u · ε*_u, ε*_ui = (1/|rel|) sum_{j <= min(|rel|, k)} 0.8^(j-1) for relevant i",
                    "expected-exposure relevance (higher is better)", true, DIAZ, null, ExpectedExposure.RELEVANCE),
            new Definition("EE-L", "||ε_u - ε*_u||² = EE-D - EE-R + ||ε*_u||²",
                    "expected-exposure loss against equal exposure of relevant items (lower is better)", false, DIAZ,
                    null, ExpectedExposure.LOSS));

    @Override
    public String id() {
        return "fairness";
    }

    @Override
    public String description() {
        return "Individual item exposure fairness (Rampisela et al. 2023, original and corrected) and expected "
                + "exposure";
    }

    @Override
    public List<MetricDescriptor> catalog() {
        return DEFINITIONS.stream().map(d -> descriptor(d, -1)).toList();
    }

    private static MetricDescriptor descriptor(Definition d, int cutoff) {
        return new MetricDescriptor(cutoff > 0 ? d.name() + "@" + cutoff : d.name(), d.name(), cutoff,
                d.system() != null ? "fairness (system)" : "fairness", d.formula(), d.convention(), 0,
                Double.POSITIVE_INFINITY, d.higherIsBetter(), d.reference());
    }

    @Override
    public Metric create(String name, int cutoff) {
        Definition def = DEFINITIONS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fairness metric: " + name));
        if (cutoff <= 0) {
            throw new IllegalArgumentException(name + " needs a positive cutoff: " + cutoff);
        }
        MetricDescriptor descriptor = descriptor(def, cutoff);
        return new Metric() {
            @Override
            public MetricDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public double evaluate(int[] ranking, Relevance relevant) {
                return def.perUser() == null ? Double.NaN : expectedExposure(def.perUser(), ranking, relevant, cutoff);
            }

            @Override
            public MetricAccumulator newAccumulator(EvaluationContext context) {
                return def.system() == null ? new MeanAccumulator()
                        : new ExposureAccumulator(context.numItems(), cutoff, def.system());
            }
        };
    }

    /** Expected exposure of a deterministic ranking under the rank-biased browsing model (γ = 0.8). */
    static double expectedExposure(ExpectedExposure kind, int[] ranking, Relevance relevant, int k) {
        if (relevant.isEmpty() && kind != ExpectedExposure.DISPARITY) {
            return Double.NaN;
        }
        int r = relevant.size();
        double target = 0;
        double e = 1;
        for (int j = 0; j < Math.min(r, k); j++) {
            target += e;
            e *= Exposure.GAMMA;
        }
        target = r == 0 ? 0 : target / r;
        double disparity = 0;
        double relevance = 0;
        e = 1;
        int len = Math.min(k, ranking.length);
        for (int p = 0; p < len; p++) {
            disparity += e * e;
            if (relevant.contains(ranking[p])) {
                relevance += 2 * e * target;
            }
            e *= Exposure.GAMMA;
        }
        return switch (kind) {
            case DISPARITY -> disparity;
            case RELEVANCE -> relevance;
            case LOSS -> disparity - relevance + r * target * target;
        };
    }

    /** Collects the exposure of all lists, plus the squared deviations II-D needs. */
    static final class ExposureAccumulator implements MetricAccumulator {
        final Exposure exposure;
        private final ToDoubleFunction<ExposureAccumulator> result;
        double squaredDeviations;
        long recommendedPairs;

        ExposureAccumulator(int n, int k, ToDoubleFunction<ExposureAccumulator> result) {
            this.exposure = new Exposure(n, k);
            this.result = result;
        }

        @Override
        public void add(double value) {
            throw new UnsupportedOperationException("needs the list: use add(UserList, double)");
        }

        @Override
        public void add(UserList list, double value) {
            addRanking(list.ranking());
        }

        void addRanking(int[] ranking) {
            exposure.add(ranking);
            double target = FairnessMeasures.uniformExposure(exposure);
            double e = 1;
            for (int p = 0; p < Math.min(exposure.k, ranking.length); p++) {
                squaredDeviations += (e - target) * (e - target);
                recommendedPairs++;
                e *= Exposure.GAMMA;
            }
        }

        @Override
        public void combine(MetricAccumulator other) {
            ExposureAccumulator o = (ExposureAccumulator) other;
            exposure.combine(o.exposure);
            squaredDeviations += o.squaredDeviations;
            recommendedPairs += o.recommendedPairs;
        }

        @Override
        public double result() {
            return exposure.lists == 0 ? Double.NaN : result.applyAsDouble(this);
        }

        @Override
        public long count() {
            return exposure.lists;
        }
    }
}
