package org.recworkbench.algo.sequential;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;
import org.recworkbench.algo.support.Sequences;

/**
 * One step of GRU4Rec's recurrent layer in SameDiff (Cho et al. 2014 gating, as in Hidasi et al.): from the embedded
 * current items {@code x} ({@code [rows, d]}) and the previous hidden states {@code h} (a placeholder),
 * <pre>
 *   r = σ(x Wr + h Ur + br),  z = σ(x Wz + h Uz + bz),  n = tanh(x Wn + r ⊙ (h Un) + bn),
 *   h' = (1 − z) ⊙ n + z ⊙ h.
 * </pre>
 * The graph is one step, not an unrolled sequence: GRU4Rec trains with session-parallel mini-batches that carry each
 * session's hidden state from step to step in Java and back-propagate through the current step only (the original
 * implementation's truncation). {@link #input} is a variable, set before each call, so that its gradient can be
 * added back into the shared item table (see {@link Gru4RecTrainer}).
 */
final class GruCell {
    static final String INPUT = "input";
    static final String STATE = "state";
    static final String HIDDEN = "hidden";

    final SameDiff sd;
    final SDVariable input;
    final SDVariable hidden;
    private final int rows;
    private final int dim;

    GruCell(int rows, int dim) {
        this.rows = rows;
        this.dim = dim;
        sd = SameDiff.create();
        input = sd.var(INPUT, new ZeroInitScheme('c'), DataType.FLOAT, rows, dim);
        SDVariable h = sd.placeHolder(STATE, DataType.FLOAT, rows, dim);
        SDVariable r = sd.nn.sigmoid(gate(input, h, "r"));
        SDVariable z = sd.nn.sigmoid(gate(input, h, "z"));
        SDVariable n = sd.math.tanh(input.mmul(weight("Wn")).add(r.mul(h.mmul(weight("Un")))).add(bias("bn")));
        hidden = z.rsub(1.0).mul(n).add(z.mul(h)).rename(HIDDEN);
    }

    private SDVariable gate(SDVariable x, SDVariable h, String name) {
        return x.mmul(weight("W" + name)).add(h.mmul(weight("U" + name))).add(bias("b" + name));
    }

    private SDVariable weight(String name) {
        return sd.var(name, new XavierInitScheme('c', dim, dim), DataType.FLOAT, dim, dim);
    }

    private SDVariable bias(String name) {
        return sd.var(name, new ZeroInitScheme('c'), DataType.FLOAT, 1, dim);
    }

    int rows() {
        return rows;
    }

    /** The cell's trained weights by name (the inputs and anything a trainer adds excluded). */
    Map<String, INDArray> weights() {
        Map<String, INDArray> w = new HashMap<>();
        for (String name : new String[] {"Wr", "Ur", "br", "Wz", "Uz", "bz", "Wn", "Un", "bn"}) {
            w.put(name, sd.getVariable(name).getArr());
        }
        return w;
    }

    void copyWeights(Map<String, INDArray> weights) {
        weights.forEach((name, value) -> sd.getVariable(name).setArray(value.dup()));
    }

    /**
     * Each user's hidden state after reading their whole training sequence from a zero state, for users in blocks
     * of {@link #rows} (sorted by length so that a block's steps are about as many as its longest sequence needs).
     * Sequences are right-aligned; a row whose sequence has not started yet keeps its zero state.
     *
     * @param table the item table, {@code [items, d]} row-major
     */
    float[] finalStates(Sequences sequences, float[] table) {
        int users = sequences.numUsers();
        Integer[] order = new Integer[users];
        for (int u = 0; u < users; u++) {
            order[u] = u;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(sequences.length(a), sequences.length(b)));
        float[] out = new float[users * dim];
        for (int from = 0; from < users; from += rows) {
            int n = Math.min(rows, users - from);
            int longest = sequences.length(order[from + n - 1]);
            float[] state = new float[rows * dim];
            for (int t = 0; t < longest; t++) {
                float[] x = new float[rows * dim];
                boolean[] active = new boolean[rows];
                for (int b = 0; b < n; b++) {
                    int u = order[from + b];
                    int p = t - (longest - sequences.length(u)); // right-aligned position in u's sequence
                    if (p >= 0) {
                        active[b] = true;
                        System.arraycopy(table, sequences.item(u, p) * dim, x, b * dim, dim);
                    }
                }
                float[] next = step(x, state);
                for (int b = 0; b < n; b++) {
                    if (active[b]) {
                        System.arraycopy(next, b * dim, state, b * dim, dim);
                    }
                }
            }
            for (int b = 0; b < n; b++) {
                System.arraycopy(state, b * dim, out, order[from + b] * dim, dim);
            }
        }
        return out;
    }

    /** One step of all {@link #rows} rows: the next hidden states. */
    float[] step(float[] x, float[] state) {
        input.setArray(Nd4j.create(x, new long[] {rows, dim}, 'c'));
        INDArray h = sd.output(Map.of(STATE, Nd4j.create(state, new long[] {rows, dim}, 'c')), HIDDEN).get(HIDDEN);
        return h.dup('c').data().asFloat();
    }
}
