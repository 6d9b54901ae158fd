package org.recworkbench.metrics.ranking;

import java.util.List;
import java.util.Map;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
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
 * The top-N accuracy metrics. Shared conventions: only the first k entries of the ranking count; an item
 * repeated in the ranking counts once, at its first position ({@link UserList#gains()}); users without
 * relevant items are undefined (NaN) and left out of the mean. Where libraries differ, each variant has its
 * own name (e.g. {@code MAP}, {@code MAP-rel}, {@code MAP-k}). Formulas, conventions and the libraries that
 * use them are in {@code docs/metrics.md}.
 */
@Component(service = MetricSet.class)
public class RankingMetrics implements MetricSet {

    /** Rank-biased precision's default persistence (Moffat and Zobel use 0.5, 0.8 and 0.95). */
    static final double RBP_PERSISTENCE = 0.8;

    private static final List<ParameterDescriptor> OPTIONS = List.of(ParameterDescriptor.ofDouble("rbp-persistence",
            RBP_PERSISTENCE, 0.01, 0.99, "persistence p of rank-biased precision"));

    /** How one metric turns a user's list into a value at cutoff k, given the set's options. */
    @FunctionalInterface
    interface ListFunction {
        double apply(UserList list, int k, Parameters options);
    }

    /** The usual case: a function of the list and the cutoff only. */
    private static ListFunction plain(java.util.function.ToDoubleBiFunction<UserList, Integer> f) {
        return (l, k, o) -> f.applyAsDouble(l, k);
    }

    private enum Aggregate {
        MEAN, RELEVANT_WEIGHTED_MEAN
    }

    private record Definition(String name, boolean needsCutoff, boolean needsFullRanks, Aggregate aggregate,
            String formula, String convention, String reference, ListFunction function) {
    }

    private static final String IIR = "Manning, Raghavan, Schütze. Introduction to Information Retrieval, 2008, ch. 8";
    private static final String JARVELIN = "Järvelin and Kekäläinen. Cumulated gain-based evaluation of IR techniques. "
            + "ACM TOIS 20(4), 2002";

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("Precision", true, false, Aggregate.MEAN, "P@k = |rel ∩ top_k| / k",
                    "denominator is k even when fewer than k items were ranked (RecBole, Elliot, LensKit)", IIR,
                    plain((l, k) -> hits(l, k) / (double) k)),
            new Definition("Recall", true, false, Aggregate.MEAN, "R@k = |rel ∩ top_k| / |rel|",
                    "denominator |rel| (RecBole, Elliot); some libraries use min(|rel|, k)", IIR,
                    plain((l, k) -> hits(l, k) / (double) l.relevance().size())),
            new Definition("F1", true, false, Aggregate.MEAN, "F1@k = 2·P@k·R@k / (P@k + R@k), 0 when both are 0",
                    "per-user harmonic mean, then averaged over users (RecBole, Elliot)", IIR,
                    plain(RankingMetrics::f1)),
            new Definition("NDCG", true, false, Aggregate.MEAN,
                    "DCG@k / IDCG@k, DCG@k = sum_{i<=k} g_i / log2(i + 1)",
                    "linear gain g (1 for binary relevance); ideal DCG over the min(|rel|, k) largest gains "
                            + "(RecBole, Elliot, LensKit)", JARVELIN, plain((l, k) -> ndcg(l, k, false))),
            new Definition("NDCG-all", true, false, Aggregate.MEAN,
                    "DCG@k / IDCG over all relevant items, IDCG = sum_{i<=|rel|} g*_i / log2(i + 1)",
                    "ideal DCG over every relevant item, not cut at k (trec_eval-style ndcg_cut with all judged); "
                            + "below 1 whenever |rel| > k", JARVELIN, plain((l, k) -> ndcg(l, k, true))),
            new Definition("MAP", true, false, Aggregate.MEAN,
                    "AP@k = (1 / min(|rel|, k)) sum_{i<=k} P@i · rel_i; MAP = mean over users",
                    "AP denominator min(|rel|, k) (RecBole)", IIR, plain((l, k) -> averagePrecision(l, k,
                            Math.min(l.relevance().size(), k)))),
            new Definition("MAP-rel", true, false, Aggregate.MEAN,
                    "AP@k = (1 / |rel|) sum_{i<=k} P@i · rel_i",
                    "AP denominator |rel| (trec_eval-style AP, Elliot)", IIR,
                    plain((l, k) -> averagePrecision(l, k, l.relevance().size()))),
            new Definition("MAP-k", true, false, Aggregate.MEAN, "AP@k = (1 / k) sum_{i<=k} P@i · rel_i",
                    "AP denominator k (some implementations of MAP@k)", IIR,
                    plain((l, k) -> averagePrecision(l, k, k))),
            new Definition("MRR", true, false, Aggregate.MEAN,
                    "RR@k = 1 / rank of the first relevant item within k, 0 if none", "reciprocal rank truncated at k",
                    "Voorhees. The TREC-8 question answering track report, 1999",
                    plain(RankingMetrics::reciprocalRank)),
            new Definition("HitRate", true, false, Aggregate.MEAN, "HR@k = 1 if any relevant item is in top_k, else 0",
                    "per-user hit indicator averaged over users (RecBole's Hit)",
                    "Deshpande and Karypis. Item-based top-N recommendation algorithms. ACM TOIS 22(1), 2004",
                    plain((l, k) -> hits(l, k) > 0 ? 1.0 : 0.0)),
            new Definition("RBP", true, false, Aggregate.MEAN, "RBP@k = (1 - p) sum_{i<=k} rel_i p^(i-1)",
                    "binary relevance, persistence p = 0.8 (option rbp-persistence), truncated at k (the residual is "
                            + "not added)",
                    "Moffat and Zobel. Rank-biased precision for measurement of retrieval effectiveness. ACM TOIS 27(1), "
                            + "2008", (l, k, o) -> rankBiasedPrecision(l, k, o.getDouble("rbp-persistence"))),
            new Definition("R-Precision", false, true, Aggregate.MEAN,
                    "R-Prec = |rel ∩ top_|rel|| / |rel| over the full ranking",
                    "cut at |rel| in the full ranking of all candidates, not at a fixed k", IIR,
                    plain((l, k) -> rPrecision(l))),
            new Definition("AUC", false, true, Aggregate.MEAN,
                    "AUC_u = |{(r, j): r relevant, j not, r ranked above j}| / (|rel| · |candidates - rel|)",
                    "per-user AUC over the full ranking of candidates (training items excluded), mean over users",
                    "Rendle et al. BPR: Bayesian personalized ranking from implicit feedback. UAI 2009",
                    plain((l, k) -> auc(l))),
            new Definition("GAUC", false, true, Aggregate.RELEVANT_WEIGHTED_MEAN,
                    "GAUC = sum_u |rel_u| · AUC_u / sum_u |rel_u|",
                    "per-user AUC weighted by the user's number of relevant items (RecBole's GAUC)",
                    "Zhou et al. Deep interest network for click-through rate prediction. KDD 2018",
                    plain((l, k) -> auc(l))));

    @Override
    public String id() {
        return "ranking";
    }

    @Override
    public String description() {
        return "Top-N accuracy: Precision, Recall, F1, NDCG, MAP, MRR, HitRate, RBP at a cutoff; R-Precision, AUC, "
                + "GAUC over the full ranking";
    }

    @Override
    public List<MetricDescriptor> catalog() {
        return DEFINITIONS.stream().map(d -> descriptor(d, d.needsCutoff() ? -1 : 0)).toList();
    }

    @Override
    public List<ParameterDescriptor> options() {
        return OPTIONS;
    }

    @Override
    public Metric create(String name, int cutoff) {
        return create(name, cutoff, Parameters.validate("metric-options.ranking", OPTIONS, Map.of()));
    }

    @Override
    public Metric create(String name, int cutoff, Parameters options) {
        Definition def = DEFINITIONS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ranking metric: " + name));
        if (def.needsCutoff() && cutoff <= 0) {
            throw new IllegalArgumentException(name + " needs a positive cutoff: " + cutoff);
        }
        if (!def.needsCutoff() && cutoff != 0) {
            throw new IllegalArgumentException(name + " takes no cutoff: it uses the full ranking");
        }
        MetricDescriptor descriptor = descriptor(def, cutoff);
        return new Metric() {
            @Override
            public MetricDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public double evaluate(int[] ranking, Relevance relevant) {
                return evaluate(UserList.of(ranking, relevant), null);
            }

            @Override
            public double evaluate(UserList list, EvaluationContext context) {
                if (list.relevance().isEmpty()) {
                    return Double.NaN;
                }
                return def.function().apply(list, cutoff, options);
            }

            @Override
            public boolean needsFullRanks() {
                return def.needsFullRanks();
            }

            @Override
            public MetricAccumulator newAccumulator() {
                return def.aggregate() == Aggregate.MEAN ? new MeanAccumulator() : new RelevantWeightedMean();
            }
        };
    }

    private static MetricDescriptor descriptor(Definition d, int cutoff) {
        String id = cutoff > 0 ? d.name() + "@" + cutoff : d.name();
        return new MetricDescriptor(id, d.name(), cutoff, "ranking", d.formula(), d.convention(), 0, 1, true,
                d.reference());
    }

    static int hits(UserList l, int k) {
        float[] g = l.gains();
        int n = Math.min(k, g.length);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (g[i] != 0f) {
                hits++;
            }
        }
        return hits;
    }

    static double f1(UserList l, int k) {
        int h = hits(l, k);
        if (h == 0) {
            return 0;
        }
        double p = h / (double) k;
        double r = h / (double) l.relevance().size();
        return 2 * p * r / (p + r);
    }

    static double ndcg(UserList l, int k, boolean idealOverAllRelevant) {
        float[] g = l.gains();
        int n = Math.min(k, g.length);
        double dcg = 0;
        for (int i = 0; i < n; i++) {
            if (g[i] != 0f) {
                dcg += g[i] * discount(i);
            }
        }
        float[] ideal = l.relevance().gainsDescending();
        int idealLength = idealOverAllRelevant ? ideal.length : Math.min(k, ideal.length);
        double idcg = 0;
        for (int i = 0; i < idealLength; i++) {
            idcg += ideal[i] * discount(i);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double averagePrecision(UserList l, int k, int denominator) {
        float[] g = l.gains();
        int n = Math.min(k, g.length);
        int hits = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (g[i] != 0f) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return sum / denominator;
    }

    static double reciprocalRank(UserList l, int k) {
        float[] g = l.gains();
        int n = Math.min(k, g.length);
        for (int i = 0; i < n; i++) {
            if (g[i] != 0f) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static double rankBiasedPrecision(UserList l, int k, double persistence) {
        float[] g = l.gains();
        int n = Math.min(k, g.length);
        double sum = 0;
        double weight = 1;
        for (int i = 0; i < n; i++) {
            if (g[i] != 0f) {
                sum += weight;
            }
            weight *= persistence;
        }
        return (1 - persistence) * sum;
    }

    /** R-precision from full ranks when the engine computed them, else from the list's first |rel| entries. */
    static double rPrecision(UserList l) {
        int r = l.relevance().size();
        int[] ranks = l.relevantRanks();
        if (ranks == null) {
            return hits(l, r) / (double) r;
        }
        int inTop = 0;
        for (int rank : ranks) {
            if (rank <= r) {
                inTop++;
            }
        }
        return inTop / (double) r;
    }

    /**
     * From the ranks ρ_r of the R relevant items among C candidates: the pairs (r, j) with j non-relevant
     * below r number sum_r (C - ρ_r) - R(R-1)/2.
     */
    static double auc(UserList l) {
        int[] ranks = l.relevantRanks();
        if (ranks == null) {
            throw new IllegalStateException("AUC needs the full ranking: the engine did not compute relevant ranks");
        }
        long r = ranks.length;
        long negatives = l.candidates() - r;
        if (negatives <= 0) {
            return Double.NaN;
        }
        long below = 0;
        for (int rank : ranks) {
            below += l.candidates() - rank;
        }
        long concordant = below - r * (r - 1) / 2;
        return concordant / (double) (r * negatives);
    }

    /** DISCOUNT[i] = 1 / log2(i + 2), the DCG discount of 0-based position i. */
    private static final double[] DISCOUNT = new double[4096];

    static {
        for (int i = 0; i < DISCOUNT.length; i++) {
            DISCOUNT[i] = Math.log(2) / Math.log(i + 2);
        }
    }

    private static double discount(int position) {
        return position < DISCOUNT.length ? DISCOUNT[position] : Math.log(2) / Math.log(position + 2);
    }

    /** The mean of per-user values weighted by each user's number of relevant items. */
    static final class RelevantWeightedMean implements MetricAccumulator {
        private double weightedSum;
        private double weights;
        private long count;

        @Override
        public void add(double value) {
            throw new UnsupportedOperationException("a weighted mean needs the list: use add(UserList, double)");
        }

        @Override
        public void add(UserList list, double value) {
            if (Double.isNaN(value)) {
                return;
            }
            int w = list.relevance().size();
            weightedSum += w * value;
            weights += w;
            count++;
        }

        @Override
        public void combine(MetricAccumulator other) {
            RelevantWeightedMean o = (RelevantWeightedMean) other;
            weightedSum += o.weightedSum;
            weights += o.weights;
            count += o.count;
        }

        @Override
        public double result() {
            return weights == 0 ? Double.NaN : weightedSum / weights;
        }

        @Override
        public long count() {
            return count;
        }
    }
}
