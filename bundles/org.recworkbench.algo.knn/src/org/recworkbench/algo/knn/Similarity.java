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
    static final List<String> KINDS = List.of("cosine", "adjusted-cosine", "pearson", "jaccard");

    static List<ParameterDescriptor> parameters(int neighbours, String what) {
        return List.of(ParameterDescriptor.ofInt("neighbors", neighbours, 1, 1_000_000,
                        "number of most similar " + what + " kept per " + what.substring(0, what.length() - 1)),
                ParameterDescriptor.ofEnum("similarity", "cosine", KINDS,
                        "cosine, adjusted-cosine (user-mean centred), pearson (own-mean centred) or jaccard"),
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
     * The top-k neighbourhood of every item ({@code items = true}) or user: CSR source → (neighbour, similarity).
     */
    static SparseMatrix neighbours(Interactions train, Parameters p, boolean items, ProgressMonitor monitor) {
        String kind = p.getString("similarity");
        boolean values = "values".equals(p.getString("feedback")) || !kind.equals("cosine") && !kind.equals("jaccard");
        String centring = switch (kind) {
            case "adjusted-cosine" -> items ? "user" : "item";
            case "pearson" -> items ? "item" : "user";
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
        return Neighbourhoods.topK(out, outWeights, in, inWeights, p.getInt("neighbors"), finish, monitor,
                (items ? "item" : "user") + "-knn similarities");
    }

    private static double shrink(int co, double shrinkage) {
        return shrinkage == 0 ? 1 : co / (co + shrinkage);
    }

    private static double keep(double sim, double min) {
        return sim > min ? sim : Double.NaN;
    }
}
