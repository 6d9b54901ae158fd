package org.recworkbench.algo.knn;

import java.util.Arrays;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.Baselines;
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
 * User-based k-nearest neighbours (Resnick et al. 1994; Herlocker et al. 1999). Each user keeps the
 * {@code neighbors} most similar users. Top-N: {@code score(u, i) = Σ_{v ∈ N(u)} sim(u, v) · x_vi}. Rating
 * prediction with the baseline offset: {@code r̂_ui = b_ui + Σ_{v ∈ N_k(u; i)} sim(u, v) (r_vi − b_vi) /
 * Σ |sim(u, v)|} over the k users most similar to u among those who rated i (searched in u's
 * {@code candidates} most similar users), the baseline alone when none of them rated i.
 */
@Component(service = Recommender.class)
public class UserKnnRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("user-knn", "UserKNN", "knn",
            "User-based k-nearest neighbours: cosine, adjusted cosine, Pearson or Jaccard; shrinkage; TF-IDF/BM25 "
                    + "(top-N and rating prediction)",
            "J. Herlocker, J. Konstan, A. Borchers, J. Riedl. An algorithmic framework for performing collaborative "
                    + "filtering. SIGIR 1999",
            Similarity.parameters(50, "users"), true, true);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int k = params.getInt("neighbors");
        return new UserKnnModel(Similarity.neighbours(train, params, false, k, context.monitor()),
                Similarity.lazyCandidates(train, params, false), k, train.userItems(),
                train.itemUsers(), "binary".equals(params.getString("feedback")), Baselines.fit(train), params);
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        Parameters params = Persistence.readParameters(in, DESCRIPTOR.parameters());
        SparseMatrix neighbours = Persistence.readMatrix(in);
        SparseMatrix userItems = Persistence.readMatrix(in);
        Baselines baselines = Persistence.readBaselines(in);
        Interactions train = Persistence.interactions(userItems);
        // the rating-prediction pool is recomputed on first use from the saved user histories
        return new UserKnnModel(neighbours, Similarity.lazyCandidates(train, params, false),
                params.getInt("neighbors"), userItems, train.itemUsers(), "binary".equals(params.getString("feedback")),
                baselines, params);
    }

    static final class UserKnnModel implements PersistentModel {
        private final SparseMatrix neighbours;
        private final java.util.function.Supplier<SparseMatrix> candidates;
        private final int k;
        private final SparseMatrix userItems;
        private final SparseMatrix itemUsers;
        private final boolean binary;
        private final Baselines baselines;
        private final Parameters params;

        UserKnnModel(SparseMatrix neighbours, java.util.function.Supplier<SparseMatrix> candidates, int k,
                SparseMatrix userItems,
                SparseMatrix itemUsers, boolean binary, Baselines baselines, Parameters params) {
            this.params = params;
            this.neighbours = neighbours;
            this.candidates = candidates;
            this.k = k;
            this.userItems = userItems;
            this.itemUsers = itemUsers;
            this.binary = binary;
            this.baselines = baselines;
        }

        SparseMatrix neighbours() {
            return neighbours;
        }

        @Override
        public void write(java.io.DataOutputStream out) throws java.io.IOException {
            Persistence.write(out, params);
            Persistence.write(out, neighbours);
            Persistence.write(out, userItems);
            Persistence.write(out, baselines);
        }

        @Override
        public int numUsers() {
            return userItems.rows();
        }

        @Override
        public int numItems() {
            return itemUsers.rows();
        }

        @Override
        public void scoreAll(int[] users, float[] out) {
            int n = numItems();
            for (int b = 0; b < users.length; b++) {
                int base = b * n;
                Arrays.fill(out, base, base + n, 0f);
                int u = users[b];
                for (int q = neighbours.rowStart(u); q < neighbours.rowEnd(u); q++) {
                    int v = neighbours.columns()[q];
                    float sim = neighbours.values()[q];
                    for (int p = userItems.rowStart(v); p < userItems.rowEnd(v); p++) {
                        out[base + userItems.columns()[p]] += sim * (binary ? 1f : userItems.values()[p]);
                    }
                }
            }
        }

        @Override
        public boolean predictsRatings() {
            return true;
        }

        @Override
        public float predict(int user, int item) {
            float base = baselines.predict(user, item);
            double offset = Similarity.weightedOffset(candidates.get(), user, itemUsers.columns(), itemUsers.values(),
                    itemUsers.rowStart(item), itemUsers.rowEnd(item), k, v -> baselines.predict(v, item));
            return Double.isNaN(offset) ? base : (float) (base + offset);
        }
    }
}
