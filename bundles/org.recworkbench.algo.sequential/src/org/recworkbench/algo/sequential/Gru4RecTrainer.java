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
 * GRU4Rec's training step on a session-parallel mini-batch (Hidasi et al. 2016, 2018). Row b of the batch is one
 * running session: its current item goes in, its hidden state (carried here from the previous step, zeroed when the
 * row starts a new session) is updated by the {@link GruCell}, and the new state scores a shared set of candidates:
 * the batch's own next items (row b's target is column b, every other row's target a negative for it) followed by
 * items drawn from the training popularity raised to {@code sample-alpha}. With {@code cross-entropy}, each row's
 * loss is the softmax cross-entropy of its target among the candidates; with {@code bpr-max},
 * {@code −log Σ_j s_j σ(r_target − r_j) + bpreg · Σ_j s_j r_j²} where s is the softmax of the negatives' scores
 * (Hidasi and Karatzoglou 2018). Accidental hits (a negative that is the row's own target) count as negatives, as in
 * the reference implementation.
 *
 * <p>As in {@link SasRecTrainer}, the item table (one table for input embeddings and output weights, GRU4Rec's
 * "constrained embedding") and the items' output biases live outside the graph: the step looks up the inputs and
 * candidates, SameDiff gives the gradients of those lookups, and they are scatter-added back into the table before the
 * {@link Optimizer} updates it.
 */
final class Gru4RecTrainer {
    static final String CANDIDATES = "candidates";
    static final String CANDIDATE_BIAS = "candidateBias";
    private static final String LOSS = "loss";
    private static final String TABLE = "itemTable";
    private static final String BIAS = "itemBias";

    private final GruCell cell;
    private final SDVariable candidates;
    private final SDVariable candidateBias;
    private final INDArray table;
    private final INDArray bias;
    private final int numItems;
    private final int dim;
    private final int rows;
    private final int columns;
    private final float[] state;
    private final List<String> gradientsOf = new ArrayList<>();
    private final Optimizer optimizer;

    /**
     * @param rows sessions per batch
     * @param samples popularity-sampled negatives shared by the batch (columns after the batch's own targets)
     * @param bprMax the BPR-max loss; cross-entropy otherwise
     */
    Gru4RecTrainer(int numItems, int rows, int samples, int dim, boolean bprMax, double bpreg, double dropout,
            Optimizer optimizer) {
        this.numItems = numItems;
        this.dim = dim;
        this.rows = rows;
        this.columns = rows + samples;
        this.optimizer = optimizer;
        this.state = new float[rows * dim];
        cell = new GruCell(rows, dim);
        SameDiff sd = cell.sd;
        table = new XavierInitScheme('c', numItems, dim).create(DataType.FLOAT, numItems, dim);
        bias = Nd4j.zeros(DataType.FLOAT, 1, numItems);
        SDVariable h = cell.hidden;
        if (dropout > 0) {
            h = h.mul(sd.random().bernoulli(1 - dropout, DataType.FLOAT, rows, dim)).div(1 - dropout);
        }
        candidates = sd.var(CANDIDATES, new ZeroInitScheme('c'), DataType.FLOAT, columns, dim);
        candidateBias = sd.var(CANDIDATE_BIAS, new ZeroInitScheme('c'), DataType.FLOAT, 1, columns);
        SDVariable scores = sd.mmul(h, candidates, false, true, false).add(candidateBias);
        SDVariable target = sd.constant("targetMask", targetMask(rows, columns));
        SDVariable positive = scores.mul(target).sum(true, 1);
        SDVariable perRow;
        if (bprMax) {
            // softmax over the negatives only: the row's own target column pushed to −∞
            SDVariable weights = sd.nn.softmax(scores.add(target.mul(-1e9)), 1);
            SDVariable ranked = weights.mul(sd.nn.sigmoid(positive.sub(scores))).sum(true, 1);
            perRow = sd.math.log(ranked.add(1e-24)).neg()
                    .add(weights.mul(scores.mul(scores)).sum(true, 1).mul(bpreg));
        } else {
            SDVariable max = scores.max(true, 1);
            perRow = sd.math.log(sd.math.exp(scores.sub(max)).sum(true, 1)).add(max).sub(positive);
        }
        perRow.mean().rename(LOSS);
        sd.setLossVariables(LOSS);
        gradientsOf.add(GruCell.INPUT);
        gradientsOf.add(CANDIDATES);
        gradientsOf.add(CANDIDATE_BIAS);
        optimizer.add(TABLE, table).add(BIAS, bias);
        for (Map.Entry<String, INDArray> w : cell.weights().entrySet()) {
            gradientsOf.add(w.getKey());
            optimizer.add(w.getKey(), w.getValue());
        }
        Quiet.call(() -> {
            sd.createGradFunction(); // announces every differentiated op on standard output
            return null;
        });
    }

    /** 1 where column c is row r's own target (c = r), 0 elsewhere. */
    private static INDArray targetMask(int rows, int columns) {
        float[] m = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            m[r * columns + r] = 1f;
        }
        return Nd4j.create(m, new long[] {rows, columns}, 'c');
    }

    /** A step's loss, the gradients of the item table, the output biases and the cell's weights, and new states. */
    record Gradients(double loss, INDArray table, INDArray bias, Map<String, INDArray> weights, float[] states) {
    }

    /**
     * Zeroes the hidden state of rows that start a new session, then runs one update: {@code input[b]} is row b's
     * current item, {@code target[b]} its next, {@code sampled} the shared negatives (item indices). Returns the
     * batch's mean loss; the rows' states advance.
     */
    double step(int[] input, boolean[] reset, int[] target, int[] sampled, int iteration, int epoch) {
        for (int b = 0; b < rows; b++) {
            if (reset[b]) {
                java.util.Arrays.fill(state, b * dim, (b + 1) * dim, 0f);
            }
        }
        Gradients g = gradients(input, target, sampled);
        Map<String, INDArray> all = new LinkedHashMap<>(g.weights());
        all.put(TABLE, g.table());
        all.put(BIAS, g.bias());
        optimizer.step(all, iteration, epoch);
        System.arraycopy(g.states(), 0, state, 0, state.length);
        return g.loss();
    }

    /** The loss and gradients at the current parameters and states (nothing is updated). */
    Gradients gradients(int[] input, int[] target, int[] sampled) {
        int[] cands = new int[columns];
        System.arraycopy(target, 0, cands, 0, rows);
        System.arraycopy(sampled, 0, cands, rows, columns - rows);
        // lookups natively (a gather: no table-sized Java copy per step); the scatter-adds below in Java
        cell.input.setArray(Nd4j.pullRows(table, 1, input));
        candidates.setArray(Nd4j.pullRows(table, 1, cands));
        candidateBias.setArray(Nd4j.pullRows(bias.reshape(numItems, 1), 1, cands).reshape(1, columns));
        OutAndGrad result = cell.sd.calculateGradientsAndOutputs(
                Map.of(GruCell.STATE, Nd4j.create(state.clone(), new long[] {rows, dim}, 'c')),
                List.of(LOSS, GruCell.HIDDEN), gradientsOf);
        Map<String, INDArray> g = result.getGradients();
        float[] tableGrad = new float[numItems * dim];
        scatter(tableGrad, input, g.get(GruCell.INPUT), dim);
        scatter(tableGrad, cands, g.get(CANDIDATES), dim);
        float[] biasGrad = new float[numItems];
        scatter(biasGrad, cands, g.get(CANDIDATE_BIAS), 1);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (String name : cell.weights().keySet()) {
            weights.put(name, g.get(name).dup('c'));
        }
        return new Gradients(result.getOutputs().get(LOSS).getDouble(0),
                Nd4j.create(tableGrad, new long[] {numItems, dim}, 'c'),
                Nd4j.create(biasGrad, new long[] {1, numItems}, 'c'), weights,
                result.getOutputs().get(GruCell.HIDDEN).dup('c').data().asFloat());
    }

    /**
     * Adds row r of {@code update} ({@code width} values) to row {@code index[r]} of {@code out}, repeats summed in
     * order. In Java on purpose: with ND4J's scatter_add one run of the gradient check in five got a wrong gradient
     * for a row whose index repeated (repeats are the rule here: accidental hits, popular items drawn twice), and
     * a sequential loop is deterministic by construction.
     */
    private static void scatter(float[] out, int[] index, INDArray update, int width) {
        float[] g = update.dup('c').data().asFloat();
        for (int r = 0; r < index.length; r++) {
            int to = index[r] * width;
            for (int k = 0; k < width; k++) {
                out[to + k] += g[r * width + k];
            }
        }
    }

    GruCell cell() {
        return cell;
    }

    INDArray tableArray() {
        return table;
    }

    INDArray biasArray() {
        return bias;
    }

    /** The rows' current hidden states (for tests: set them before {@link #gradients}). */
    float[] states() {
        return state;
    }
}
