package org.recworkbench.metrics.beyond;

import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.MeanAccumulator;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * Beyond-accuracy and popularity-bias metrics at a cutoff k. Popularity is the number of training
 * interactions of an item; the short head is the most popular items holding 20% of the training
 * interactions and the long tail the rest (Abdollahpouri et al. 2019). System-level metrics (coverage,
 * Gini, entropy, PopRSP, PopREO) have no per-user value; the others are means over users. Formulas,
 * conventions and references: {@code docs/metrics.md}.
 */
@Component(service = MetricSet.class)
public class BeyondAccuracyMetrics implements MetricSet {

    /** Default share of training interactions held by the short head. */
    static final double SHORT_HEAD_SHARE = 0.2;

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofDouble("short-head-share", SHORT_HEAD_SHARE, 0.01, 0.99,
                    "share of training interactions held by the short head (the rest is the long tail)"),
            ParameterDescriptor.ofString("diversity-attribute", "genre",
                    "categorical item attribute for ILD (the first categorical attribute when absent)"));

    /** A per-user value from the list's top k, or a system aggregate from all users' top k. */
    private interface PerUser {
        double apply(int[] top, UserList list, EvaluationContext c, Derived d);
    }

    private interface SystemLevel {
        double apply(long[] counts, long lists, EvaluationContext c);
    }

    /** Per-context values shared by the metrics: the short head, the k most popular items, the ILD attribute. */
    record Derived(boolean[] shortHead, boolean[] mostPopular, String attribute) {
    }

    private record Definition(String name, String formula, String convention, double lower, double upper,
            boolean higherIsBetter, String reference, PerUser perUser, SystemLevel system, boolean opportunity) {
    }

    private static final String ABDOLLAHPOURI = "Abdollahpouri, Burke, Mobasher. Managing popularity bias in "
            + "recommender systems with personalized re-ranking. FLAIRS 2019";
    private static final String ZHU = "Zhu, Wang, Caverlee. Measuring and mitigating item under-recommendation bias "
            + "in personalized ranking systems. SIGIR 2020";
    private static final String VARGAS = "Vargas and Castells. Rank and relevance in novelty and diversity metrics for "
            + "recommender systems. RecSys 2011";
    private static final String GE = "Ge, Delgado-Battenfeld, Jannach. Beyond accuracy: evaluating recommender "
            + "systems by coverage and serendipity. RecSys 2010";

    private static final List<Definition> DEFINITIONS = List.of(
            system("ItemCoverage", "|∪_u top_k(u)| / |I|", "share of the whole catalogue recommended to anyone",
                    0, 1, true, GE, (c, n, ctx) -> distinct(c) / (double) ctx.numItems()),
            system("AggregateDiversity", "|∪_u top_k(u)|", "number of distinct items recommended (absolute)", 0,
                    Double.POSITIVE_INFINITY, true,
                    "Adomavicius and Kwon. Improving aggregate recommendation diversity. IEEE TKDE 24(5), 2012",
                    (c, n, ctx) -> distinct(c)),
            perUser("UserCoverage", "share of users who get a non-empty list", "1 when top_k(u) is non-empty", 0, 1,
                    true, GE, (top, l, ctx, d) -> top.length > 0 ? 1 : 0),
            system("Gini", "G = sum_j (2j - n - 1) c_(j) / (n sum_j c_j), c ascending over all n items",
                    "concentration of recommendations over the whole catalogue, unrecommended items included; "
                            + "0 = even, → 1 = concentrated (lower is better)", 0, 1, false,
                    "Fleder and Hosanagar. Blockbuster culture's next rise or fall. Management Science 55(5), 2009",
                    (c, n, ctx) -> gini(c)),
            system("1-Gini", "1 - G", "the Gini diversity some libraries report instead (higher is better)", 0, 1, true,
                    "Elliot's Gini convention", (c, n, ctx) -> 1 - gini(c)),
            system("Entropy", "H = -sum_i p_i log2 p_i, p_i = c_i / sum_j c_j", "Shannon entropy in bits of the "
                    + "recommendation distribution", 0, Double.POSITIVE_INFINITY, true,
                    "Shani and Gunawardana. Evaluating recommendation systems. Recommender Systems Handbook, 2011",
                    (c, n, ctx) -> entropy(c)),
            perUser("EPC", "EPC@k = (1/|top_k|) sum_{i in top_k} (1 - pop(i) / |U|)",
                    "expected popularity complement without rank discount or relevance; pop(i) = training "
                            + "interactions of i, |U| = training users", 0, 1, true, VARGAS,
                    (top, l, ctx, d) -> mean(top, i -> 1 - ctx.itemPopularity()[i] / (double) ctx.numUsers())),
            perUser("MSI", "MSI@k = (1/|top_k|) sum_{i in top_k} log2(|U| / max(pop(i), 1))",
                    "mean self-information (surprisal) in bits; unseen items count as seen once", 0,
                    Double.POSITIVE_INFINITY, true, "Zhou et al. Solving the apparent diversity-accuracy dilemma of "
                            + "recommender systems. PNAS 107(10), 2010",
                    (top, l, ctx, d) -> mean(top, i -> log2(ctx.numUsers() / (double) Math.max(1,
                            ctx.itemPopularity()[i])))),
            perUser("ILD", "ILD@k = mean over pairs i≠j in top_k of 1 - |A_i ∩ A_j| / |A_i ∪ A_j|",
                    "A = the item's values of the categorical attribute 'genre' (option diversity-attribute; else the "
                            + "first categorical attribute); "
                            + "two items without values have distance 0", 0, 1, true,
                    "Ziegler et al. Improving recommendation lists through topic diversification. WWW 2005",
                    (top, l, ctx, d) -> intraListDiversity(top, ctx.itemAttributes(), d.attribute())),
            perUser("Unexpectedness", "|top_k \\ PM_k| / |top_k|, PM_k = the k most popular items",
                    "primitive model = global popularity ranking", 0, 1, true, GE,
                    (top, l, ctx, d) -> mean(top, i -> d.mostPopular()[i] ? 0 : 1)),
            perUser("Serendipity", "|(top_k \\ PM_k) ∩ rel| / |top_k|", "unexpected and relevant items; NaN for users "
                    + "without relevant items", 0, 1, true, GE, (top, l, ctx, d) -> l.relevance().isEmpty() ? Double.NaN
                            : mean(top, i -> !d.mostPopular()[i] && l.relevance().contains(i) ? 1 : 0)),
            perUser("ARP", "ARP@k = (1/|top_k|) sum_{i in top_k} pop(i)", "average training popularity of the "
                    + "recommended items (lower = less popularity bias)", 0, Double.POSITIVE_INFINITY, false,
                    ABDOLLAHPOURI, (top, l, ctx, d) -> mean(top, i -> ctx.itemPopularity()[i])),
            perUser("APLT", "APLT@k = |top_k ∩ LT| / |top_k|", "share of long-tail items in the list; long tail = "
                    + "items outside the short head (20% of training interactions; option short-head-share)", 0, 1, true, ABDOLLAHPOURI,
                    (top, l, ctx, d) -> mean(top, i -> d.shortHead()[i] ? 0 : 1)),
            perUser("ACLT", "ACLT@k = |top_k ∩ LT|", "number of long-tail items in the list", 0,
                    Double.POSITIVE_INFINITY, true, ABDOLLAHPOURI,
                    (top, l, ctx, d) -> Arrays.stream(top).filter(i -> !d.shortHead()[i]).count()),
            opportunity("PopRSP", "RSP = std(P_g) / mean(P_g), P_g = sum_u |top_k(u) ∩ g| / sum_u |g \\ train(u)|",
                    "statistical parity over the short head and long tail (population std); 0 = parity"),
            opportunity("PopREO", "REO = std(P_g) / mean(P_g), P_g = sum_u |top_k(u) ∩ g ∩ rel(u)| / sum_u |g ∩ rel(u)|",
                    "equal opportunity over the short head and long tail (population std); 0 = parity"));

    private static Definition perUser(String name, String formula, String convention, double lo, double hi,
            boolean higher, String reference, PerUser f) {
        return new Definition(name, formula, convention, lo, hi, higher, reference, f, null, false);
    }

    private static Definition system(String name, String formula, String convention, double lo, double hi,
            boolean higher, String reference, SystemLevel f) {
        return new Definition(name, formula, convention, lo, hi, higher, reference, null, f, false);
    }

    private static Definition opportunity(String name, String formula, String convention) {
        return new Definition(name, formula, convention, 0, Double.POSITIVE_INFINITY, false, ZHU, null, null, true);
    }

    @Override
    public String id() {
        return "beyond";
    }

    @Override
    public String description() {
        return "Coverage, concentration, novelty, diversity, unexpectedness, serendipity and popularity bias";
    }

    @Override
    public List<MetricDescriptor> catalog() {
        return DEFINITIONS.stream().map(d -> descriptor(d, -1)).toList();
    }

    private static MetricDescriptor descriptor(Definition d, int cutoff) {
        return new MetricDescriptor(cutoff > 0 ? d.name() + "@" + cutoff : d.name(), d.name(), cutoff,
                d.perUser() != null ? "beyond-accuracy" : "beyond-accuracy (system)", d.formula(), d.convention(),
                d.lower(), d.upper(), d.higherIsBetter(), d.reference());
    }

    @Override
    public List<ParameterDescriptor> options() {
        return OPTIONS;
    }

    @Override
    public Metric create(String name, int cutoff) {
        return create(name, cutoff, Parameters.validate("metric-options.beyond", OPTIONS, java.util.Map.of()));
    }

    @Override
    public Metric create(String name, int cutoff, Parameters options) {
        double share = options.getDouble("short-head-share");
        String attribute = options.getString("diversity-attribute");
        Definition def = DEFINITIONS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown beyond-accuracy metric: " + name));
        if (cutoff <= 0) {
            throw new IllegalArgumentException(name + " needs a positive cutoff: " + cutoff);
        }
        MetricDescriptor descriptor = descriptor(def, cutoff);
        ContextCache<Derived> derived = new ContextCache<>(c -> new Derived(c.shortHead(share),
                mostPopular(c.itemPopularity(), cutoff), attribute));
        return new Metric() {
            @Override
            public MetricDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public double evaluate(int[] ranking, Relevance relevant) {
                return Double.NaN; // every metric here needs the evaluation context
            }

            @Override
            public double evaluate(UserList list, EvaluationContext context) {
                if (def.perUser() == null) {
                    return Double.NaN;
                }
                return def.perUser().apply(top(list.ranking(), cutoff), list, context, derived.get(context));
            }

            @Override
            public MetricAccumulator newAccumulator(EvaluationContext context) {
                if (def.system() != null) {
                    return new ItemCountAccumulator(context, cutoff, def.system());
                }
                if (def.opportunity()) {
                    return new OpportunityAccumulator(context, cutoff, derived.get(context).shortHead(),
                            def.name().equals("PopREO"));
                }
                return new MeanAccumulator();
            }
        };
    }

    static int[] top(int[] ranking, int k) {
        return ranking.length <= k ? ranking : Arrays.copyOf(ranking, k);
    }

    private static double mean(int[] items, java.util.function.IntToDoubleFunction f) {
        if (items.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i : items) {
            s += f.applyAsDouble(i);
        }
        return s / items.length;
    }

    static boolean[] mostPopular(int[] popularity, int k) {
        float[] pop = new float[popularity.length];
        for (int i = 0; i < pop.length; i++) {
            pop[i] = popularity[i];
        }
        int n = Math.min(k, pop.length);
        int[] top = new int[n];
        TopK.select(pop, 0, pop.length, n, top, new float[n]);
        boolean[] flags = new boolean[popularity.length];
        for (int i : top) {
            flags[i] = true;
        }
        return flags;
    }

    static long distinct(long[] counts) {
        return Arrays.stream(counts).filter(c -> c > 0).count();
    }

    static double gini(long[] counts) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
            total += sorted[j];
            weighted += (2.0 * (j + 1) - n - 1) * sorted[j];
        }
        return total == 0 ? Double.NaN : weighted / (n * total);
    }

    static double entropy(long[] counts) {
        double total = Arrays.stream(counts).sum();
        if (total == 0) {
            return Double.NaN;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / total;
                h -= p * log2(p);
            }
        }
        return h;
    }

    static double intraListDiversity(int[] top, Attributes attributes, String name) {
        if (top.length < 2) {
            return Double.NaN;
        }
        Attributes.Categorical attribute = attributes.categorical().get(name);
        if (attribute == null) {
            attribute = attributes.categorical().values().stream().findFirst().orElse(null);
        }
        if (attribute == null) {
            return Double.NaN;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < top.length; a++) {
            for (int b = a + 1; b < top.length; b++) {
                sum += 1 - jaccard(attribute.valuesOf()[top[a]], attribute.valuesOf()[top[b]]);
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Jaccard similarity of two sorted value sets; 1 for two empty sets. */
    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common / (double) (a.length + b.length - common);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Counts how often each item is recommended in the top k over all lists. */
    static final class ItemCountAccumulator implements MetricAccumulator {
        private final EvaluationContext context;
        private final int k;
        private final SystemLevel result;
        private final long[] counts;
        private long lists;

        ItemCountAccumulator(EvaluationContext context, int k, SystemLevel result) {
            this.context = context;
            this.k = k;
            this.result = result;
            this.counts = new long[context.numItems()];
        }

        @Override
        public void add(double value) {
            throw new UnsupportedOperationException("needs the list: use add(UserList, double)");
        }

        @Override
        public void add(UserList list, double value) {
            for (int i : top(list.ranking(), k)) {
                counts[i]++;
            }
            lists++;
        }

        @Override
        public void combine(MetricAccumulator other) {
            ItemCountAccumulator o = (ItemCountAccumulator) other;
            for (int i = 0; i < counts.length; i++) {
                counts[i] += o.counts[i];
            }
            lists += o.lists;
        }

        @Override
        public double result() {
            return lists == 0 ? Double.NaN : result.apply(counts, lists, context);
        }

        @Override
        public long count() {
            return lists;
        }
    }

    /**
     * PopRSP / PopREO over two groups (0 = short head, 1 = long tail): recommended counts against the
     * candidate (RSP) or relevant (REO) counts per group.
     */
    static final class OpportunityAccumulator implements MetricAccumulator {
        private final EvaluationContext context;
        private final int k;
        private final boolean[] head;
        private final boolean equalOpportunity;
        private final long[] hits = new long[2];
        private final long[] base = new long[2];
        private final long headSize;
        private long lists;

        OpportunityAccumulator(EvaluationContext context, int k, boolean[] head, boolean equalOpportunity) {
            this.context = context;
            this.k = k;
            this.head = head;
            this.equalOpportunity = equalOpportunity;
            long h = 0;
            for (boolean b : head) {
                h += b ? 1 : 0;
            }
            this.headSize = h;
        }

        private int group(int item) {
            return head[item] ? 0 : 1;
        }

        @Override
        public void add(double value) {
            throw new UnsupportedOperationException("needs the list: use add(UserList, double)");
        }

        @Override
        public void add(UserList list, double value) {
            Relevance rel = list.relevance();
            for (int i : top(list.ranking(), k)) {
                if (!equalOpportunity || rel.contains(i)) {
                    hits[group(i)]++;
                }
            }
            if (equalOpportunity) {
                for (int i : rel.items()) {
                    base[group(i)]++;
                }
            } else {
                // candidates: every item of the group not in the user's training data
                long trainHead = 0;
                long trainTail = 0;
                var train = context.trainByUser();
                if (train != null && list.user() >= 0 && list.user() < train.rows()) {
                    for (int p = train.rowStart(list.user()); p < train.rowEnd(list.user()); p++) {
                        if (head[train.columns()[p]]) {
                            trainHead++;
                        } else {
                            trainTail++;
                        }
                    }
                }
                base[0] += headSize - trainHead;
                base[1] += head.length - headSize - trainTail;
            }
            lists++;
        }

        @Override
        public void combine(MetricAccumulator other) {
            OpportunityAccumulator o = (OpportunityAccumulator) other;
            for (int g = 0; g < 2; g++) {
                hits[g] += o.hits[g];
                base[g] += o.base[g];
            }
            lists += o.lists;
        }

        @Override
        public double result() {
            if (base[0] == 0 || base[1] == 0) {
                return Double.NaN;
            }
            double p0 = hits[0] / (double) base[0];
            double p1 = hits[1] / (double) base[1];
            double mean = (p0 + p1) / 2;
            double std = Math.sqrt(((p0 - mean) * (p0 - mean) + (p1 - mean) * (p1 - mean)) / 2);
            return mean == 0 ? Double.NaN : std / mean;
        }

        @Override
        public long count() {
            return lists;
        }
    }
}
