package org.recworkbench.algo.sequential;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.Persistence;
import org.recworkbench.algo.support.Sequences;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * The sequential baseline of the GRU4Rec paper: the nearest neighbours of the user's most recent item. Two items are
 * as similar as the cosine of their sets of users ({@code |U_i ∩ U_j| / √(|U_i| |U_j|)}); a user's list is the
 * {@code neighbors} items most similar to their last training item, most similar first, followed by every other item
 * by popularity. Needs no network: the floor a sequential model has to clear.
 */
@Component(service = Recommender.class)
public class LastItemKnnRecommender implements Recommender, ModelReader {

    static final String ID = "last-item-knn";

    private static final List<ParameterDescriptor> PARAMETERS = List.of(ParameterDescriptor.ofInt("neighbors", 100, 1,
            1_000_000, "the most similar items to the last one that are ranked by similarity"));

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "Last item's neighbours",
            "sequential", "Items most similar (cosine of their user sets) to the user's most recent item (top-N)",
            "B. Hidasi, A. Karatzoglou, L. Baltrunas, D. Tikk. Session-based recommendations with recurrent neural "
                    + "networks. ICLR 2016 (its Item-KNN baseline)",
            PARAMETERS, true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int k = params.getInt("neighbors");
        Sequences sequences = Sequences.of(train);
        int users = train.numUsers();
        int items = train.numItems();
        int[] last = new int[users];
        for (int u = 0; u < users; u++) {
            last[u] = sequences.length(u) == 0 ? -1 : sequences.item(u, sequences.length(u) - 1);
        }
        SparseMatrix byItem = train.itemUsers();
        SparseMatrix byUser = train.userItems();
        int[] distinctUsers = new int[items];
        for (int i = 0; i < items; i++) {
            distinctUsers[i] = Sequences.distinct(byItem.columns(), byItem.rowStart(i), byItem.rowEnd(i));
        }
        // one similarity row per item that is someone's last item
        boolean[] needed = new boolean[items];
        for (int j : last) {
            if (j >= 0) {
                needed[j] = true;
            }
        }
        List<int[]> rows = new java.util.ArrayList<>();
        List<float[]> sims = new java.util.ArrayList<>();
        int[] counts = new int[items];
        int[] cols = byUser.columns();
        int[] userCols = byItem.columns();
        for (int j = 0; j < items; j++) {
            if (!needed[j]) {
                continue;
            }
            context.monitor().checkCanceled();
            java.util.Arrays.fill(counts, 0);
            // rows are sorted, so a repeated user or item sits next to its first occurrence
            for (int p = byItem.rowStart(j); p < byItem.rowEnd(j); p++) {
                if (p > byItem.rowStart(j) && userCols[p] == userCols[p - 1]) {
                    continue;
                }
                int v = userCols[p];
                for (int q = byUser.rowStart(v); q < byUser.rowEnd(v); q++) {
                    if (q == byUser.rowStart(v) || cols[q] != cols[q - 1]) {
                        counts[cols[q]]++;
                    }
                }
            }
            float[] row = new float[items];
            for (int i = 0; i < items; i++) {
                row[i] = i == j || counts[i] == 0 ? Float.NEGATIVE_INFINITY
                        : (float) (counts[i] / Math.sqrt((double) distinctUsers[i] * distinctUsers[j]));
            }
            int[] top = new int[Math.min(k, items)];
            float[] topScores = new float[top.length];
            int n = TopK.select(row, 0, items, top.length, top, topScores);
            for (int t = 0; t < n; t++) {
                if (topScores[t] != Float.NEGATIVE_INFINITY) {
                    rows.add(new int[] {j, top[t]});
                    sims.add(new float[] {topScores[t]});
                }
            }
        }
        int[] r = new int[rows.size()];
        int[] c = new int[rows.size()];
        float[] v = new float[rows.size()];
        for (int e = 0; e < r.length; e++) {
            r[e] = rows.get(e)[0];
            c[e] = rows.get(e)[1];
            v[e] = sims.get(e)[0];
        }
        int[] popularity = train.itemCounts();
        return new LastItemKnnModel(last, SparseMatrix.fromCoordinates(items, items, r, c, v), popularity);
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        return LastItemKnnModel.read(in);
    }

    /** Each user's last item, the similarity rows of those items, and popularity for the rest. */
    static final class LastItemKnnModel implements PersistentModel {
        private final int[] last;
        private final SparseMatrix neighbours;
        private final int[] popularity;
        private final float[] fallback;

        LastItemKnnModel(int[] last, SparseMatrix neighbours, int[] popularity) {
            this.last = last;
            this.neighbours = neighbours;
            this.popularity = popularity;
            int max = 1;
            for (int p : popularity) {
                max = Math.max(max, p);
            }
            // below every neighbour (similarities are ≥ 0), ordered by popularity
            fallback = new float[popularity.length];
            for (int i = 0; i < fallback.length; i++) {
                fallback[i] = -1f + 0.5f * popularity[i] / max;
            }
        }

        @Override
        public int numUsers() {
            return last.length;
        }

        @Override
        public int numItems() {
            return popularity.length;
        }

        @Override
        public void scoreAll(int[] users, float[] out) {
            int n = numItems();
            for (int b = 0; b < users.length; b++) {
                System.arraycopy(fallback, 0, out, b * n, n);
                int j = last[users[b]];
                if (j >= 0) {
                    for (int p = neighbours.rowStart(j); p < neighbours.rowEnd(j); p++) {
                        out[b * n + neighbours.columns()[p]] = neighbours.values()[p];
                    }
                }
            }
        }

        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeInt(last.length);
            for (int j : last) {
                out.writeInt(j);
            }
            out.writeInt(popularity.length);
            for (int p : popularity) {
                out.writeInt(p);
            }
            Persistence.write(out, neighbours);
        }

        static LastItemKnnModel read(DataInputStream in) throws IOException {
            int users = in.readInt();
            if (users < 0) {
                throw new IOException("not a last-item-knn model: " + users + " users");
            }
            int[] last = new int[users];
            for (int u = 0; u < users; u++) {
                last[u] = in.readInt();
            }
            int items = in.readInt();
            if (items < 0) {
                throw new IOException("not a last-item-knn model: " + items + " items");
            }
            int[] popularity = new int[items];
            for (int i = 0; i < items; i++) {
                popularity[i] = in.readInt();
            }
            SparseMatrix neighbours = Persistence.readMatrix(in);
            if (neighbours.rows() != items || neighbours.cols() != items) {
                throw new IOException("last-item-knn model: neighbours are " + neighbours.rows() + " x "
                        + neighbours.cols() + ", expected " + items + " x " + items);
            }
            for (int j : last) {
                if (j < -1 || j >= items) {
                    throw new IOException("last-item-knn model: last item " + j + " outside 0.." + (items - 1));
                }
            }
            return new LastItemKnnModel(last, neighbours, popularity);
        }
    }
}
