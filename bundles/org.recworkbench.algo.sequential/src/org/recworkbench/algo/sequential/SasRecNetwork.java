package org.recworkbench.algo.sequential;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.weightinit.impl.OneInitScheme;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;

/**
 * SASRec's network (Kang and McAuley 2018) in SameDiff: item embeddings (row 0 = padding) scaled by √d plus learned
 * position embeddings, then {@code blocks} pre-norm Transformer blocks of causal multi-head self-attention (queries
 * layer-normalised, keys and values not, as in the paper's code) and a two-layer ReLU feed-forward part, each with
 * dropout and a residual connection, padded positions zeroed after every block, and a final layer norm. The hidden
 * state at position t predicts the item at t + 1 by its dot product with that item's (shared) embedding.
 *
 * <p>The item table lives outside the graph ({@link SasRecTrainer}): SameDiff 1.0.0-M2.1 differentiates a gather by a
 * loop of single-row updates, unusable for an embedding, so the trainer looks the windows up itself, sets them as
 * {@link #input}, and adds the input's gradient back into the table's rows. Inputs are flat: B windows of
 * {@code length} positions; {@code mask} is 1 where a position holds an item. The same builder makes the training
 * graph (with dropout) and the inference graph (without); {@link #copyWeights} moves trained values across.
 */
final class SasRecNetwork {
    static final String INPUT = "input";
    static final String MASK = "mask";
    static final String HIDDEN = "hidden";

    final SameDiff sd;
    /** The embedded windows, {@code [rows, d]}: item embeddings × √d, set before each call. */
    final SDVariable input;
    final SDVariable mask;
    /** The final hidden states, {@code [B · length, d]}. */
    final SDVariable hidden;
    private final int length;
    private final int dim;

