package org.recworkbench.algo.knn;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Item-based top-N recommendation (Deshpande &amp; Karypis 2004). Similarity is the cosine between the
 * items' user vectors (binary by default); each item keeps its {@code neighbors} most similar items. A user's
 * score for item i is the sum of sim(j, i) over the items j the user interacted with, taking only the
 * neighbour lists of those j.
 */
@Component(service = Recommender.class)
public class ItemKnnRecommender implements Recommender {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("item-knn", "ItemKNN", "knn",
            "Item-based k-nearest-neighbours with cosine similarity (top-N)",
            "M. Deshpande and G. Karypis. Item-based top-N recommendation algorithms. ACM TOIS 22(1), 2004.",
            List.of(ParameterDescriptor.ofInt("neighbors", 50, 1, 100_000,
                            "number of most similar items kept per item"),
                    ParameterDescriptor.ofDouble("min-similarity", 0.0, 0.0, 1.0,
                            "similarities at or below this are dropped"),
                    ParameterDescriptor.ofEnum("feedback", "binary", List.of("binary", "values"),
                            "cosine over binary interaction vectors or over the interaction values")),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        boolean binary = "binary".equals(params.getString("feedback"));
        SparseMatrix neighbours = similarities(train, params.getInt("neighbors"), params.getDouble("min-similarity"),
                binary, context);
        return new ItemKnnModel(train.userItems(), neighbours, binary);
    }

    /** The top-k cosine neighbour lists of every item, as a CSR matrix item → (neighbour, similarity). */
    static SparseMatrix similarities(Interactions train, int k, double minSimilarity, boolean binary,
            TrainingContext context) {
        SparseMatrix byUser = train.userItems();
        SparseMatrix byItem = train.itemUsers();
        int numItems = train.numItems();
        double[] norms = new double[numItems];
        for (int i = 0; i < numItems; i++) {
            double s = 0;
            for (int p = byItem.rowStart(i); p < byItem.rowEnd(i); p++) {
                float v = binary ? 1f : byItem.values()[p];
                s += v * v;
            }
            norms[i] = Math.sqrt(s);
        }
        int[][] nbrItems = new int[numItems][];
        float[][] nbrSims = new float[numItems][];
        AtomicInteger done = new AtomicInteger();
        context.monitor().begin("item-knn similarities", numItems);
        // per thread: dot-product accumulator and a stamp marking which entries item i touched
        ThreadLocal<float[]> accumulators = ThreadLocal.withInitial(() -> new float[numItems]);
        ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[numItems]);
        IntStream.range(0, numItems).parallel().forEach(i -> {
            if ((i & 255) == 0) {
                context.monitor().checkCanceled();
            }
            float[] acc = accumulators.get();
            int[] stamp = stamps.get();
            int[] touched = new int[0];
            int touchedCount = 0;
            int[] uCols = byUser.columns();
            float[] uVals = byUser.values();
            for (int p = byItem.rowStart(i); p < byItem.rowEnd(i); p++) {
                int u = byItem.columns()[p];
                float wi = binary ? 1f : byItem.values()[p];
                for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
                    int j = uCols[q];
                    if (stamp[j] != i + 1) {
                        stamp[j] = i + 1;
                        if (touchedCount == touched.length) {
                            touched = java.util.Arrays.copyOf(touched, Math.max(64, touchedCount * 2));
                        }
                        touched[touchedCount++] = j;
                    }
                    acc[j] += wi * (binary ? 1f : uVals[q]);
                }
            }
            // turn dot products into cosines in place, dropping self and weak similarities
            float[] sims = new float[touchedCount];
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                double denom = norms[i] * norms[j];
                double sim = j == i || denom == 0 ? 0 : acc[j] / denom;
                sims[t] = sim > minSimilarity ? (float) sim : Float.NEGATIVE_INFINITY;
                acc[j] = 0f;
            }
            int keep = Math.min(k, touchedCount);
            int[] order = new int[keep];
            float[] best = new float[keep];
            int n = TopK.select(sims, 0, touchedCount, keep, order, best);
            int[] items = new int[n];
            for (int t = 0; t < n; t++) {
                items[t] = touched[order[t]];
            }
            nbrItems[i] = items;
            nbrSims[i] = java.util.Arrays.copyOf(best, n);
            int d = done.incrementAndGet();
            if ((d & 255) == 0) {
                context.monitor().worked(256);
            }
        });
        context.monitor().done();
        int total = 0;
        for (int[] row : nbrItems) {
            total += row.length;
        }
        int[] rows = new int[total];
        int[] cols = new int[total];
        float[] vals = new float[total];
        int pos = 0;
        for (int i = 0; i < numItems; i++) {
            for (int t = 0; t < nbrItems[i].length; t++) {
                rows[pos] = i;
                cols[pos] = nbrItems[i][t];
                vals[pos] = nbrSims[i][t];
                pos++;
            }
        }
        return SparseMatrix.fromCoordinates(numItems, numItems, rows, cols, vals);
    }

    /** Scores by summing the neighbour rows of the user's items into the output row. */
    static final class ItemKnnModel implements Model {
        private final SparseMatrix userItems;
        private final SparseMatrix neighbours;
        private final boolean binary;

        ItemKnnModel(SparseMatrix userItems, SparseMatrix neighbours, boolean binary) {
            this.userItems = userItems;
            this.neighbours = neighbours;
            this.binary = binary;
        }

        @Override
        public int numUsers() {
            return userItems.rows();
        }

        @Override
        public int numItems() {
            return neighbours.rows();
        }

        /** The neighbour lists, for inspection and tests. */
        SparseMatrix neighbours() {
            return neighbours;
        }

        @Override
        public void scoreAll(int[] users, float[] out) {
            int n = numItems();
            int[] nCols = neighbours.columns();
            float[] nVals = neighbours.values();
            for (int b = 0; b < users.length; b++) {
                int base = b * n;
                java.util.Arrays.fill(out, base, base + n, 0f);
                int u = users[b];
                if (u >= userItems.rows()) {
                    continue;
                }
                for (int p = userItems.rowStart(u); p < userItems.rowEnd(u); p++) {
                    int j = userItems.columns()[p];
                    float w = binary ? 1f : userItems.values()[p];
                    for (int q = neighbours.rowStart(j); q < neighbours.rowEnd(j); q++) {
                        out[base + nCols[q]] += w * nVals[q];
                    }
                }
            }
        }
    }
}
