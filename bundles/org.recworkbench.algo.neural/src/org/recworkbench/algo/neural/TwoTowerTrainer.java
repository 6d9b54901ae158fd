package org.recworkbench.algo.neural;

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
 * Two-tower retrieval's training step (Yi et al. 2019): a batch of (user, item) training pairs; each user's tower
 * output is scored against every item tower output of the batch, and the loss is the softmax cross-entropy of the
 * user's own item among them (in-batch negatives). Both outputs are L2-normalised (optionally) and their product
 * divided by a temperature; each
 * column's logit is lowered by the log of its item's sampling probability (training popularity), the correction for
 * popular items appearing as negatives more often than uniform sampling would make them; another row with the same
 * item is not a negative (masked). Without normalisation the score is the plain dot product (over the temperature);
 * optionally each item has a learned bias added to its logit (the popularity a bounded cosine cannot hold).
 *
 * <p>Each tower is an embedding bag ({@link TwoTowerFeatures}, summed here, outside the graph, as the sequential
 * trainers do with their item tables) followed by fully connected layers, ReLU between them, in SameDiff. The
 * {@link Optimizer} updates both input tables and every layer.
 */
final class TwoTowerTrainer {
    static final String USER_IN = "userIn";
    static final String ITEM_IN = "itemIn";
    static final String USER_OUT = "userOut";
    static final String ITEM_OUT = "itemOut";
    private static final String LOG_Q = "logQ";
    private static final String SAME_ITEM = "sameItem";
    private static final String COLUMN_BIAS = "columnBias";
    private static final String ITEM_BIAS = "itemBias";
    private static final String LOSS = "loss";
    private static final String USER_TABLE = "userTable";
    private static final String ITEM_TABLE = "itemTable";

    private final SameDiff sd;
    private final TwoTowerFeatures features;
    private final INDArray userTable;
    private final INDArray itemTable;
    private final int rows;
    private final int dim;
    private final int outDim;
    private final float[] logPopularity;
    private final boolean logQ;
    private final List<String> weights = new ArrayList<>();
    private final List<String> gradientsOf = new ArrayList<>();
    private final Optimizer optimizer;
    /** Each item's learned bias, {@code [1, items]}, added to its logits (null without). */
    private final INDArray itemBias;
    private final double temperature;

    /**
     * @param widths the towers' layer widths after the embedding bag (the last is the output's)
     * @param itemCounts each item's training interactions (for the log-Q correction)
     */
    TwoTowerTrainer(TwoTowerFeatures features, int rows, int dim, int[] widths, boolean normalize,
            double temperature, int[] itemCounts, boolean logQ, boolean bias, Optimizer optimizer) {
        this.temperature = temperature;
        this.itemBias = bias ? Nd4j.zeros(DataType.FLOAT, 1, itemCounts.length) : null;
        this.features = features;
        this.rows = rows;
        this.dim = dim;
        this.outDim = widths[widths.length - 1];
        this.logQ = logQ;
        this.optimizer = optimizer;
        long total = 0;
        for (int c : itemCounts) {
            total += c;
        }
        logPopularity = new float[itemCounts.length];
        for (int i = 0; i < itemCounts.length; i++) {
            logPopularity[i] = (float) Math.log(Math.max(itemCounts[i], 1) / (double) Math.max(total, 1));
        }
        sd = SameDiff.create();
        userTable = Nd4j.randn(DataType.FLOAT, features.userRows, dim).muli(0.1);
        itemTable = Nd4j.randn(DataType.FLOAT, features.itemRows, dim).muli(0.1);
        SDVariable u = tower(sd.var(USER_IN, new ZeroInitScheme('c'), DataType.FLOAT, rows, dim), "user", widths,
                normalize).rename(USER_OUT);
        SDVariable v = tower(sd.var(ITEM_IN, new ZeroInitScheme('c'), DataType.FLOAT, rows, dim), "item", widths,
                normalize).rename(ITEM_OUT);
        SDVariable logits = sd.mmul(u, v, false, true, false).mul(1.0 / temperature)
                .sub(sd.placeHolder(LOG_Q, DataType.FLOAT, 1, rows)).add(sd.placeHolder(SAME_ITEM, DataType.FLOAT,
                        rows, rows));
        if (bias) {
            logits = logits.add(sd.var(COLUMN_BIAS, new ZeroInitScheme('c'), DataType.FLOAT, 1, rows));
            gradientsOf.add(COLUMN_BIAS);
        }
        SDVariable max = logits.max(true, 1);
        SDVariable logSumExp = sd.math.log(sd.math.exp(logits.sub(max)).sum(true, 1)).add(max);
        SDVariable own = logits.mul(sd.constant("eye", Nd4j.eye(rows).castTo(DataType.FLOAT))).sum(true, 1);
        logSumExp.sub(own).mean().rename(LOSS);
        sd.setLossVariables(LOSS);
        gradientsOf.add(USER_IN);
        gradientsOf.add(ITEM_IN);
        gradientsOf.addAll(weights);
        optimizer.add(USER_TABLE, userTable).add(ITEM_TABLE, itemTable);
        if (bias) {
            optimizer.add(ITEM_BIAS, itemBias);
        }
        for (String w : weights) {
            optimizer.add(w, sd.getVariable(w).getArr());
        }
        Quiet.call(() -> {
            sd.createGradFunction(); // announces every differentiated op on standard output
            return null;
        });
    }