    /**
     * @param rows the number of positions per call: windows × {@code length}, fixed so that the inputs can be
     *     variables (their gradients are read back to update the shared item table, see {@link SasRecTrainer})
     * @param dropout the share dropped while training; 0 for the inference graph
     */
    SasRecNetwork(int length, int dim, int blocks, int heads, double dropout, int rows) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dimensions " + dim + " not divisible by heads " + heads);
        }
        this.length = length;
        this.dim = dim;
        sd = SameDiff.create();
        mask = sd.placeHolder(MASK, DataType.FLOAT, rows);
        input = sd.var(INPUT, new ZeroInitScheme('c'), DataType.FLOAT, rows, dim);
        SDVariable positions = sd.var("positions", new XavierInitScheme('c', length, dim), DataType.FLOAT, length,
                dim);
        SDVariable keep = mask.reshape(-1, 1);
        SDVariable x = input.reshape(-1, length, dim).add(positions).reshape(-1, dim);
        x = dropout(x, dropout, rows, dim).mul(keep);
        // additive attention bias: 0 where query t may see key s (s ≤ t and s not padding), −1e9 elsewhere
        INDArray causal = Nd4j.createFromArray(lowerTriangle(length)).reshape(1, 1, length, length);
        SDVariable allowed = sd.constant("causal", causal).mul(mask.reshape(-1, 1, 1, length));
        SDVariable bias = allowed.sub(1.0).mul(1e9);
        for (int b = 0; b < blocks; b++) {
            x = block(x, bias, keep, "b" + b, heads, dropout, rows);
        }
        hidden = layerNorm(x, "final").rename(HIDDEN);
    }

    private SDVariable block(SDVariable x, SDVariable bias, SDVariable keep, String name, int heads,
            double dropout, int rows) {
        int dh = dim / heads;
        SDVariable q = layerNorm(x, name + "ln1");
        SDVariable queries = split(linear(q, name + "q"), heads);
        SDVariable keys = split(linear(x, name + "k"), heads);
        SDVariable values = split(linear(x, name + "v"), heads);
        SDVariable scores = sd.mmul(queries, keys, false, true, false).mul(1.0 / Math.sqrt(dh))
                .reshape(-1, heads, length, length).add(bias);
        SDVariable attention = dropout(sd.nn.softmax(scores, 3), dropout, rows / length, heads, length, length)
                .reshape(-1, length, length);
        SDVariable merged = sd.mmul(attention, values).reshape(-1, heads, length, dh).permute(0, 2, 1, 3)
                .reshape(-1, dim);
        SDVariable attended = q.add(dropout(linear(merged, name + "o"), dropout, rows, dim));
        SDVariable h = layerNorm(attended, name + "ln2");
        SDVariable ff = linear(dropout(sd.nn.relu(linear(h, name + "ff1"), 0), dropout, rows, dim), name + "ff2");
        return h.add(dropout(ff, dropout, rows, dim)).mul(keep);
    }

    /** {@code [B·L, d]} → {@code [B·heads, L, d / heads]}. */
    private SDVariable split(SDVariable x, int heads) {
        return x.reshape(-1, length, heads, dim / heads).permute(0, 2, 1, 3).reshape(-1, length, dim / heads);
    }

    private SDVariable linear(SDVariable x, String name) {
        SDVariable w = sd.var(name + "W", new XavierInitScheme('c', dim, dim), DataType.FLOAT, dim, dim);
        SDVariable b = sd.var(name + "b", new ZeroInitScheme('c'), DataType.FLOAT, 1, dim);
        return x.mmul(w).add(b);
    }

    private SDVariable layerNorm(SDVariable x, String name) {
        SDVariable gain = sd.var(name + "g", new OneInitScheme('c'), DataType.FLOAT, dim);
        SDVariable shift = sd.var(name + "s", new ZeroInitScheme('c'), DataType.FLOAT, dim);
        return sd.nn.layerNorm(x, gain, shift, false, 1);
    }

    /**
     * Inverted dropout as a product with a fresh Bernoulli mask of the given shape (SameDiff's dropout ops have no
     * derivative in 1.0.0-M2.1); the mask is redrawn on every call from ND4J's seeded generator.
     */
    private SDVariable dropout(SDVariable x, double rate, long... shape) {
        if (rate <= 0) {
            return x;
        }
        return x.mul(sd.random().bernoulli(1 - rate, DataType.FLOAT, shape)).div(1 - rate);
    }

    private static float[][] lowerTriangle(int n) {
        float[][] m = new float[n][n];
        for (int t = 0; t < n; t++) {
            for (int s = 0; s <= t; s++) {
                m[t][s] = 1f;
            }
        }
        return m;
    }

    /** The trained values of every weight, by name. */
    Map<String, INDArray> weights() {
        Map<String, INDArray> w = new HashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE && isWeight(v.name())) {
                w.put(v.name(), v.getArr());
            }
        }
        return w;
    }

    /** Whether a variable is a trained weight of the body (not an input set per call, not the item table). */
    static boolean isWeight(String name) {
        return !name.equals(INPUT) && !name.equals(SasRecTrainer.POSITIVES) && !name.equals(SasRecTrainer.NEGATIVES)
                && !name.equals(SasRecTrainer.ITEMS);
    }

    /** Sets this network's weights to {@code weights} (same architecture). */
    void copyWeights(Map<String, INDArray> weights) {
        weights.forEach((name, value) -> sd.getVariable(name).setArray(value.dup()));
    }

    /**
     * The hidden state at the last position of each window ({@code windows.length / length} ≤ rows / length of
     * them, item index + 1 with 0 = padding), looked up in {@code items} ({@code [items + 1, d]}, row 0 padding).
     */
    float[] lastStates(int[] windows, float[] items) {
        int rows = (int) input.getShape()[0];
        int users = windows.length / length;
        float[] x = new float[rows * dim];
        float[] m = new float[rows];
        float scale = (float) Math.sqrt(dim);
        for (int r = 0; r < windows.length; r++) {
            if (windows[r] != 0) {
                m[r] = 1f;
                for (int k = 0; k < dim; k++) {
                    x[r * dim + k] = items[windows[r] * dim + k] * scale;
                }
            }
        }
        input.setArray(Nd4j.create(x, new long[] {rows, dim}, 'c'));
        INDArray h = sd.output(Map.of(MASK, Nd4j.createFromArray(m)), HIDDEN).get(HIDDEN);
        float[] all = h.dup('c').data().asFloat();
        float[] out = new float[users * dim];
        for (int u = 0; u < users; u++) {
            System.arraycopy(all, ((u + 1) * length - 1) * dim, out, u * dim, dim);
        }
        return out;
    }
}
