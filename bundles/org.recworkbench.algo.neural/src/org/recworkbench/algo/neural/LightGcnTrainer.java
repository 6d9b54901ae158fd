package org.recworkbench.algo.neural;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.dl4j.training.Optimizer;

/**
 * LightGCN's training step: BPR on the propagated embeddings of a batch of (user, positive, negative) triples, plus
 * {@code l2 / 2} times the squared norms of the triples' layer-0 embeddings, over the batch size (the paper's
 * regulariser). The loss's gradient with respect to the final embeddings is non-zero only in the batch's rows; the
 * propagation maps it back to layer 0 ({@link LightGcnPropagation}), where the {@link Optimizer} updates the only
 * parameters LightGCN has: the layer-0 user and item embeddings.
 */
final class LightGcnTrainer {
    private static final String USERS = "users";
    private static final String ITEMS = "items";

    private final LightGcnPropagation graph;
    private final INDArray user0;
    private final INDArray item0;
    private final int users;
    private final int items;
    private final int dim;
    private final double l2;
    private final Optimizer optimizer;

    /** Embeddings start from N(0, 0.1²), as the reference implementation's. */
    LightGcnTrainer(LightGcnPropagation graph, int users, int items, int dim, double l2, Optimizer optimizer) {
        this.graph = graph;
        this.users = users;
        this.items = items;
        this.dim = dim;
        this.l2 = l2;
        this.optimizer = optimizer;
        user0 = Nd4j.randn(DataType.FLOAT, users, dim).muli(0.1);
        item0 = Nd4j.randn(DataType.FLOAT, items, dim).muli(0.1);
        optimizer.add(USERS, user0).add(ITEMS, item0);
    }

    /** A batch's loss and the gradients of the layer-0 embeddings. */
    record Gradients(double loss, float[] users, float[] items) {
    }

    /** The loss and gradients at the current embeddings, for triples {@code (u[b], pos[b], neg[b])}. */
    Gradients gradients(int[] u, int[] pos, int[] neg) {
        float[] e0u = user0.dup('c').data().asFloat();
        float[] e0i = item0.dup('c').data().asFloat();
        float[] eu = new float[e0u.length];
        float[] ei = new float[e0i.length];
        graph.propagate(e0u, e0i, eu, ei);
        float[] gu = new float[eu.length];
        float[] gi = new float[ei.length];
        int n = u.length;
        double loss = 0;
        for (int b = 0; b < n; b++) {
            int ou = u[b] * dim;
            int op = pos[b] * dim;
            int on = neg[b] * dim;
            double x = 0;
            for (int k = 0; k < dim; k++) {
                x += eu[ou + k] * (ei[op + k] - ei[on + k]);
            }
            loss += softplus(-x); // −log σ(x)
            float dx = (float) (-sigmoid(-x) / n);
            for (int k = 0; k < dim; k++) {
                gu[ou + k] += dx * (ei[op + k] - ei[on + k]);
                gi[op + k] += dx * eu[ou + k];
                gi[on + k] -= dx * eu[ou + k];
            }
        }
        float[] du = new float[gu.length];
        float[] di = new float[gi.length];
        graph.propagate(gu, gi, du, di); // Â is symmetric: the backward pass is the same mean of powers
        double reg = 0;
        float c = (float) (l2 / n);
        for (int b = 0; b < n; b++) {
            reg += regularise(e0u, du, u[b], c) + regularise(e0i, di, pos[b], c) + regularise(e0i, di, neg[b], c);
        }
        return new Gradients(loss / n + reg, du, di);
    }

    /** Adds the L2 term's gradient for one row; returns its share of the loss. */
    private double regularise(float[] e0, float[] grad, int row, float c) {
        double sq = 0;
        for (int k = row * dim; k < (row + 1) * dim; k++) {
            sq += e0[k] * e0[k];
            grad[k] += c * e0[k];
        }
        return c * sq / 2;
    }

    /** One Adam update on a batch; returns its loss. */
    double step(int[] u, int[] pos, int[] neg, int iteration, int epoch) {
        Gradients g = gradients(u, pos, neg);
        optimizer.step(Map.of(USERS, Nd4j.create(g.users(), new long[] {users, dim}, 'c'), ITEMS,
                Nd4j.create(g.items(), new long[] {items, dim}, 'c')), iteration, epoch);
        return g.loss();
    }

    /** The final (propagated) user and item embeddings. */
    float[][] embeddings() {
        float[] eu = new float[users * dim];
        float[] ei = new float[items * dim];
        graph.propagate(user0.dup('c').data().asFloat(), item0.dup('c').data().asFloat(), eu, ei);
        return new float[][] {eu, ei};
    }

    INDArray user0() {
        return user0;
    }

    INDArray item0() {
        return item0;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }
}