    private SDVariable tower(SDVariable x, String name, int[] widths, boolean normalize) {
        int in = dim;
        for (int l = 0; l < widths.length; l++) {
            String w = name + "W" + l;
            String b = name + "b" + l;
            x = x.mmul(sd.var(w, new XavierInitScheme('c', in, widths[l]), DataType.FLOAT, in, widths[l]))
                    .add(sd.var(b, new ZeroInitScheme('c'), DataType.FLOAT, 1, widths[l]));
            weights.add(w);
            weights.add(b);
            if (l < widths.length - 1) {
                x = sd.nn.relu(x, 0);
            }
            in = widths[l];
        }
        return normalize ? x.div(sd.math.sqrt(x.mul(x).sum(true, 1).add(1e-12))) : x;
    }

    /** A batch's loss and the gradients of both tables and every layer, by name. */
    record Gradients(double loss, Map<String, INDArray> all) {
    }

    /**
     * The loss and gradients for the pairs {@code (users[b], items[b])} at the current parameters, each user's tower
     * reading the first {@code prefixes[b]} items of their history.
     */
    Gradients gradients(int[] users, int[] prefixes, int[] items) {
        float[] ut = userTable.dup('c').data().asFloat();
        float[] it = itemTable.dup('c').data().asFloat();
        TwoTowerFeatures.Bag[] userBags = new TwoTowerFeatures.Bag[rows];
        TwoTowerFeatures.Bag[] itemBags = new TwoTowerFeatures.Bag[rows];
        for (int b = 0; b < rows; b++) {
            userBags[b] = features.user(users[b], prefixes[b]);
            itemBags[b] = features.item(items[b]);
        }
        sd.getVariable(USER_IN).setArray(sum(ut, userBags));
        sd.getVariable(ITEM_IN).setArray(sum(it, itemBags));
        float[] q = new float[rows];
        float[] same = new float[rows * rows];
        for (int c = 0; c < rows; c++) {
            q[c] = logQ ? logPopularity[items[c]] : 0f;
            for (int r = 0; r < rows; r++) {
                if (r != c && items[r] == items[c]) {
                    same[r * rows + c] = -1e9f;
                }
            }
        }
        if (itemBias != null) {
            sd.getVariable(COLUMN_BIAS).setArray(Nd4j.pullRows(itemBias.reshape(itemBias.length(), 1), 1, items)
                    .reshape(1, rows));
        }
        OutAndGrad result = sd.calculateGradientsAndOutputs(Map.of(LOG_Q, Nd4j.create(q, new long[] {1, rows}, 'c'),
                SAME_ITEM, Nd4j.create(same, new long[] {rows, rows}, 'c')), List.of(LOSS), gradientsOf);
        Map<String, INDArray> g = result.getGradients();
        Map<String, INDArray> all = new LinkedHashMap<>();
        all.put(USER_TABLE, scatter(userBags, g.get(USER_IN), features.userRows));
        all.put(ITEM_TABLE, scatter(itemBags, g.get(ITEM_IN), features.itemRows));
        for (String w : weights) {
            all.put(w, g.get(w).dup('c'));
        }
        if (itemBias != null) {
            float[] dc = g.get(COLUMN_BIAS).dup('c').data().asFloat();
            float[] db = new float[(int) itemBias.length()];
            for (int c = 0; c < rows; c++) {
                db[items[c]] += dc[c];
            }
            all.put(ITEM_BIAS, Nd4j.create(db, new long[] {1, db.length}, 'c'));
        }
        return new Gradients(result.getOutputs().get(LOSS).getDouble(0), all);
    }

