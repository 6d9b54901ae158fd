package org.recworkbench.algo.sequential;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.algo.support.Sequences;
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
 * SASRec (Kang and McAuley 2018), next-item recommendation by causal self-attention over each user's training items
 * in time order (see {@link SasRecNetwork}). Every position of a user's window is trained to predict the next item:
 * with {@code loss: bce} (the paper's) by binary cross-entropy of the true next item against one uniformly drawn
 * item the user never had; with {@code loss: softmax} by cross-entropy over every item. One window per user (its
 * most recent {@code max-length} + 1 items) per epoch, users shuffled from the seed, Adam.
 *
 * <p>After training, each user is represented by the hidden state after the last {@code max-length} items of their
 * training sequence (longer histories are truncated to the most recent items), and an item's score is the dot
 * product with its embedding: the model is a factor model, scored in blocks by the compute backend and saved as one.
 * Users with fewer than two training items give no training pair: they are counted (reported as
 * {@code users without a next item}) and still scored from what they have (a user with none gets the same scores as
 * everyone without history).
 */
@Component(service = Recommender.class)
public class SasRecRecommender extends NeuralRecommender implements ModelReader {

    static final String ID = "sasrec";

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.ofInt("dimensions", 64, 1, 4096, "width of the item, position and hidden vectors"),
            ParameterDescriptor.ofInt("blocks", 2, 1, 64, "self-attention blocks"),
            ParameterDescriptor.ofInt("heads", 1, 1, 64, "attention heads per block (must divide dimensions)"),
            ParameterDescriptor.ofInt("max-length", 50, 1, 10_000,
                    "the most recent items of a history that the model reads (older ones are dropped)"),
            ParameterDescriptor.ofDouble("dropout", 0.2, 0, 0.95, "dropout rate of embeddings, attention and "
                    + "feed-forward layers while training"),
            ParameterDescriptor.ofEnum("loss", "bce", List.of("bce", "softmax"),
                    "bce: the next item against one sampled negative; softmax: against every item"),
            ParameterDescriptor.ofInt("epochs", 200, 1, 100_000, "passes over the training users"),
            ParameterDescriptor.ofInt("batch-size", 128, 1, 100_000, "users (windows) per update"));

    private static final List<ParameterDescriptor> ALL_PARAMETERS = java.util.stream.Stream.concat(
            PARAMETERS.stream(), java.util.stream.Stream.concat(Optimizer.parameters(1e-3).stream(),
                    EarlyStopping.parameters().stream())).toList();

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "SASRec", "sequential",
            "Self-attentive sequential recommendation: the next item from the user's time-ordered history (top-N)",
            "W.-C. Kang, J. McAuley. Self-attentive sequential recommendation. ICDM 2018", ALL_PARAMETERS, true, false);

    @Activate
    public SasRecRecommender(@Reference DeepLearning dl) {
        super(dl, DESCRIPTOR);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        dl.requireAvailable(ID);
        int dim = params.getInt("dimensions");
        int heads = params.getInt("heads");
        if (dim % heads != 0) {
            throw new RecommenderBuildException(String.format(Locale.ROOT,
                    "%s: heads (%d) must divide dimensions (%d)", ID, heads, dim));
        }
        Sequences sequences = Sequences.of(train);
        int[] trainable = sequences.usersWithAtLeast(2);
        if (trainable.length == 0) {
            throw new RecommenderBuildException(ID + " needs at least one user with two or more training items "
                    + "(a next item to learn from); got " + train.numUsers() + " users and " + train.size()
                    + " interactions");
        }
        int length = params.getInt("max-length");
        int blocks = params.getInt("blocks");
        double lr = params.getDouble("learning-rate");
        boolean softmax = "softmax".equals(params.getString("loss"));
        int batchSize = Math.min(params.getInt("batch-size"), trainable.length);
        Nd4j.getRandom().setSeed(context.seed());
        long attention = (long) heads * length * length;
        if (attention > SasRecTrainer.MAX_WINDOW_FLOATS) {
            throw new RecommenderBuildException(String.format(Locale.ROOT, "%s: heads × max-length² = %d floats of "
                    + "attention per window, over the %d this implementation holds; lower max-length (now %d) or "
                    + "heads (now %d)", ID, attention, SasRecTrainer.MAX_WINDOW_FLOATS, length, heads));
        }
        int chunk = SasRecTrainer.chunkWindows(batchSize, length, heads, softmax ? train.numItems() + 1 : 0);
        WindowBatches windows = new WindowBatches(sequences, train.userItems(), trainable, length, batchSize,
                context.seed());
        int epochCount = params.getInt("epochs");
        SasRecTrainer trainer = new SasRecTrainer(train.numItems(), length, dim, blocks, heads,
                params.getDouble("dropout"), chunk, softmax,
                Optimizer.from(params, (long) epochCount * windows.batches()));
        int[][][] epoch = new int[1][][];
        int[] iteration = {0};
        Epochs epochs = new Epochs(ID, context.monitor(), epochCount).collectingNativeGarbage()
                .stoppingEarly(EarlyStopping.from(ID, params, context),
                        () -> model(trainer, sequences, length, dim, blocks, heads, context));
        int skipped = train.numUsers() - trainable.length;
        epochs.run(windows.batches(), (e, b) -> {
            if (b == 0) {
                epoch[0] = windows.epoch();
                if (e == 0) {
                    context.monitor().report("users without a next item", 0, skipped);
                }
            }
            windows.fill(epoch[0][b], !softmax);
            return trainer.step(windows.seq, windows.pos, windows.neg, iteration[0]++, e);
        }, String.format(Locale.ROOT, "lower learning-rate (now %s)", lr));

        return epochs.result(() -> model(trainer, sequences, length, dim, blocks, heads, context));
    }

    /** The model as trained so far: each user's last hidden state, scored against the item table. */
    private static Model model(SasRecTrainer trainer, Sequences sequences, int length, int dim, int blocks,
            int heads, TrainingContext context) {
        float[] table = trainer.table();
        int block = SasRecTrainer.chunkWindows(256, length, heads, 0);
        SasRecNetwork inference = new SasRecNetwork(length, dim, blocks, heads, 0, block * length);
        inference.copyWeights(trainer.network().weights());
        float[] users = userStates(inference, sequences, table, length, dim, block);
        float[] items = Arrays.copyOfRange(table, dim, table.length); // row 0 is the padding
        return new FactorModel(0f, null, null, users, items, dim, false, context.backend());
    }

    /** Each user's hidden state after their whole training sequence (its last {@code length} items). */
    static float[] userStates(SasRecNetwork net, Sequences sequences, float[] table, int length, int dim,
            int block) {
        int users = sequences.numUsers();
        float[] out = new float[users * dim];
        for (int from = 0; from < users; from += block) {
            int n = Math.min(block, users - from);
            int[] windows = new int[n * length];
            for (int b = 0; b < n; b++) {
                sequences.window(from + b, sequences.length(from + b), length, windows, b * length);
            }
            System.arraycopy(net.lastStates(windows, table), 0, out, from * dim, n * dim);
        }
        return out;
    }

    /** Shuffled batches of training windows with their targets and sampled negatives. */
    private static final class WindowBatches {
        private final Sequences sequences;
        private final SparseMatrix byUser;
        private final UserBatches users;
        private final int length;
        private final SplittableRandom random;
        final int[] seq;
        final int[] pos;
        final int[] neg;

        WindowBatches(Sequences sequences, SparseMatrix byUser, int[] users, int length, int batchSize, long seed) {
            this.sequences = sequences;
            this.byUser = byUser;
            this.users = new UserBatches(byUser, users, batchSize, seed);
            this.length = length;
            this.random = new SplittableRandom(seed + 1); // negatives: a stream apart from the shuffle's
            this.seq = new int[batchSize * length];
            this.pos = new int[batchSize * length];
            this.neg = new int[batchSize * length];
        }

        int batches() {
            return users.batches();
        }

        int[][] epoch() {
            return users.epoch();
        }

        /**
         * Fills {@link #seq}, {@link #pos} and {@link #neg} with the windows of {@code batch}; a short last batch
         * leaves the remaining windows empty (all padding, no target).
         */
        void fill(int[] batch, boolean sampleNegatives) {
            Arrays.fill(seq, 0);
            Arrays.fill(pos, 0);
            Arrays.fill(neg, 0);
            int items = sequences.numItems();
            int[] cols = byUser.columns();
            for (int b = 0; b < batch.length; b++) {
                int u = batch[b];
                sequences.pairs(u, length, seq, pos, b * length);
                int from = byUser.rowStart(u);
                int to = byUser.rowEnd(u);
                if (!sampleNegatives || Sequences.distinct(cols, from, to) >= items) {
                    continue; // a user who had every item has no negative: its slots stay padding
                }
                for (int t = b * length; t < (b + 1) * length; t++) {
                    if (pos[t] != 0) {
                        int j;
                        do {
                            j = random.nextInt(items);
                        } while (Arrays.binarySearch(cols, from, to, j) >= 0);
                        neg[t] = j + 1;
                    }
                }
            }
        }
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        return FactorModel.read(in, backend);
    }
}
