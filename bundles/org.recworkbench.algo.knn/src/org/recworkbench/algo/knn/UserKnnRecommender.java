package org.recworkbench.algo.knn;

import java.util.Arrays;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.Baselines;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * User-based k-nearest neighbours (Resnick et al. 1994; Herlocker et al. 1999). Each user keeps the
 * {@code neighbors} most similar users. Top-N: {@code score(u, i) = Σ_{v ∈ N(u)} sim(u, v) · x_vi}. Rating
 * prediction with the baseline offset: {@code r̂_ui = b_ui + Σ_{v ∈ N(u), v rated i} sim(u, v) (r_vi − b_vi) /
 * Σ |sim(u, v)|}, the baseline alone when no neighbour rated i (neighbours are the user's k nearest overall,
 * not re-selected per item).
 */
@Component(service = Recommender.class)
public class UserKnnRecommender implements Recommender {

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
        SparseMatrix neighbours = Similarity.neighbours(train, params, false, context.monitor());
        return new UserKnnModel(neighbours, train.userItems(), train.itemUsers(),
                "binary".equals(params.getString("feedback")), Baselines.fit(train));
    }

    static final class UserKnnModel implements Model {
        private final SparseMatrix neighbours;
        private final SparseMatrix userItems;
        private final SparseMatrix itemUsers;
        private final boolean binary;
        private final Baselines baselines;

        UserKnnModel(SparseMatrix neighbours, SparseMatrix userItems, SparseMatrix itemUsers, boolean binary,
                Baselines baselines) {
            this.neighbours = neighbours;
            this.userItems = userItems;
            this.itemUsers = itemUsers;
            this.binary = binary;
            this.baselines = baselines;
        }

        SparseMatrix neighbours() {
            return neighbours;
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
            int[] raters = itemUsers.columns();
            int from = itemUsers.rowStart(item);
            int to = itemUsers.rowEnd(item);
            double num = 0;
            double den = 0;
            for (int q = neighbours.rowStart(user); q < neighbours.rowEnd(user); q++) {
                int v = neighbours.columns()[q];
                int at = Arrays.binarySearch(raters, from, to, v);
                if (at >= 0) {
                    float sim = neighbours.values()[q];
                    num += sim * (itemUsers.values()[at] - baselines.predict(v, item));
                    den += Math.abs(sim);
                }
            }
            return den == 0 ? base : (float) (base + num / den);
        }
    }
}
