package org.recworkbench.algo.sequential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;
import org.recworkbench.dl4j.training.Optimizer;
import org.recworkbench.dl4j.training.Quiet;

/**
 * SASRec's training step: the shared item table looked up and updated here, the rest differentiated by SameDiff.
 * Each step embeds the batch's windows, true next items and sampled negatives from the table (rows of
 * {@code [items + 1, d]}, row 0 = padding), has SameDiff compute the loss and the gradients of the body's weights
 * and of those three inputs, adds the input gradients back into the table rows they came from (a scatter-add, the
 * embedding's true gradient), and has the {@link Optimizer} update every weight and the whole table (dense, as
 * PyTorch's Adam does for an embedding).
 */
final class SasRecTrainer {
    static final String ITEMS = "items";
    static final String POSITIVES = "positives";
    static final String NEGATIVES = "negatives";
    static final String VALID = "valid";
    /** The number of positions with a target in the whole batch (a graph call may hold part of it). */
    static final String NORM = "norm";
    private static final String LOSS = "loss";
    private static final String TABLE = "itemTable";

    private final SasRecNetwork net;
    private final SDVariable positives;
    private final SDVariable negatives;
    private final INDArray table;
    private final int numItems;
    private final int dim;
    private final int rows;
    private final boolean softmax;
    private final List<String> gradientsOf = new ArrayList<>();
    private final List<String> weightNames = new ArrayList<>();
    private final Optimizer optimizer;

    /** @param windows the windows per graph call (see {@link #chunkWindows}) */
    SasRecTrainer(int numItems, int length, int dim, int blocks, int heads, double dropout, int windows,
            boolean softmax, Optimizer optimizer) {
        this.numItems = numItems;
        this.dim = dim;
        this.rows = windows * length;
        this.softmax = softmax;
        this.optimizer = optimizer;
        net = new SasRecNetwork(length, dim, blocks, heads, dropout, rows);
        SameDiff sd = net.sd;
        table = new XavierInitScheme('c', numItems + 1, dim).create(DataType.FLOAT, numItems + 1, dim);
        SDVariable valid = sd.placeHolder(VALID, DataType.FLOAT, rows);
        positives = sd.var(POSITIVES, new ZeroInitScheme('c'), DataType.FLOAT, rows, dim);
        SDVariable posLogit = net.hidden.mul(positives).sum(1);
        SDVariable perPosition;
        if (softmax) {
            SDVariable items = sd.var(ITEMS, table);
            float[] padding = new float[numItems + 1];
            padding[0] = -1e9f; // the padding row is never a candidate
            SDVariable logits = sd.mmul(net.hidden, items, false, true, false)
                    .add(sd.constant("paddingBias", Nd4j.createFromArray(padding).reshape(1, numItems + 1)));
            // log Σ exp, shifted by the row maximum (SameDiff's logSumExp has no working gradient over one axis here)
            SDVariable max = logits.max(true, 1);
            SDVariable logSumExp = sd.math.log(sd.math.exp(logits.sub(max)).sum(true, 1)).add(max).reshape(-1);
            perPosition = logSumExp.sub(posLogit);
            negatives = null;
            gradientsOf.add(ITEMS);
        } else {
            negatives = sd.var(NEGATIVES, new ZeroInitScheme('c'), DataType.FLOAT, rows, dim);
            SDVariable negLogit = net.hidden.mul(negatives).sum(1);
            perPosition = sd.nn.softplus(posLogit.neg()).add(sd.nn.softplus(negLogit));
            gradientsOf.add(NEGATIVES);
        }
        SDVariable norm = sd.placeHolder(NORM, DataType.FLOAT);
        perPosition.mul(valid).sum().div(norm).rename(LOSS);
        sd.setLossVariables(LOSS);
        gradientsOf.add(SasRecNetwork.INPUT);
        gradientsOf.add(POSITIVES);
        optimizer.add(TABLE, table);
        for (Map.Entry<String, INDArray> w : net.weights().entrySet()) {
            gradientsOf.add(w.getKey());
            weightNames.add(w.getKey());
            optimizer.add(w.getKey(), w.getValue());
        }
        Quiet.call(() -> {
            sd.createGradFunction(); // announces every differentiated op on standard output
            return null;
        });
    }

    /** A batch's loss and the gradients of the item table ({@code [items + 1, d]}) and of every body weight. */
    record Gradients(double loss, INDArray table, Map<String, INDArray> weights) {
    }

    /**
     * How many windows one graph call takes: as many as keep an attention tensor ({@code windows × heads × length²}
     * floats), and with the full-softmax loss the logits ({@code windows × length × (items + 1)}), within
     * {@link #ATTENTION_BUDGET}, spread evenly over the calls a batch needs. A batch of long windows
     * is then computed in several calls whose gradients are summed (the same objective, a fraction of the memory).
     */
    static int chunkWindows(int batchWindows, int length, int heads, int softmaxItems) {
        long perWindow = Math.max((long) heads * length * length, (long) length * softmaxItems);
        int fit = (int) Math.max(1, Math.min(batchWindows, ATTENTION_BUDGET / perWindow));
        int calls = (batchWindows + fit - 1) / fit;
        return (batchWindows + calls - 1) / calls;
    }

    /** Floats per attention tensor in one graph call (4 MiB): beyond it, batches are split. */
    static final long ATTENTION_BUDGET = 1 << 20;

