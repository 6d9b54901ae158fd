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
import org.recworkbench.dl4j.training.EarlyStopping;
import org.recworkbench.dl4j.training.Epochs;
import org.recworkbench.dl4j.training.NeuralRecommender;

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
public class NeuMfRecommender extends NeuralRecommender implements ModelReader {

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
            ParameterDescriptor.ofDouble("l2", 0.0, 0, 100, "L2 penalty on the weights and embeddings"),
            ParameterDescriptor.ofBoolean("pretrain", false, "first train GMF and MLP alone (pretrain-epochs each) "
                    + "and start NeuMF from their weights, the output layer weighing both halves 0.5 (the paper's "
                    + "NeuMF with pre-training)"),
            ParameterDescriptor.ofInt("pretrain-epochs", 20, 1, 100_000, "epochs of each branch's pre-training"),
            EarlyStopping.parameters().get(0), EarlyStopping.parameters().get(1));

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "NeuMF", "neural",
            "Neural matrix factorization: GMF and MLP branches over user and item embeddings (top-N)",
            "X. He, L. Liao, H. Zhang, L. Nie, X. Hu, T.-S. Chua. Neural collaborative filtering. WWW 2017",
            PARAMETERS, true, false);

    @Activate
    public NeuMfRecommender(@Reference DeepLearning dl) {
        super(dl, DESCRIPTOR);
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
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        dl.requireAvailable(ID);
        int[] widths = layers(params.getString("layers"));
        EarlyStopping stopping = EarlyStopping.from(ID, params, context); // before any training: a clear error first
        ComputationGraph start = null;
        if (params.getBoolean("pretrain")) {
            int epochs = params.getInt("pretrain-epochs");
            ComputationGraph gmf = train(context, train, params, widths, Branches.GMF, null, epochs);
            ComputationGraph mlp = train(context, train, params, widths, Branches.MLP, null, epochs);
            start = pretrained(gmf, mlp, params.getInt("factors"), widths, context.seed(),
                    params.getDouble("learning-rate"), params.getDouble("l2"));
        }
        Trained neumf = train(context, train, params, widths, Branches.BOTH, start, params.getInt("epochs"),
                stopping);
        return neumf.loop().result(() -> NeuMfModel.of(neumf.graph(), widths.length - 1));
    }

    /** A trained graph and the epoch loop that trained it (which holds the best validated model, if any). */
    private record Trained(ComputationGraph graph, Epochs loop) {
    }

    /** Which branches a graph has: NeuMF, or one of them alone (for pre-training). */
    enum Branches {
        GMF, MLP, BOTH
    }

    /** The trained graph; its MLP layers are {@code mlp1..mlpN} with N = {@code widths.length - 1}. */
    ComputationGraph train(TrainingContext context, Interactions train, Parameters params, int[] widths) {
        return train(context, train, params, widths, Branches.BOTH, null, params.getInt("epochs"));
    }

    /**
     * Trains {@code branches} for {@code epochs}, from {@code start} when given (an initialised graph of the same
     * shape) or from the paper's initialisation.
     */
    ComputationGraph train(TrainingContext context, Interactions train, Parameters params, int[] widths,
            Branches branches, ComputationGraph start, int epochs) {
        return train(context, train, params, widths, branches, start, epochs, null).graph();
    }

    /** As above, validated as {@code stopping} says (null: not at all). */
    private Trained train(TrainingContext context, Interactions train, Parameters params, int[] widths,
            Branches branches, ComputationGraph start, int epochs, EarlyStopping stopping) {
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
        ComputationGraph graph = start;
        if (graph == null) {
            graph = new ComputationGraph(configuration(users, items, factors, widths, branches, new Adam(lr),
                    params.getDouble("l2"), context.seed(), DataType.FLOAT));
            graph.init();
        }
        ComputationGraph trained = graph;
        SplittableRandom random = new SplittableRandom(context.seed());
        int perEpoch = positives * (1 + negatives);
        int batches = (perEpoch + batchSize - 1) / batchSize;
        float[] us = new float[perEpoch];
        float[] is = new float[perEpoch];
        float[] ys = new float[perEpoch];
        String task = branches == Branches.BOTH ? ID : ID + " (" + branches.name() + " pre-training)";
        Epochs loop = new Epochs(task, context.monitor(), epochs).collectingNativeGarbage()
                .stoppingEarly(stopping, () -> NeuMfModel.of(trained, widths.length - 1));
        loop.run(batches, (epoch, b) -> {
            if (b == 0) {
                examples(byUser, items, negatives, random, us, is, ys);
            }
            int from = b * batchSize;
            int to = Math.min(perEpoch, from + batchSize);
            trained.fit(new INDArray[] {column(us, from, to), column(is, from, to)},
                    new INDArray[] {column(ys, from, to)});
            return trained.score();
        }, String.format(Locale.ROOT, "lower learning-rate (now %s)", lr));
        return new Trained(trained, loop);
    }

    /**
     * NeuMF started from pre-trained branches (He et al. 2017, section 3.4.1): embeddings and MLP layers copied, the
     * output layer the two branches' output weights side by side, weighted α = 0.5 each, and the bias their α-mix, so
     * that NeuMF's first logit is α·GMF's + (1 − α)·MLP's. Trained on with Adam, as the authors' code and RecBole do
     * (the paper mentions plain SGD).
     */
    static ComputationGraph pretrained(ComputationGraph gmf, ComputationGraph mlp, int factors, int[] widths,
            long seed, double learningRate, double l2) {
        double alpha = 0.5;
        long users = gmf.getLayer("gmfUser").getParam("W").rows();
        long items = gmf.getLayer("gmfItem").getParam("W").rows();
        ComputationGraph g = new ComputationGraph(configuration((int) users, (int) items, factors, widths,
                Branches.BOTH, new Adam(learningRate), l2, seed, gmf.getLayer("gmfUser").getParam("W").dataType()));
        g.init();
        for (String name : List.of("gmfUser", "gmfItem")) {
            g.getLayer(name).setParam("W", gmf.getLayer(name).getParam("W").dup());
        }
        List<String> mlpLayers = new java.util.ArrayList<>(List.of("mlpUser", "mlpItem"));
        for (int l = 1; l < widths.length; l++) {
            mlpLayers.add("mlp" + l);
        }
        for (String name : mlpLayers) {
            for (String key : mlp.getLayer(name).paramTable().keySet()) {
                g.getLayer(name).setParam(key, mlp.getLayer(name).getParam(key).dup());
            }
        }
        INDArray w = Nd4j.concat(0, gmf.getLayer("out").getParam("W").mul(alpha),
                mlp.getLayer("out").getParam("W").mul(1 - alpha));
        g.getLayer("out").setParam("W", w);
        g.getLayer("out").setParam("b", gmf.getLayer("out").getParam("b").mul(alpha)
                .add(mlp.getLayer("out").getParam("b").mul(1 - alpha)));
        return g;
    }

    static ComputationGraphConfiguration configuration(int users, int items, int factors, int[] widths,
            IUpdater updater, double l2, long seed, DataType dataType) {
        return configuration(users, items, factors, widths, Branches.BOTH, updater, l2, seed, dataType);
    }

    /** The graph of {@code branches}; layer names are the same in all three, so weights carry over by name. */
    static ComputationGraphConfiguration configuration(int users, int items, int factors, int[] widths,
            Branches branches, IUpdater updater, double l2, long seed, DataType dataType) {
        int mlpEmbedding = widths[0] / 2;
        var g = new NeuralNetConfiguration.Builder().seed(seed).updater(updater).l2(l2)
                .weightInit(WeightInit.XAVIER).dataType(dataType).graphBuilder()
                .addInputs("user", "item");
        if (branches != Branches.MLP) {
            g.addLayer("gmfUser", embedding(users, factors), "user")
                    .addLayer("gmfItem", embedding(items, factors), "item")
                    .addVertex("gmf", new ElementWiseVertex(ElementWiseVertex.Op.Product), "gmfUser", "gmfItem");
        }
        String joined = "gmf";
        int width = factors;
        if (branches != Branches.GMF) {
            g.addLayer("mlpUser", embedding(users, mlpEmbedding), "user")
                    .addLayer("mlpItem", embedding(items, mlpEmbedding), "item")
                    .addVertex("mlpIn", new MergeVertex(), "mlpUser", "mlpItem");
            String previous = "mlpIn";
            int in = widths[0];
            for (int l = 1; l < widths.length; l++) {
                g.addLayer("mlp" + l, new DenseLayer.Builder().nIn(in).nOut(widths[l]).activation(Activation.RELU)
                        .build(), previous);
                previous = "mlp" + l;
                in = widths[l];
            }
            joined = previous;
            width = in;
            if (branches == Branches.BOTH) {
                g.addVertex("joined", new MergeVertex(), "gmf", previous);
                joined = "joined";
                width = factors + in;
            }
        }
        return g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(width).nOut(1)
                .activation(Activation.SIGMOID).build(), joined).setOutputs("out").build();
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
