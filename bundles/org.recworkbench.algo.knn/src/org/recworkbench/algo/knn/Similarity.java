package org.recworkbench.algo.knn;

import java.util.List;
import org.recworkbench.algo.support.EdgeWeights;
import org.recworkbench.algo.support.Neighbourhoods;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * The similarity settings item- and user-kNN share, and the neighbourhood computation from them. Cosine over
 * the (weighted) interaction vectors; adjusted cosine (values centred by the user's mean, Sarwar et al. 2001);
 * Pearson (centred by the item's — or for user-kNN the user's — own mean); Jaccard over the sets. Shrinkage
 * multiplies a similarity by {@code n / (n + shrinkage)} where n is the number of co-rating users (items).
 */
final class Similarity {
    static final List<String> KINDS = List.of("cosine", "adjusted-cosine", "pearson", "pearson-baseline",
            "jaccard");

    static List<ParameterDescriptor> parameters(int neighbours, String what) {
        return List.of(ParameterDescriptor.ofInt("neighbors", neighbours, 1, 1_000_000,
                        "number of most similar " + what + " kept per " + what.substring(0, what.length() - 1)),
                ParameterDescriptor.ofEnum("similarity", "cosine", KINDS,
                        "cosine, adjusted-cosine (user-mean centred), pearson (own-mean centred), pearson-baseline "
                                + "(centred by the damped baseline b_ui) or jaccard"),
                ParameterDescriptor.ofInt("candidates", 1000, 1, 1_000_000,
                        "most similar " + what + " kept per " + what.substring(0, what.length() - 1)
                                + " as candidates for rating prediction, which uses the k best the user rated"),
                ParameterDescriptor.ofDouble("shrinkage", 0, 0, 1e6,
                        "multiply each similarity by n/(n + shrinkage), n = co-occurrence count (0: off)"),
                ParameterDescriptor.ofEnum("weighting", "none", EdgeWeights.WEIGHTINGS,
                        "reweight implicit feedback before cosine: tf-idf or bm25 (users as terms)"),
                ParameterDescriptor.ofDouble("min-similarity", 0.0, -1.0, 1.0,
                        "similarities at or below this are dropped"),
                ParameterDescriptor.ofEnum("feedback", "binary", List.of("binary", "values"),
                        "cosine over binary interaction vectors or over the interaction values"));
    }

    /**
     * The {@code keep} most similar items ({@code items = true}) or users of each: CSR source →
     * (neighbour, similarity).
     */
    static SparseMatrix neighbours(Interactions train, Parameters p, boolean items, int keep,
            ProgressMonitor monitor) {
        String kind = p.getString("similarity");
        boolean values = "values".equals(p.getString("feedback")) || !kind.equals("cosine") && !kind.equals("jaccard");
        String centring = switch (kind) {
            case "adjusted-cosine" -> items ? "user" : "item";
            case "pearson" -> items ? "item" : "user";
            case "pearson-baseline" -> "baseline";
            default -> "none";
        };
        EdgeWeights w = EdgeWeights.of(train, values && !kind.equals("jaccard"), centring,
                p.getString("weighting"));
        SparseMatrix out = items ? train.itemUsers() : train.userItems();
        SparseMatrix in = items ? train.userItems() : train.itemUsers();
        float[] outWeights = items ? w.alignedWithItemUsers() : w.alignedWithUserItems();
        float[] inWeights = items ? w.alignedWithUserItems() : w.alignedWithItemUsers();
        double shrinkage = p.getDouble("shrinkage");
        double min = p.getDouble("min-similarity");
        Neighbourhoods.Finish finish;
        if (kind.equals("jaccard")) {
            finish = (s, t, acc, co) -> {
                double sim = co / (double) (out.rowLength(s) + out.rowLength(t) - co);
                return keep(sim * shrink(co, shrinkage), min);
            };
        } else {
            double[] norms = EdgeWeights.norms(out, outWeights);
            finish = (s, t, acc, co) -> {
                double denominator = norms[s] * norms[t];
                return denominator == 0 ? Double.NaN : keep(acc / denominator * shrink(co, shrinkage), min);
            };
        }
        return Neighbourhoods.topK(out, outWeights, in, inWeights, keep, finish, monitor,
                (items ? "item" : "user") + "-knn similarities");
    }

    /**
     * The rating-prediction candidates ({@code candidates} per row, at least {@code neighbors}), computed on
     * first use: ranking needs only the k nearest, so a top-N run never pays for the larger pool.
     */
    static java.util.function.Supplier<SparseMatrix> lazyCandidates(Interactions train, Parameters p,
            boolean items) {
        int keep = Math.max(p.getInt("neighbors"), p.getInt("candidates"));
        return new java.util.function.Supplier<>() {
            private volatile SparseMatrix pool;

            @Override
            public SparseMatrix get() {
                SparseMatrix m = pool;
                if (m == null) {
                    synchronized (this) {
                        m = pool;
                        if (m == null) {
                            m = neighbours(train, p, items, keep, ProgressMonitor.NONE);
                            pool = m;
                        }
                    }
                }
                return m;
            }
        };
    }

    /**
     * {@code Σ sim (r − b) / Σ |sim|} over the k most similar of the candidates in {@code pool[from, to)} that
     * {@code rated} (sorted ids with values) contains, or NaN when none does.
     */
    static double weightedOffset(SparseMatrix pool, int row, int[] ratedIds, float[] ratedValues, int from, int to,
            int k, java.util.function.IntToDoubleFunction baseline) {
        int start = pool.rowStart(row);
        int len = pool.rowLength(row);
        float[] sims = new float[len];
        int[] at = new int[len];
        for (int x = 0; x < len; x++) {
            at[x] = java.util.Arrays.binarySearch(ratedIds, from, to, pool.columns()[start + x]);
            sims[x] = at[x] >= 0 ? pool.values()[start + x] : Float.NEGATIVE_INFINITY;
        }
        int[] order = new int[Math.min(k, len)];
        int n = org.recworkbench.api.algo.TopK.select(sims, 0, len, order.length, order, new float[order.length]);
        double num = 0;
        double den = 0;
        for (int x = 0; x < n; x++) {
            int idx = order[x];
            float sim = sims[idx];
            int neighbour = pool.columns()[start + idx];
            num += sim * (ratedValues[at[idx]] - baseline.applyAsDouble(neighbour));
            den += Math.abs(sim);
        }
        return den == 0 ? Double.NaN : num / den;
    }

    private static double shrink(int co, double shrinkage) {
        return shrinkage == 0 ? 1 : co / (co + shrinkage);
    }

    private static double keep(double sim, double min) {
        return sim > min ? sim : Double.NaN;
    }
}
