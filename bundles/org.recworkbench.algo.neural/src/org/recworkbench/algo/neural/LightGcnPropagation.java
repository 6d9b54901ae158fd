package org.recworkbench.algo.neural;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.recworkbench.api.data.SparseMatrix;

/**
 * LightGCN's propagation (He et al. 2020, eq. 3–4) over the user–item graph: with the symmetrically normalised
 * adjacency {@code Â = D^-1/2 A D^-1/2} of the bipartite graph, layer k + 1 is {@code Â} times layer k, and the
 * final embeddings are the mean of layers 0..K. {@code Â} is symmetric, so the same operator maps the gradient with
 * respect to the final embeddings back to layer 0 (the backward pass is {@link #propagate} of the gradient).
 *
 * <p>The product is sparse (an edge per distinct user–item pair), which ND4J 1.0.0-M2.1 does not offer on the CPU; it
 * runs here over the training matrix's CSR rows and its transpose, rows split across {@code threads}.
 */
final class LightGcnPropagation {
    private final int users;
    private final int items;
    private final int dim;
    private final int layers;
    private final int[] userStart;
    private final int[] userItems;
    private final float[] userWeights;
    private final int[] itemStart;
    private final int[] itemUsers;
    private final float[] itemWeights;
    private final ForkJoinPool pool;

    /** @param byUser the training matrix by user (repeated pairs count once) */
    LightGcnPropagation(SparseMatrix byUser, int users, int items, int dim, int layers, int threads) {
        this.users = users;
        this.items = items;
        this.dim = dim;
        this.layers = layers;
        int[] cols = byUser.columns();
        int[] userDegree = new int[users];
        int[] itemDegree = new int[items];
        userStart = new int[users + 1];
        for (int u = 0; u < users; u++) {
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                if (p == byUser.rowStart(u) || cols[p] != cols[p - 1]) {
                    userDegree[u]++;
                    itemDegree[cols[p]]++;
                }
            }
            userStart[u + 1] = userStart[u] + userDegree[u];
        }
        int edges = userStart[users];
        userItems = new int[edges];
        userWeights = new float[edges];
        itemStart = new int[items + 1];
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] = itemStart[i] + itemDegree[i];
        }
        itemUsers = new int[edges];
        itemWeights = new float[edges];
        int[] fill = java.util.Arrays.copyOf(itemStart, items);
        for (int u = 0, e = 0; u < users; u++) {
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                if (p == byUser.rowStart(u) || cols[p] != cols[p - 1]) {
                    int i = cols[p];
                    float w = (float) (1 / Math.sqrt((double) userDegree[u] * itemDegree[i]));
                    userItems[e] = i;
                    userWeights[e++] = w;
                    itemUsers[fill[i]] = u;
                    itemWeights[fill[i]++] = w;
                }
            }
        }
        pool = new ForkJoinPool(Math.max(1, threads));
    }

    /**
     * The mean of layers 0..K starting from {@code user0} ({@code [users, d]}) and {@code item0}
     * ({@code [items, d]}), row-major, written to {@code userOut} and {@code itemOut}.
     */
    void propagate(float[] user0, float[] item0, float[] userOut, float[] itemOut) {
        float[] u = user0;
        float[] i = item0;
        System.arraycopy(user0, 0, userOut, 0, userOut.length);
        System.arraycopy(item0, 0, itemOut, 0, itemOut.length);
        for (int k = 0; k < layers; k++) {
            float[] nextU = new float[u.length];
            float[] nextI = new float[i.length];
            multiply(users, userStart, userItems, userWeights, i, nextU);
            multiply(items, itemStart, itemUsers, itemWeights, u, nextI);
            add(userOut, nextU);
            add(itemOut, nextI);
            u = nextU;
            i = nextI;
        }
        float scale = 1f / (layers + 1);
        scale(userOut, scale);
        scale(itemOut, scale);
    }

    /** {@code out[r] = Σ_e weight[e] · from[index[e]]} over row r's edges, rows in parallel. */
    private void multiply(int rows, int[] start, int[] index, float[] weight, float[] from, float[] out) {
        pool.submit(() -> IntStream.range(0, rows).parallel().forEach(r -> {
            int o = r * dim;
            for (int e = start[r]; e < start[r + 1]; e++) {
                int f = index[e] * dim;
                float w = weight[e];
                for (int k = 0; k < dim; k++) {
                    out[o + k] += w * from[f + k];
                }
            }
        })).join();
    }

    private static void add(float[] to, float[] x) {
        for (int k = 0; k < to.length; k++) {
            to[k] += x[k];
        }
    }

    private static void scale(float[] x, float s) {
        for (int k = 0; k < x.length; k++) {
            x[k] *= s;
        }
    }

    void close() {
        pool.shutdown();
    }
}
