package org.recworkbench.algo.knn;

import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.Baselines;
import org.recworkbench.algo.support.ItemItemModel;
import org.recworkbench.algo.support.Persistence;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Item-based k-nearest neighbours. Top-N (Deshpande and Karypis 2004): each item keeps its {@code neighbors}
 * most similar items and a user's score for item j is {@code Σ_{i ∈ items(u)} x_ui · sim(i, j)} over the
 * neighbour lists of the user's items. Rating prediction (Sarwar et al. 2001, with Koren's baseline offset, as
 * Surprise's KNNBaseline): {@code r̂_ui = b_ui + Σ_{j ∈ N_k(i; u)} sim(i, j) (r_uj − b_uj) / Σ |sim(i, j)|} over the
 * k items most similar to i among those u rated (searched in i's {@code candidates} most similar items), falling
 * back to the baseline when u rated none of them.
 */
@Component(service = Recommender.class)
public class ItemKnnRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("item-knn", "ItemKNN", "knn",
            "Item-based k-nearest neighbours: cosine, adjusted cosine, Pearson or Jaccard; shrinkage; TF-IDF/BM25 "
                    + "(top-N and rating prediction)",
            "M. Deshpande and G. Karypis. Item-based top-N recommendation algorithms. ACM TOIS 22(1), 2004; "
                    + "B. Sarwar, G. Karypis, J. Konstan, J. Riedl. Item-based collaborative filtering "
                    + "recommendation algorithms. WWW 2001",
            Similarity.parameters(50, "items"), true, true);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int k = params.getInt("neighbors");
        SparseMatrix neighbours = Similarity.neighbours(train, params, true, k, context.monitor());
        boolean binary = "binary".equals(params.getString("feedback"));
        return new ItemKnnModel(new ItemItemModel(train.userItems(), neighbours, binary),
                Similarity.lazyCandidates(train, params, true), k, train.userItems(), Baselines.fit(train), params);
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        Parameters params = Persistence.readParameters(in, DESCRIPTOR.parameters());
        ItemItemModel ranking = ItemItemModel.read(in);
        Baselines baselines = Persistence.readBaselines(in);
        // the rating-prediction pool is recomputed on first use from the saved user histories
        return new ItemKnnModel(ranking, Similarity.lazyCandidates(Persistence.interactions(ranking.userItems()),
                params, true), params.getInt("neighbors"), ranking.userItems(), baselines, params);
    }

    /** Ranks through the item–item model; predicts ratings from the neighbours the user rated. */
    static final class ItemKnnModel implements PersistentModel {
        private final ItemItemModel ranking;
        private final java.util.function.Supplier<SparseMatrix> candidates;
        private final int k;
        private final SparseMatrix userItems;
        private final Baselines baselines;
        private final Parameters params;

        ItemKnnModel(ItemItemModel ranking, java.util.function.Supplier<SparseMatrix> candidates, int k,
                SparseMatrix userItems, Baselines baselines, Parameters params) {
            this.params = params;
            this.ranking = ranking;
            this.candidates = candidates;
            this.k = k;
            this.userItems = userItems;
            this.baselines = baselines;
        }

        SparseMatrix neighbours() {
            return ranking.weights();
        }

        @Override
        public void write(java.io.DataOutputStream out) throws java.io.IOException {
            Persistence.write(out, params);
            ranking.write(out);
            Persistence.write(out, baselines);
        }

        @Override
        public int numUsers() {
            return ranking.numUsers();
        }

        @Override
        public int numItems() {
            return ranking.numItems();
        }

        @Override
        public void scoreAll(int[] users, float[] out) {
            ranking.scoreAll(users, out);
        }

        @Override
        public boolean predictsRatings() {
            return true;
        }

        @Override
        public float predict(int user, int item) {
            float base = baselines.predict(user, item);
            double offset = Similarity.weightedOffset(candidates.get(), item, userItems.columns(), userItems.values(),
                    userItems.rowStart(user), userItems.rowEnd(user), k, j -> baselines.predict(user, j));
            return Double.isNaN(offset) ? base : (float) (base + offset);
        }
    }
}
