package org.recworkbench.algo.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.recworkbench.api.algo.PersistentModel;

/**
 * A trained NeuMF, scored without the graph. The output logit for user u and item i is
 * {@code (P[u] ⊙ Q[i])·g + mlp(MU[u] ⧺ MI[i])·m + b}; the GMF term over all items is one product
 * {@code (P[u] ⊙ g)·Qᵀ}, and the MLP's first layer splits into a user half and an item half, so the item half
 * {@code MI·W₁ᵇᵒᵗ} is computed once for the model and each user adds only {@code MU[u]·W₁ᵗᵒᵖ + b₁}. Scores are
 * logits (the sigmoid does not change the order). Read-only after construction; safe to score from several threads.
 */
final class NeuMfModel implements PersistentModel {
    private static final int FORMAT = 1;

    /** The trained parameters as the graph holds them, and the model's sizes. */
    record Weights(INDArray gmfUsers, INDArray gmfItems, INDArray mlpUsers, INDArray mlpItems, List<INDArray> hidden,
            List<INDArray> hiddenBias, INDArray out, INDArray outBias) {
        int factors() {
            return (int) gmfUsers.columns();
        }
    }

    private final Weights w;
    /** {@code P ⊙ g}: the GMF user embeddings with the output weights of the GMF half folded in. */
    private final INDArray gmfUsersWeighted;
    /** The first MLP layer's item half, {@code MI·W₁ᵇᵒᵗ}, one row per item (or {@code MI·mᵇᵒᵗ} with no layers). */
    private final INDArray itemHalf;
    /** The first MLP layer's user half, applied per user. */
    private final INDArray userWeights;
    private final INDArray firstBias;
    private final INDArray mlpOut;

    private NeuMfModel(Weights w) {
        this.w = w;
        int f = w.factors();
        int half = (int) w.mlpUsers().columns();
        INDArray gmfOut = w.out().get(NDArrayIndex.interval(0, f), NDArrayIndex.all());
        mlpOut = w.out().get(NDArrayIndex.interval(f, w.out().rows()), NDArrayIndex.all()).dup();
        gmfUsersWeighted = w.gmfUsers().mulRowVector(gmfOut.reshape(1, f));
        INDArray first = w.hidden().isEmpty() ? mlpOut : w.hidden().get(0);
        userWeights = first.get(NDArrayIndex.interval(0, half), NDArrayIndex.all()).dup();
        itemHalf = w.mlpItems().mmul(first.get(NDArrayIndex.interval(half, 2 * half), NDArrayIndex.all()));
        firstBias = w.hidden().isEmpty() ? null : w.hiddenBias().get(0);
    }

    /** Takes the trained weights out of the graph built by {@link NeuMfRecommender}. */
    static NeuMfModel of(ComputationGraph graph, int hiddenLayers) {
        List<INDArray> hidden = new ArrayList<>();
        List<INDArray> bias = new ArrayList<>();
        for (int l = 1; l <= hiddenLayers; l++) {
            hidden.add(graph.getLayer("mlp" + l).getParam("W").dup());
            bias.add(graph.getLayer("mlp" + l).getParam("b").dup());
        }
        return new NeuMfModel(new Weights(param(graph, "gmfUser"), param(graph, "gmfItem"), param(graph, "mlpUser"),
                param(graph, "mlpItem"), hidden, bias, param(graph, "out"), graph.getLayer("out").getParam("b")
                        .dup()));
    }

    private static INDArray param(ComputationGraph graph, String layer) {
        return graph.getLayer(layer).getParam("W").dup();
    }

    @Override
    public int numUsers() {
        return (int) w.gmfUsers().rows();
    }

    @Override
    public int numItems() {
        return (int) w.gmfItems().rows();
    }

    @Override
    public void scoreAll(int[] users, float[] out) {
        int items = numItems();
        INDArray gmf = gmfUsersWeighted.getRows(users).mmul(w.gmfItems().transpose());
        float bias = w.outBias().getFloat(0);
        for (int k = 0; k < users.length; k++) {
            INDArray userHalf = w.mlpUsers().getRow(users[k], true).mmul(userWeights);
            INDArray mlp;
            if (firstBias == null) {
                mlp = itemHalf.add(userHalf.getFloat(0));
            } else {
                INDArray h = Transforms.relu(itemHalf.addRowVector(userHalf.addi(firstBias)), false);
                for (int l = 1; l < w.hidden().size(); l++) {
                    h = Transforms.relu(h.mmul(w.hidden().get(l)).addiRowVector(w.hiddenBias().get(l)), false);
                }
                mlp = h.mmul(mlpOut);
            }
            float[] g = gmf.getRow(k).toFloatVector();
            float[] m = mlp.toFloatVector();
            for (int i = 0; i < items; i++) {
                out[k * items + i] = g[i] + m[i] + bias;
            }
        }
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(w.hidden().size());
        for (INDArray a : List.of(w.gmfUsers(), w.gmfItems(), w.mlpUsers(), w.mlpItems(), w.out(), w.outBias())) {
            ModelArrays.write(out, a);
        }
        for (int l = 0; l < w.hidden().size(); l++) {
            ModelArrays.write(out, w.hidden().get(l));
            ModelArrays.write(out, w.hiddenBias().get(l));
        }
    }

    static NeuMfModel read(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("NeuMF model format " + format + ", this version reads format " + FORMAT);
        }
        int layers = in.readInt();
        if (layers < 0 || layers > 64) {
            throw new IOException(layers + " hidden layers: not a NeuMF model");
        }
        INDArray[] a = new INDArray[6];
        for (int k = 0; k < a.length; k++) {
            a[k] = ModelArrays.read(in);
        }
        List<INDArray> hidden = new ArrayList<>();
        List<INDArray> bias = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            hidden.add(ModelArrays.read(in));
            bias.add(ModelArrays.read(in));
        }
        Weights w = new Weights(a[0], a[1], a[2], a[3], hidden, bias, a[4], a[5]);
        checkShapes(w);
        return new NeuMfModel(w);
    }

    private static void checkShapes(Weights w) throws IOException {
        long f = w.factors();
        long half = w.mlpUsers().columns();
        long in = 2 * half;
        boolean ok = w.gmfItems().columns() == f && w.mlpItems().columns() == half
                && w.gmfUsers().rows() == w.mlpUsers().rows() && w.gmfItems().rows() == w.mlpItems().rows();
        for (int l = 0; l < w.hidden().size() && ok; l++) {
            ok = w.hidden().get(l).rows() == in && w.hiddenBias().get(l).length() == w.hidden().get(l).columns();
            in = w.hidden().get(l).columns();
        }
        if (!ok || w.out().rows() != f + in || w.out().columns() != 1 || w.outBias().length() != 1) {
            throw new IOException("NeuMF model's layers do not fit together");
        }
    }
}
