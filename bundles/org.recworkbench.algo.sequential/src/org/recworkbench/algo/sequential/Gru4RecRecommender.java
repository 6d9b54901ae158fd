package org.recworkbench.algo.sequential;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
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
import org.recworkbench.dl4j.DeepLearning;
import org.recworkbench.dl4j.training.EarlyStopping;
import org.recworkbench.dl4j.training.Epochs;
import org.recworkbench.dl4j.training.NeuralRecommender;
import org.recworkbench.dl4j.training.Optimizer;
import org.recworkbench.dl4j.training.UserBatches;

/**
 * GRU4Rec (Hidasi et al. 2016; BPR-max and sampling from Hidasi and Karatzoglou 2018): a GRU reads each user's
 * training items in time order and its hidden state scores the next item by a dot product with the item's row of the
 * shared item table, plus the item's bias. Training runs {@link SessionParallel session-parallel mini-batches} with
 * the batch's own next items and popularity-sampled items as negatives ({@link Gru4RecTrainer}).
 *
 * <p>After training, a user is represented by the GRU's state after their whole training sequence, so the model is a
 * factor model (state · item + item bias), scored in blocks by the compute backend and saved as one. Users with
 * fewer than two training items give no training pair: they are counted (reported as
 * {@code users without a next item}), still scored from what they have, and a user with none gets the item biases.
 */
@Component(service = Recommender.class)
public class Gru4RecRecommender extends NeuralRecommender implements ModelReader {

    static final String ID = "gru4rec";