    /** One Adam update; returns the batch's loss. */
    double step(int[] users, int[] prefixes, int[] items, int iteration, int epoch) {
        Gradients g = gradients(users, prefixes, items);
        optimizer.step(g.all(), iteration, epoch);
        return g.loss();
    }

    /** Each bag's weighted sum of table rows, {@code [rows, dim]} (bags past the array's end are zero). */
    private INDArray sum(float[] table, TwoTowerFeatures.Bag[] bags) {
        float[] x = new float[rows * dim];
        for (int b = 0; b < bags.length; b++) {
            if (bags[b] == null) {
                continue;
            }
            for (int k = 0; k < bags[b].rows().length; k++) {
                int from = bags[b].rows()[k] * dim;
                float w = bags[b].weights()[k];
                for (int j = 0; j < dim; j++) {
                    x[b * dim + j] += w * table[from + j];
                }
            }
        }
        return Nd4j.create(x, new long[] {rows, dim}, 'c');
    }

    /** The table's gradient from the bag sums' gradient: each row gets its bags' weights times theirs. */
    private INDArray scatter(TwoTowerFeatures.Bag[] bags, INDArray gradient, int tableRows) {
        float[] g = gradient.dup('c').data().asFloat();
        float[] out = new float[tableRows * dim];
        for (int b = 0; b < bags.length; b++) {
            for (int k = 0; k < bags[b].rows().length; k++) {
                int to = bags[b].rows()[k] * dim;
                float w = bags[b].weights()[k];
                for (int j = 0; j < dim; j++) {
                    out[to + j] += w * g[b * dim + j];
                }
            }
        }
        return Nd4j.create(out, new long[] {tableRows, dim}, 'c');
    }

    /** Every user's tower output (their whole training history and attributes), {@code [users, out]}. */
    float[] userOutputs(int users) {
        float[] table = userTable.dup('c').data().asFloat();
        return outputs(users, USER_IN, USER_OUT, table, u -> features.user(u, Integer.MAX_VALUE));
    }

    /** Every item's tower output, {@code [items, out]}. */
    float[] itemOutputs(int items) {
        float[] table = itemTable.dup('c').data().asFloat();
        return outputs(items, ITEM_IN, ITEM_OUT, table, features::item);
    }

    private float[] outputs(int n, String in, String out, float[] table,
            java.util.function.IntFunction<TwoTowerFeatures.Bag> bag) {
        float[] result = new float[n * outDim];
        for (int from = 0; from < n; from += rows) {
            int count = Math.min(rows, n - from);
            TwoTowerFeatures.Bag[] bags = new TwoTowerFeatures.Bag[rows];
            for (int b = 0; b < count; b++) {
                bags[b] = bag.apply(from + b);
            }
            sd.getVariable(in).setArray(sum(table, bags));
            float[] o = sd.output(Map.of(), out).get(out).dup('c').data().asFloat();
            System.arraycopy(o, 0, result, from * outDim, count * outDim);
        }
        return result;
    }

    /** Each item's bias (null without), and the temperature that divides the towers' product. */
    float[] itemBias() {
        return itemBias == null ? null : itemBias.dup('c').data().asFloat();
    }

    INDArray itemBiasArray() {
        return itemBias;
    }

    double temperature() {
        return temperature;
    }

    INDArray userTable() {
        return userTable;
    }

    INDArray itemTable() {
        return itemTable;
    }

    SameDiff graph() {
        return sd;
    }
}
