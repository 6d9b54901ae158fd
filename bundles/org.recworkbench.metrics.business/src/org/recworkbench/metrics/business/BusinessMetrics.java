package org.recworkbench.metrics.business;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * Offline business metrics at a cutoff k, treating a held-out relevant item as one that the user would click
 * and buy when shown: CTR (clicks per impression), conversion (users with at least one purchase), revenue or
 * GMV (sum of the prices of the purchased items, from the numeric item attribute {@code price}) and margin
 * (revenue times the item attribute {@code margin}, a rate in [0, 1]; 1 when absent). Playlist continuation
 * (RecSys Challenge 2018): R-precision with artist partial credit (item attribute {@code artist}) and
 * recommended-songs clicks. Engagement over time comes from simulations (the interactive engine).
 */
@Component(service = MetricSet.class)
public class BusinessMetrics implements MetricSet {

    private interface Value {
        double apply(UserList list, int k, Attributes items);
    }

    private record Definition(String name, boolean needsCutoff, String formula, String convention,
            boolean higherIsBetter, String reference, Value value) {
    }

    private static final String RECSYS18 = "Chen, Lamere, Schedl, Zamani. Recsys Challenge 2018: automatic music "
            + "playlist continuation. RecSys 2018";

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("CTR", true, "|rel ∩ top_k| / |top_k|", "clicks per impression; a shown relevant item is a "
                    + "click; impressions are the items actually shown (at most k)", true,
                    "Jannach and Jugovac. Measuring the business value of recommender systems. ACM TMIS 10(4), 2019",
                    (l, k, a) -> {
                        int shown = Math.min(k, l.ranking().length);
                        return shown == 0 ? 0 : clicks(l, k) / (double) shown;
                    }),
            new Definition("Conversion", true, "1 if rel ∩ top_k ≠ ∅ else 0", "share of users who buy at least one "
                    + "recommended item", true, "Jannach and Jugovac 2019", (l, k, a) -> clicks(l, k) > 0 ? 1 : 0),
            new Definition("Revenue", true, "sum_{i in rel ∩ top_k} price(i)", "GMV per user from the numeric item "
                    + "attribute 'price' (missing prices count 0)", true, "Jannach and Jugovac 2019",
                    (l, k, a) -> sumOver(l, k, a, false)),
            new Definition("Margin", true, "sum_{i in rel ∩ top_k} price(i) · margin(i)", "margin rate from the "
                    + "numeric item attribute 'margin' (1 when absent)", true, "Jannach and Jugovac 2019",
                    (l, k, a) -> sumOver(l, k, a, true)),
            new Definition("PlaylistRPrecision", false, "(|G ∩ R| + 0.25 · |artists(G \\ R) ∩ artists(R)|) / |G|, "
                    + "R = first |G| recommendations", "artist partial credit from the item attribute 'artist'; "
                    + "without it, plain R-precision", true, RECSYS18, (l, k, a) -> playlistRPrecision(l, a)),
            new Definition("Clicks", false, "⌊(rank of first relevant item - 1) / 10⌋, 51 if none in the top 500",
                    "recommended-songs clicks: pages of 10 a user refreshes before a hit (lower is better)", false,
                    RECSYS18, (l, k, a) -> songClicks(l)));

    @Override
    public String id() {
        return "business";
    }

    @Override
    public String description() {
        return "CTR, conversion, revenue (GMV) and margin at k; playlist R-precision and clicks (RecSys Challenge "
                + "2018)";
    }

    @Override
    public List<MetricDescriptor> catalog() {
        return DEFINITIONS.stream().map(d -> descriptor(d, d.needsCutoff() ? -1 : 0)).toList();
    }

    private static MetricDescriptor descriptor(Definition d, int cutoff) {
        return new MetricDescriptor(cutoff > 0 ? d.name() + "@" + cutoff : d.name(), d.name(), cutoff,
                d.name().startsWith("Playlist") || d.name().equals("Clicks") ? "playlist" : "business", d.formula(),
                d.convention(), 0, Double.POSITIVE_INFINITY, d.higherIsBetter(), d.reference());
    }

    @Override
    public Metric create(String name, int cutoff) {
        Definition def = DEFINITIONS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown business metric: " + name));
        if (def.needsCutoff() ? cutoff <= 0 : cutoff != 0) {
            throw new IllegalArgumentException(name + (def.needsCutoff() ? " needs a positive cutoff"
                    : " takes no cutoff"));
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
                return def.value().apply(list, cutoff, context == null ? Attributes.empty()
                        : context.itemAttributes());
            }
        };
    }

    static int clicks(UserList l, int k) {
        float[] g = l.gains();
        int n = Math.min(k, g.length);
        int c = 0;
        for (int i = 0; i < n; i++) {
            c += g[i] != 0f ? 1 : 0;
        }
        return c;
    }

    static double sumOver(UserList l, int k, Attributes a, boolean margin) {
        double[] price = a.numeric().get("price");
        double[] rate = a.numeric().get("margin");
        float[] g = l.gains();
        int n = Math.min(k, g.length);
        double sum = 0;
        for (int p = 0; p < n; p++) {
            if (g[p] != 0f) {
                int i = l.ranking()[p];
                double value = price == null || Double.isNaN(price[i]) ? 0 : price[i];
                if (margin && rate != null && !Double.isNaN(rate[i])) {
                    value *= rate[i];
                }
                sum += value;
            }
        }
        return sum;
    }

    static double playlistRPrecision(UserList l, Attributes a) {
        Relevance truth = l.relevance();
        int g = truth.size();
        int[] top = java.util.Arrays.copyOf(l.ranking(), Math.min(g, l.ranking().length));
        Attributes.Categorical artist = a.categorical().get("artist");
        java.util.Set<Integer> recommendedArtists = new java.util.HashSet<>();
        int exact = 0;
        for (int i : top) {
            if (truth.contains(i)) {
                exact++;
            }
            if (artist != null) {
                for (int v : artist.valuesOf()[i]) {
                    recommendedArtists.add(v);
                }
            }
        }
        int artistMatches = 0;
        if (artist != null) {
            java.util.Set<Integer> topSet = new java.util.HashSet<>();
            for (int i : top) {
                topSet.add(i);
            }
            for (int i : truth.items()) {
                if (!topSet.contains(i)) {
                    for (int v : artist.valuesOf()[i]) {
                        if (recommendedArtists.contains(v)) {
                            artistMatches++;
                            break;
                        }
                    }
                }
            }
        }
        return (exact + 0.25 * artistMatches) / g;
    }

    static double songClicks(UserList l) {
        float[] g = l.gains();
        for (int p = 0; p < Math.min(500, g.length); p++) {
            if (g[p] != 0f) {
                return p / 10;
            }
        }
        return 51;
    }
}
