package org.recworkbench.metrics.ranking;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.api.metrics.Relevance;

/**
 * The classic top-N accuracy metrics at a cutoff k. Shared conventions: only the first k entries of the
 * ranking count; an item repeated in the ranking counts once, at its first position; users without relevant
 * items are undefined (NaN) and left out of the mean. Formulas and the libraries that agree or differ are in
 * {@code docs/metrics.md}.
 */
@Component(service = MetricSet.class)
public class RankingMetrics implements MetricSet {

    /** How one metric turns a ranking into a value. */
    @FunctionalInterface
    interface ListFunction {
        double apply(int[] ranking, int k, Relevance relevant);
    }

    private record Definition(String name, String formula, String convention, String reference,
            ListFunction function) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("Precision", "P@k = |rel ∩ top_k| / k",
                    "denominator is k even when fewer than k items were ranked (RecBole, Elliot, LensKit)",
                    "Manning, Raghavan, Schütze. Introduction to Information Retrieval, 2008, ch. 8",
                    (r, k, rel) -> hits(r, k, rel) / (double) k),
            new Definition("Recall", "R@k = |rel ∩ top_k| / |rel|",
                    "denominator is |rel| (RecBole, Elliot); some libraries use min(|rel|, k)",
                    "Manning, Raghavan, Schütze. Introduction to Information Retrieval, 2008, ch. 8",
                    (r, k, rel) -> hits(r, k, rel) / (double) rel.size()),
            new Definition("NDCG", "DCG@k / IDCG@k, DCG@k = sum_{i<=k} g(i) / log2(i + 1)",
                    "gain g is the relevance gain (1 for binary relevance); ideal DCG over the min(|rel|, k) "
                            + "largest gains (RecBole, Elliot, LensKit)",
                    "Järvelin and Kekäläinen. Cumulated gain-based evaluation of IR techniques. ACM TOIS 20(4), 2002",
                    RankingMetrics::ndcg),
            new Definition("MAP", "AP@k = (1 / min(|rel|, k)) sum_{i<=k} P@i · rel(i); MAP = mean over users",
                    "denominator min(|rel|, k) (RecBole); Elliot and trec_eval-style AP use |rel|",
                    "Manning, Raghavan, Schütze. Introduction to Information Retrieval, 2008, ch. 8",
                    RankingMetrics::averagePrecision),
            new Definition("MRR", "RR@k = 1 / rank of the first relevant item within k, 0 if none",
                    "reciprocal rank truncated at k", "Voorhees. The TREC-8 question answering track report, 1999",
                    RankingMetrics::reciprocalRank),
            new Definition("HitRate", "HR@k = 1 if any relevant item is in top_k, else 0",
                    "per-user hit indicator averaged over users (RecBole's Hit)",
                    "Deshpande and Karypis. Item-based top-N recommendation algorithms. ACM TOIS 22(1), 2004",
                    (r, k, rel) -> hits(r, k, rel) > 0 ? 1.0 : 0.0));

    @Override
    public String id() {
        return "ranking";
    }

    @Override
    public String description() {
        return "Top-N accuracy: Precision, Recall, NDCG, MAP, MRR, HitRate at a cutoff";
    }

    @Override
    public List<MetricDescriptor> catalog() {
        return DEFINITIONS.stream().map(d -> descriptor(d, -1)).toList();
    }

    @Override
    public Metric create(String name, int cutoff) {
        Definition def = DEFINITIONS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ranking metric: " + name));
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
                if (relevant.isEmpty()) {
                    return Double.NaN;
                }
                return def.function().apply(ranking, cutoff, relevant);
            }
        };
    }

    private static MetricDescriptor descriptor(Definition d, int cutoff) {
        String id = cutoff > 0 ? d.name() + "@" + cutoff : d.name();
        return new MetricDescriptor(id, d.name(), cutoff, "ranking", d.formula(), d.convention(), 0, 1, true,
                d.reference());
    }

    /** Whether position i holds an item already seen earlier in the ranking (repeats count once). */
    private static boolean repeated(int[] r, int i) {
        for (int j = 0; j < i; j++) {
            if (r[j] == r[i]) {
                return true;
            }
        }
        return false;
    }

    static int hits(int[] r, int k, Relevance rel) {
        int n = Math.min(k, r.length);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (rel.contains(r[i]) && !repeated(r, i)) {
                hits++;
            }
        }
        return hits;
    }

    static double ndcg(int[] r, int k, Relevance rel) {
        int n = Math.min(k, r.length);
        double dcg = 0;
        for (int i = 0; i < n; i++) {
            float g = rel.gain(r[i]);
            if (g != 0f && !repeated(r, i)) {
                dcg += g / log2(i + 2);
            }
        }
        float[] ideal = rel.gainsDescending();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            idcg += ideal[i] / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double averagePrecision(int[] r, int k, Relevance rel) {
        int n = Math.min(k, r.length);
        int hits = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (rel.contains(r[i]) && !repeated(r, i)) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return sum / Math.min(rel.size(), k);
    }

    static double reciprocalRank(int[] r, int k, Relevance rel) {
        int n = Math.min(k, r.length);
        for (int i = 0; i < n; i++) {
            if (rel.contains(r[i])) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
