package org.recworkbench.algo.neural;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.dl4j.DeepLearning;
import org.recworkbench.dl4j.training.Epochs;

/**
 * NeuMF (He et al. 2017): a generalised matrix factorization branch (the element-wise product of a user and an item
 * embedding) and a multi-layer perceptron branch (over the concatenation of two other embeddings, ReLU layers halving
 * in width) joined by one sigmoid output, trained on implicit feedback with binary cross-entropy: every training
 * interaction is a positive, and each epoch draws {@code negatives} items the user has not seen per positive. Built
 * as a DL4J {@code ComputationGraph}, Adam, seeded (the same seed gives identical scores). Scoring takes the trained
 * weights apart so that the GMF branch is one product per user batch and the MLP's first layer is computed once per
 * user and once per item.
 */
@Component(service = Recommender.class)
public class NeuMfRecommender implements Recommender, ModelReader {

    static final String ID = "neumf";

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.ofInt("factors", 8, 1, 4096, "dimension of the GMF embeddings (predictive factors)"),
            ParameterDescriptor.ofString("layers", "32,16,8", "widths of the MLP's layers, first to last; its user "
                    + "and item embeddings have half the first width each"),
            ParameterDescriptor.ofInt("negatives", 4, 1, 1000, "sampled unseen items per training interaction and "
                    + "epoch"),
            ParameterDescriptor.ofInt("epochs", 20, 1, 100_000, "passes over the training interactions"),
            ParameterDescriptor.ofInt("batch-size", 1024, 1, 10_000_000, "examples per update"),
            ParameterDescriptor.ofDouble("learning-rate", 1e-3, 1e-9, 10, "Adam step size"),
            ParameterDescriptor.ofDouble("l2", 0.0, 0, 100, "L2 penalty on the weights and embeddings"));

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "NeuMF", "neural",
            "Neural matrix factorization: GMF and MLP branches over user and item embeddings (top-N)",
            "X. He, L. Liao, H. Zhang, L. Nie, X. Hu, T.-S. Chua. Neural collaborative filtering. WWW 2017",
            PARAMETERS, true, false);

    private final DeepLearning dl;

    @Activate
    public NeuMfRecommender(@Reference DeepLearning dl) {
        this.dl = dl;
    }

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The MLP's widths from the {@code layers} option: at least one, each positive, the first even. */
    static int[] layers(String text) {
        int[] widths;
        try {
            widths = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("params.layers", "got '" + text + "', expected widths such as 32,16,8");
        }
        if (widths.length == 0 || Arrays.stream(widths).anyMatch(w -> w < 1) || widths[0] % 2 != 0) {
            throw new InvalidSpecException("params.layers", "got '" + text + "', expected positive widths, the "
                    + "first even (it is two embeddings side by side)");
        }
        return widths;
    }

    @Override
    public java.util.Optional<String> unavailableReason() {
        return dl.whyUnavailable();
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        dl.requireAvailable(ID);
        int[] widths = layers(params.getString("layers"));
        return NeuMfModel.of(train(context, train, params, widths), widths.length - 1);
    }

    /** The trained graph; its MLP layers are {@code mlp1..mlpN} with N = {@code widths.length - 1}. */
    ComputationGraph train(TrainingContext context, Interactions train, Parameters params, int[] widths) {
        int factors = params.getInt("factors");
        int negatives = params.getInt("negatives");
        int batchSize = params.getInt("batch-size");
        double lr = params.getDouble("learning-rate");
        int users = train.numUsers();
        int items = train.numItems();
        SparseMatrix byUser = train.userItems();
        int positives = byUser.nonZeros();
        if (positives == 0) {
            throw new RecommenderBuildException(ID + " needs at least one training interaction");
        }
        Nd4j.getRandom().setSeed(context.seed());
        ComputationGraph graph = new ComputationGraph(configuration(users, items, factors, widths,
                new Adam(lr), params.getDouble("l2"), context.seed(), DataType.FLOAT));
        graph.init();
        SplittableRandom random = new SplittableRandom(context.seed());
        int perEpoch = positives * (1 + negatives);
        int batches = (perEpoch + batchSize - 1) / batchSize;
        float[] us = new float[perEpoch];
        float[] is = new float[perEpoch];
        float[] ys = new float[perEpoch];
        new Epochs(ID, context.monitor(), params.getInt("epochs")).run(batches, (epoch, b) -> {
            if (b == 0) {
                examples(byUser, items, negatives, random, us, is, ys);
            }
            int from = b * batchSize;
            int to = Math.min(perEpoch, from + batchSize);
            graph.fit(new INDArray[] {column(us, from, to), column(is, from, to)},
                    new INDArray[] {column(ys, from, to)});
            return graph.score();
        }, String.format(Locale.ROOT, "lower learning-rate (now %s)", lr));
        return graph;
    }

    static ComputationGraphConfiguration configuration(int users, int items, int factors, int[] widths,
            IUpdater updater, double l2, long seed, DataType dataType) {
        int mlpEmbedding = widths[0] / 2;
        var g = new NeuralNetConfiguration.Builder().seed(seed).updater(updater).l2(l2)
                .weightInit(WeightInit.XAVIER).dataType(dataType).graphBuilder()
                .addInputs("user", "item")
                .addLayer("gmfUser", embedding(users, factors), "user")
                .addLayer("gmfItem", embedding(items, factors), "item")
                .addLayer("mlpUser", embedding(users, mlpEmbedding), "user")
                .addLayer("mlpItem", embedding(items, mlpEmbedding), "item")
                .addVertex("gmf", new ElementWiseVertex(ElementWiseVertex.Op.Product), "gmfUser", "gmfItem")
                .addVertex("mlpIn", new MergeVertex(), "mlpUser", "mlpItem");
        String previous = "mlpIn";
        int in = widths[0];
        for (int l = 1; l < widths.length; l++) {
            g.addLayer("mlp" + l, new DenseLayer.Builder().nIn(in).nOut(widths[l]).activation(Activation.RELU)
                    .build(), previous);
            previous = "mlp" + l;
            in = widths[l];
        }
        return g.addVertex("joined", new MergeVertex(), "gmf", previous)
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(factors + in).nOut(1)
                        .activation(Activation.SIGMOID).build(), "joined")
                .setOutputs("out").build();
    }

    /**
     * An embedding table initialised from N(0, 0.01²) as in the paper. DL4J's Xavier would treat the one-hot input
     * as one fan-in and draw with a standard deviation near 0.5, which trains much worse.
     */
    private static EmbeddingLayer embedding(int n, int d) {
        return new EmbeddingLayer.Builder().nIn(n).nOut(d).hasBias(false).activation(Activation.IDENTITY)
                .weightInit(new NormalDistribution(0, 0.01)).build();
    }

    /**
     * Fills one epoch's examples, shuffled: every training interaction as a 1, followed by {@code negatives} items
     * the user has not seen as 0s (drawn uniformly, rejecting seen ones; a user who has seen every item gets none,
     * and those slots repeat the positive).
     */
    static void examples(SparseMatrix byUser, int items, int negatives, SplittableRandom random, float[] us,
            float[] is, float[] ys) {
        int[] cols = byUser.columns();
        int k = 0;
        for (int u = 0; u < byUser.rows(); u++) {
            int from = byUser.rowStart(u);
            int to = byUser.rowEnd(u);
            for (int p = from; p < to; p++) {
                us[k] = u;
                is[k] = cols[p];
                ys[k] = 1f;
                k++;
                for (int n = 0; n < negatives; n++) {
                    us[k] = u;
                    if (to - from >= items) {
                        is[k] = cols[p];
                        ys[k] = 1f;
                    } else {
                        int j;
                        do {
                            j = random.nextInt(items);
                        } while (Arrays.binarySearch(cols, from, to, j) >= 0);
                        is[k] = j;
                        ys[k] = 0f;
                    }
                    k++;
                }
            }
        }
        for (int i = k - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swap(us, i, j);
            swap(is, i, j);
            swap(ys, i, j);
        }
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static INDArray column(float[] values, int from, int to) {
        return Nd4j.create(Arrays.copyOfRange(values, from, to), new long[] {to - from, 1}, 'c');
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        dl.requireAvailable(ID);
        return NeuMfModel.read(in);
    }
}
