package org.recworkbench.algo.neural;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.recworkbench.algo.support.FactorModel;
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
import org.recworkbench.dl4j.training.Optimizer;
import org.recworkbench.dl4j.training.UserBatches;

/**
 * LightGCN (He et al. 2020): user and item embeddings smoothed over the user–item graph by {@code layers} steps of
 * normalised neighbour averaging, without weights or non-linearities, the final embedding the mean of all layers
 * ({@link LightGcnPropagation}); a user's score for an item is the dot product of their final embeddings. Trained
 * with BPR on every training interaction per epoch (shuffled, one uniformly drawn item the user never had as the
 * negative), the paper's L2 term on the batch's layer-0 embeddings, and Adam ({@link LightGcnTrainer}). Any training
 * interaction counts as an edge (filter ratings first, e.g. with {@code min-rating}). The model is a factor model of
 * the final embeddings, scored in blocks by the compute backend and saved as one.
 */
@Component(service = Recommender.class)
public class LightGcnRecommender extends NeuralRecommender implements ModelReader {

    static final String ID = "lightgcn";

    private static final List<ParameterDescriptor> PARAMETERS = Stream.concat(Stream.of(
            ParameterDescriptor.ofInt("dimensions", 64, 1, 4096, "embedding width"),
            ParameterDescriptor.ofInt("layers", 3, 0, 10, "propagation steps K (0 = matrix factorisation by BPR)"),
            ParameterDescriptor.ofDouble("reg-weight", 1e-4, 0, 100, "weight of the L2 term on each batch's "
                    + "layer-0 embeddings (the paper's λ)"),
            ParameterDescriptor.ofInt("epochs", 200, 1, 100_000, "passes over the training interactions"),
            ParameterDescriptor.ofInt("batch-size", 2048, 1, 10_000_000, "(user, positive, negative) triples per "
                    + "update")),
            Stream.concat(Optimizer.parameters(1e-3).stream(), EarlyStopping.parameters().stream())).toList();

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "LightGCN", "neural",
            "Graph convolution reduced to neighbourhood aggregation over the user-item graph, trained by BPR (top-N)",
            "X. He, K. Deng, X. Wang, Y. Li, Y. Zhang, M. Wang. LightGCN: simplifying and powering graph convolution "
                    + "network for recommendation. SIGIR 2020",
            PARAMETERS, true, false);

    @Activate
    public LightGcnRecommender(@Reference DeepLearning dl) {
        super(dl, DESCRIPTOR);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        dl.requireAvailable(ID);
        if (train.size() == 0) {
            throw new RecommenderBuildException(ID + " needs training interactions; got none");
        }
        int users = train.numUsers();
        int items = train.numItems();
        int dim = params.getInt("dimensions");
        int batchSize = params.getInt("batch-size");
        int epochCount = params.getInt("epochs");
        SparseMatrix byUser = train.userItems();
        int[] rowUsers = rowUsers(byUser, users);
        int[] cols = byUser.columns();
        int batches = (cols.length + batchSize - 1) / batchSize;
        Nd4j.getRandom().setSeed(context.seed());
        LightGcnPropagation graph = new LightGcnPropagation(byUser, users, items, dim, params.getInt("layers"),
                context.threads());
        try {
            LightGcnTrainer trainer = new LightGcnTrainer(graph, users, items, dim, params.getDouble("reg-weight"),
                    Optimizer.from(params, (long) epochCount * batches));
            SplittableRandom random = new SplittableRandom(context.seed());
            int[] order = new int[cols.length];
            int[] iteration = {0};
            Epochs epochs = new Epochs(ID, context.monitor(), epochCount)
                    .stoppingEarly(EarlyStopping.from(ID, params, context), () -> model(trainer, context));
            epochs.run(batches, (e, b) -> {
                if (b == 0) {
                    Arrays.setAll(order, k -> k);
                    UserBatches.shuffle(order, random);
                }
                int from = b * batchSize;
                int n = Math.min(batchSize, order.length - from);
                int[] u = new int[n];
                int[] pos = new int[n];
                int[] neg = new int[n];
                for (int k = 0; k < n; k++) {
                    int p = order[from + k];
                    u[k] = rowUsers[p];
                    pos[k] = cols[p];
                    neg[k] = negative(byUser, u[k], items, random);
                }
                return trainer.step(u, pos, neg, iteration[0]++, e);
            }, String.format(Locale.ROOT, "lower learning-rate (now %s)", params.getDouble("learning-rate")));
            return epochs.result(() -> model(trainer, context));
        } finally {
            graph.close();
        }
    }

    private static Model model(LightGcnTrainer trainer, TrainingContext context) {
        float[][] e = trainer.embeddings();
        return new FactorModel(0f, null, null, e[0], e[1], (int) trainer.user0().size(1), false, context.backend());
    }

    /** The user of each stored entry of the CSR matrix. */
    private static int[] rowUsers(SparseMatrix byUser, int users) {
        int[] out = new int[byUser.columns().length];
        for (int u = 0; u < users; u++) {
            Arrays.fill(out, byUser.rowStart(u), byUser.rowEnd(u), u);
        }
        return out;
    }

    /**
     * A uniformly drawn item the user never had; a user who had every item gets a random item (their triple then
     * compares two of their own items, a case with no right answer that real data does not produce).
     */
    private static int negative(SparseMatrix byUser, int u, int items, SplittableRandom random) {
        int[] cols = byUser.columns();
        int from = byUser.rowStart(u);
        int to = byUser.rowEnd(u);
        for (int attempt = 0; attempt < 1000; attempt++) {
            int j = random.nextInt(items);
            if (Arrays.binarySearch(cols, from, to, j) < 0) {
                return j;
            }
        }
        return random.nextInt(items);
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        dl.requireAvailable(ID);
        return FactorModel.read(in, backend);
    }
}