    /** The most attention floats one window may need (256 MiB): longer windows are refused with a message. */
    static final long MAX_WINDOW_FLOATS = 1L << 26;

    /**
     * One update on a batch of windows (item index + 1, 0 = none; any number of windows of {@code length}): the
     * windows, each position's next item and, for the sampled loss, a negative. Returns the batch's mean loss over
     * positions with a target.
     */
    double step(int[] seq, int[] pos, int[] neg, int iteration, int epoch) {
        Gradients g = gradients(seq, pos, neg);
        Map<String, INDArray> all = new LinkedHashMap<>(g.weights());
        all.put(TABLE, g.table());
        optimizer.step(all, iteration, epoch);
        return g.loss();
    }

    /**
     * The loss and gradients of one batch at the current parameters (nothing is updated), summed over the graph
     * calls of {@link #chunkWindows} windows each; the loss is normalised by the batch's positions with a target.
     */
    Gradients gradients(int[] seq, int[] pos, int[] neg) {
        float[] t = table.data().asFloat();
        int targets = 0;
        for (int p : pos) {
            targets += p == 0 ? 0 : 1;
        }
        INDArray norm = Nd4j.scalar(DataType.FLOAT, (float) Math.max(1, targets));
        float[] tableGrad = new float[t.length];
        Map<String, INDArray> weights = new LinkedHashMap<>();
        double loss = 0;
        for (int from = 0; from < seq.length; from += rows) {
            int[] cSeq = chunk(seq, from);
            int[] cPos = chunk(pos, from);
            int[] cNeg = chunk(neg, from);
            Map<String, INDArray> g = chunkGradients(t, cSeq, cPos, cNeg, norm, tableGrad);
            loss += g.get(LOSS).getDouble(0);
            for (String name : weightNames) {
                INDArray w = g.get(name);
                weights.merge(name, w.dup('c'), INDArray::addi);
            }
        }
        java.util.Arrays.fill(tableGrad, 0, dim, 0f); // the padding row stays as it is
        return new Gradients(loss, Nd4j.create(tableGrad, new long[] {numItems + 1, dim}, 'c'), weights);
    }

    /** {@code rows} entries of {@code a} from {@code from}, zero-padded past its end. */
    private int[] chunk(int[] a, int from) {
        int[] out = new int[rows];
        System.arraycopy(a, from, out, 0, Math.min(rows, a.length - from));
        return out;
    }

    /**
     * One graph call: the loss (under {@link #LOSS}) and the body's weight gradients; the item table's gradient is
     * added into {@code tableGrad}.
     */
    private Map<String, INDArray> chunkGradients(float[] t, int[] seq, int[] pos, int[] neg, INDArray norm,
            float[] tableGrad) {
        float scale = (float) Math.sqrt(dim);
        float[] mask = new float[rows];
        float[] valid = new float[rows];
        for (int r = 0; r < rows; r++) {
            mask[r] = seq[r] == 0 ? 0f : 1f;
            valid[r] = pos[r] == 0 ? 0f : 1f;
        }
        net.input.setArray(lookup(t, seq, scale));
        positives.setArray(lookup(t, pos, 1f));
        if (negatives != null) {
            negatives.setArray(lookup(t, neg, 1f));
        }
        if (softmax) {
            net.sd.getVariable(ITEMS).setArray(table);
        }
        OutAndGrad result = net.sd.calculateGradientsAndOutputs(Map.of(SasRecNetwork.MASK,
                Nd4j.createFromArray(mask), VALID, Nd4j.createFromArray(valid), NORM, norm), List.of(LOSS),
                gradientsOf);
        Map<String, INDArray> g = new LinkedHashMap<>(result.getGradients());
        if (softmax) {
            float[] direct = g.get(ITEMS).dup('c').data().asFloat();
            for (int i = 0; i < direct.length; i++) {
                tableGrad[i] += direct[i];
            }
        }
        scatter(tableGrad, seq, g.get(SasRecNetwork.INPUT), scale);
        scatter(tableGrad, pos, g.get(POSITIVES), 1f);
        if (negatives != null) {
            scatter(tableGrad, neg, g.get(NEGATIVES), 1f);
        }
        g.put(LOSS, result.getOutputs().get(LOSS));
        return g;
    }

    private INDArray lookup(float[] t, int[] index, float scale) {
        float[] x = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            if (index[r] != 0) {
                int from = index[r] * dim;
                for (int k = 0; k < dim; k++) {
                    x[r * dim + k] = t[from + k] * scale;
                }
            }
        }
        return Nd4j.create(x, new long[] {rows, dim}, 'c');
    }

    private void scatter(float[] tableGrad, int[] index, INDArray gradient, float scale) {
        float[] g = gradient.dup('c').data().asFloat();
        for (int r = 0; r < rows; r++) {
            if (index[r] != 0) {
                int to = index[r] * dim;
                for (int k = 0; k < dim; k++) {
                    tableGrad[to + k] += g[r * dim + k] * scale;
                }
            }
        }
    }

    /** The trained body (weights shared with the training graph). */
    SasRecNetwork network() {
        return net;
    }

    /** The live item table (for gradient checks). */
    INDArray tableArray() {
        return table;
    }

    /** The item table, {@code [items + 1, d]} row-major, row 0 the padding. */
    float[] table() {
        return table.dup('c').data().asFloat();
    }
}