    private static final List<ParameterDescriptor> PARAMETERS = Stream.concat(Stream.of(
            ParameterDescriptor.ofInt("dimensions", 100, 1, 4096, "width of the hidden state and of the item table"),
            ParameterDescriptor.ofEnum("loss", "bpr-max", List.of("bpr-max", "cross-entropy"),
                    "bpr-max: softmax-weighted BPR over the negatives plus a score penalty; cross-entropy: softmax "
                            + "over the target and the negatives"),
            ParameterDescriptor.ofInt("samples", 2048, 0, 1_000_000, "negatives drawn per step (shared by the "
                    + "batch) in addition to the other sessions' next items"),
            ParameterDescriptor.ofDouble("sample-alpha", 0.75, 0, 1, "negatives are drawn with probability "
                    + "∝ popularity^alpha (0 uniform, 1 by popularity)"),
            ParameterDescriptor.ofDouble("bpreg", 1.0, 0, 100, "weight of BPR-max's penalty on the negatives' "
                    + "scores"),
            ParameterDescriptor.ofDouble("dropout", 0.0, 0, 0.95, "dropout rate on the hidden state before "
                    + "scoring, while training"),
            ParameterDescriptor.ofInt("epochs", 10, 1, 100_000, "passes over the training sequences"),
            ParameterDescriptor.ofInt("batch-size", 64, 1, 100_000, "sessions run in parallel")),
            Stream.concat(Optimizer.parameters(1e-3).stream(), EarlyStopping.parameters().stream())).toList();

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "GRU4Rec", "sequential",
            "Recurrent next-item recommendation from the user's time-ordered history, session-parallel training "
                    + "with sampled negatives (top-N)",
            "B. Hidasi, A. Karatzoglou, L. Baltrunas, D. Tikk. Session-based recommendations with recurrent neural "
                    + "networks. ICLR 2016; B. Hidasi, A. Karatzoglou. Recurrent neural networks with top-k gains "
                    + "for session-based recommendations. CIKM 2018",
            PARAMETERS, true, false);

    @Activate
    public Gru4RecRecommender(@Reference DeepLearning dl) {
        super(dl, DESCRIPTOR);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        dl.requireAvailable(ID);
        Sequences sequences = Sequences.of(train);
        int[] trainable = sequences.usersWithAtLeast(2);
        if (trainable.length == 0) {
            throw new RecommenderBuildException(ID + " needs at least one user with two or more training items "
                    + "(a next item to learn from); got " + train.numUsers() + " users and " + train.size()
                    + " interactions");
        }
        int dim = params.getInt("dimensions");
        int slots = Math.min(params.getInt("batch-size"), trainable.length);
        int samples = params.getInt("samples");
        int epochCount = params.getInt("epochs");
        Nd4j.getRandom().setSeed(context.seed());
        SplittableRandom shuffle = new SplittableRandom(context.seed());
        int[][] orders = new int[epochCount][];
        int[] steps = new int[epochCount]; // known before training: the schedule needs the run's length
        long totalSteps = 0;
        for (int e = 0; e < epochCount; e++) {
            orders[e] = trainable.clone();
            UserBatches.shuffle(orders[e], shuffle);
            steps[e] = SessionParallel.steps(sequences, orders[e], slots);
            totalSteps += steps[e];
        }
        Gru4RecTrainer trainer = new Gru4RecTrainer(train.numItems(), slots, samples, dim,
                "bpr-max".equals(params.getString("loss")), params.getDouble("bpreg"), params.getDouble("dropout"),
                Optimizer.from(params, totalSteps));
        PopularitySampler sampler = new PopularitySampler(train, params.getDouble("sample-alpha"),
                context.seed() + 1);
        int[] sampled = new int[samples];
        SessionParallel[] epoch = new SessionParallel[1];
        int[] iteration = {0};
        int skipped = train.numUsers() - trainable.length;
        Epochs epochs = new Epochs(ID, context.monitor(), epochCount).collectingNativeGarbage()
                .stoppingEarly(EarlyStopping.from(ID, params, context), () -> model(trainer, sequences, context));
        epochs.run(e -> steps[e], (e, b) -> {
            if (b == 0) {
                epoch[0] = new SessionParallel(sequences, orders[e], slots);
                if (e == 0) {
                    context.monitor().report("users without a next item", 0, skipped);
                }
            }
            epoch[0].next();
            sampler.fill(sampled);
            return trainer.step(epoch[0].input, epoch[0].reset, epoch[0].target, sampled, iteration[0]++, e);
        }, String.format(Locale.ROOT, "lower learning-rate (now %s) or set clip-norm", params.getDouble(
                "learning-rate")));

        return epochs.result(() -> model(trainer, sequences, context));
    }

    /** The model as trained so far: every user's state after their sequence, scored against the item table. */
    private static Model model(Gru4RecTrainer trainer, Sequences sequences, TrainingContext context) {
        float[] table = trainer.tableArray().dup('c').data().asFloat();
        float[] bias = trainer.biasArray().dup('c').data().asFloat();
        int dim = (int) trainer.tableArray().size(1);
        GruCell inference = new GruCell(Math.max(1, Math.min(1024, sequences.numUsers())), dim);
        inference.copyWeights(trainer.cell().weights());
        float[] users = inference.finalStates(sequences, table);
        return new FactorModel(0f, null, bias, users, table, dim, false, context.backend());
    }

    /** Items drawn with probability ∝ (training count)^alpha, by binary search in the cumulative weights. */
    static final class PopularitySampler {
        private final double[] cumulative;
        private final SplittableRandom random;

        PopularitySampler(Interactions train, double alpha, long seed) {
            int[] counts = new int[train.numItems()];
            for (int i : train.items()) {
                counts[i]++;
            }
            cumulative = new double[counts.length];
            double sum = 0;
            for (int i = 0; i < counts.length; i++) {
                sum += counts[i] == 0 ? 0 : Math.pow(counts[i], alpha);
                cumulative[i] = sum;
            }
            random = new SplittableRandom(seed);
        }

        void fill(int[] out) {
            double total = cumulative[cumulative.length - 1];
            for (int k = 0; k < out.length; k++) {
                double x = random.nextDouble() * total;
                int i = java.util.Arrays.binarySearch(cumulative, x);
                i = i >= 0 ? i : -i - 1;
                while (i < cumulative.length - 1 && cumulative[i] <= x) {
                    i++; // the first item whose cumulative weight exceeds x (never one that was never seen)
                }
                out[k] = i;
            }
        }
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        dl.requireAvailable(ID);
        return FactorModel.read(in, backend);
    }
}
