package org.recworkbench.algo.linear;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.ItemItemModel;
import org.recworkbench.algo.support.Neighbourhoods;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * RP3beta (Paudel et al. 2017; as re-evaluated by Ferrari Dacrema et al. 2019): the item-to-item probability of
 * a two-step random walk item → user → item over the binary interaction graph, each transition probability
 * raised to α, divided by the target item's popularity to the power β to favour the long tail:
 * {@code W_ij = Σ_u (1/|U_i|)^α (1/|I_u|)^α / |U_j|^β}. Each item keeps its {@code neighbors} highest-weighted
 * items; a user's score for j is {@code Σ_{i ∈ items(u)} W_ij}. Defaults as in Ferrari Dacrema et al.'s
 * implementation: α = 1, β = 0.6, 100 neighbours.
 */
@Component(service = Recommender.class)
public class Rp3BetaRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("rp3beta", "RP3beta", "graph",
            "Two-step random walk item-user-item with popularity penalty (top-N)",
            "B. Paudel, F. Christoffel, C. Newell, A. Bernstein. Updatable, accurate, diverse, and scalable "
                    + "recommendations for interactive applications. ACM TiiS 7(1), 2017",
            List.of(ParameterDescriptor.ofDouble("alpha", 1.0, 0, 10, "exponent of the transition probabilities"),
                    ParameterDescriptor.ofDouble("beta", 0.6, 0, 10, "popularity penalty exponent of the target item"),
                    ParameterDescriptor.ofInt("neighbors", 100, 1, 1_000_000, "items kept per item")),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        double alpha = params.getDouble("alpha");
        double beta = params.getDouble("beta");
        SparseMatrix byItem = train.itemUsers();
        SparseMatrix byUser = train.userItems();
        // item → user: (1/|U_i|)^α on every edge of item i; user → item: (1/|I_u|)^α on every edge of user u
        float[] itemToUser = new float[byItem.columns().length];
        for (int i = 0; i < byItem.rows(); i++) {
            float w = (float) Math.pow(1.0 / byItem.rowLength(i), alpha);
            java.util.Arrays.fill(itemToUser, byItem.rowStart(i), byItem.rowEnd(i), w);
        }
        float[] userToItem = new float[byUser.columns().length];
        for (int u = 0; u < byUser.rows(); u++) {
            float w = (float) Math.pow(1.0 / byUser.rowLength(u), alpha);
            java.util.Arrays.fill(userToItem, byUser.rowStart(u), byUser.rowEnd(u), w);
        }
        double[] penalty = new double[byItem.rows()];
        for (int j = 0; j < penalty.length; j++) {
            penalty[j] = Math.pow(byItem.rowLength(j), beta);
        }
        SparseMatrix w = Neighbourhoods.topK(byItem, itemToUser, byUser, userToItem, params.getInt("neighbors"),
                (i, j, acc, co) -> acc / penalty[j], context.monitor(), "rp3beta walk");
        return new ItemItemModel(byUser, w, true);
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        return ItemItemModel.read(in);
    }
}
