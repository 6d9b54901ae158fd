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
import org.recworkbench.algo.support.Sequences;
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
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.dl4j.DeepLearning;
import org.recworkbench.dl4j.training.EarlyStopping;
import org.recworkbench.dl4j.training.Epochs;
import org.recworkbench.dl4j.training.NeuralRecommender;
import org.recworkbench.dl4j.training.Optimizer;
import org.recworkbench.dl4j.training.UserBatches;

/**
 * Two-tower retrieval (Yi et al. 2019, after Covington et al. 2016): a user tower reads the user's training items
 * and categorical attributes, an item tower the item's id and categorical attributes (each an embedding bag and
 * fully connected layers); a user's score for an item is the cosine of the two outputs (the dot product with
 * {@code normalize: false}). Trained on every training interaction per epoch with in-batch negatives and the log-Q
 * correction ({@link TwoTowerTrainer}); a training pair's user tower reads only the items the user had before the
 * pair's item ({@link TwoTowerFeatures} says why). Items and users known only by their attributes (cold ones) still
 * get representations. The model is a factor model of the towers' outputs, scored in blocks by the compute backend
 * and saved as one. The last incomplete batch of each epoch is skipped (every batch has the same number of in-batch
 * negatives); the shuffle differs per epoch, so every pair is used. Defaults (one linear layer, temperature 0.5, user
 * ids, item biases) are the best of eleven settings by validation NDCG@10 on ML-100K (docs/benchmarks.md).
 */
@Component(service = Recommender.class)
public class TwoTowerRecommender extends NeuralRecommender implements ModelReader {

    static final String ID = "two-tower";

    private static final List<ParameterDescriptor> PARAMETERS = Stream.concat(Stream.of(
            ParameterDescriptor.ofInt("dimensions", 64, 1, 4096, "width of the embedding bags (the towers' inputs)"),
            ParameterDescriptor.ofString("tower-layers", "64", "widths of each tower's layers after the bag, "
                    + "ReLU between them; the last is the output's"),
            ParameterDescriptor.ofBoolean("normalize", true, "L2-normalise both towers' outputs (scores are cosines) "
                    + "instead of scoring by the plain dot product"),
            ParameterDescriptor.ofDouble("temperature", 0.5, 1e-4, 100, "the scores are divided by it before the "
                    + "softmax"),
            ParameterDescriptor.ofBoolean("item-bias", true, "add a learned bias per item to its score (room for "
                    + "popularity beside the towers' bounded cosine)"),
            ParameterDescriptor.ofBoolean("logq", true, "subtract each in-batch negative's log training popularity "
                    + "(sampling-bias correction)"),
            ParameterDescriptor.ofBoolean("user-ids", true, "give each user a learned id embedding in the user "
                    + "tower besides their history (users unseen in training then have none)"),
            ParameterDescriptor.ofBoolean("attributes", true, "feed the dataset's categorical user and item "
                    + "attributes to the towers"),
            ParameterDescriptor.ofInt("epochs", 50, 1, 100_000, "passes over the training interactions"),
            ParameterDescriptor.ofInt("batch-size", 512, 2, 1_000_000, "pairs per update (each pair's negatives "
                    + "are the other pairs' items)")),
            Stream.concat(Optimizer.parameters(1e-3).stream(), EarlyStopping.parameters().stream())).toList();

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "Two-tower", "neural",
            "Two-tower retrieval: user and item towers over histories, ids and attributes, in-batch softmax with "
                    + "log-Q correction (top-N)",
            "X. Yi, J. Yang, L. Hong, D. Z. Cheng, L. Heldt, A. Kumthekar, Z. Zhao, L. Wei, E. Chi. "
                    + "Sampling-bias-corrected neural modeling for large corpus item recommendations. RecSys 2019",
            PARAMETERS, true, false);

    @Activate
    public TwoTowerRecommender(@Reference DeepLearning dl) {
        super(dl, DESCRIPTOR);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        dl.requireAvailable(ID);
        int[] widths = widths(params.getString("tower-layers"));
        if (train.size() < 2) {
            throw new RecommenderBuildException(ID + " needs at least two training interactions (one pair and an "
                    + "in-batch negative); got " + train.size());
        }
        int users = train.numUsers();
        int items = train.numItems();
        Sequences history = Sequences.of(train);
        // one training pair per interaction: (user, position in their time order), the item at that position
        int pairs = train.size();
        int[] pairUser = new int[pairs];
        int[] pairPosition = new int[pairs];
        int[] counts = new int[items];
        for (int u = 0, k = 0; u < users; u++) {
            for (int p = 0; p < history.length(u); p++, k++) {
                pairUser[k] = u;
                pairPosition[k] = p;
                counts[history.item(u, p)]++;
            }
        }
        int batch = Math.min(params.getInt("batch-size"), pairs);
        int batches = pairs / batch;
        int epochCount = params.getInt("epochs");
        boolean attributes = params.getBoolean("attributes") && context.dataset() != null;
        TwoTowerFeatures features = new TwoTowerFeatures(history, users, items,
                attributes ? context.dataset().userAttributes() : Attributes.empty(),
                attributes ? context.dataset().itemAttributes() : Attributes.empty(), params.getBoolean("user-ids"));
        Nd4j.getRandom().setSeed(context.seed());
        TwoTowerTrainer trainer = new TwoTowerTrainer(features, batch, params.getInt("dimensions"), widths,
                params.getBoolean("normalize"), params.getDouble("temperature"), counts, params.getBoolean("logq"),
                params.getBoolean("item-bias"),
                Optimizer.from(params, (long) epochCount * batches));
        SplittableRandom random = new SplittableRandom(context.seed());
        int[] order = new int[pairs];
        int[] iteration = {0};
        Epochs epochs = new Epochs(ID, context.monitor(), epochCount).collectingNativeGarbage()
                .stoppingEarly(EarlyStopping.from(ID, params, context), () -> model(trainer, users, items, widths,
                        context));
        epochs.run(batches, (e, b) -> {
            if (b == 0) {
                Arrays.setAll(order, k -> k);
                UserBatches.shuffle(order, random);
            }
            int[] u = new int[batch];
            int[] prefix = new int[batch];
            int[] it = new int[batch];
            for (int k = 0; k < batch; k++) {
                int p = order[b * batch + k];
                u[k] = pairUser[p];
                prefix[k] = pairPosition[p];
                it[k] = history.item(u[k], prefix[k]);
            }
            return trainer.step(u, prefix, it, iteration[0]++, e);
        }, String.format(Locale.ROOT, "lower learning-rate (now %s) or raise temperature (now %s)",
                params.getDouble("learning-rate"), params.getDouble("temperature")));
        return epochs.result(() -> model(trainer, users, items, widths, context));
    }

    /** Scores as in training, less the log-Q term: user · item / temperature + the item's bias. */
    private static Model model(TwoTowerTrainer trainer, int users, int items, int[] widths,
            TrainingContext context) {
        float[] u = trainer.userOutputs(users);
        float scale = (float) (1 / trainer.temperature());
        for (int k = 0; k < u.length; k++) {
            u[k] *= scale;
        }
        return new FactorModel(0f, null, trainer.itemBias(), u, trainer.itemOutputs(items),
                widths[widths.length - 1], false, context.backend());
    }

    /** The towers' widths from {@code tower-layers}: at least one, each positive. */
    static int[] widths(String text) {
        int[] widths;
        try {
            widths = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("params.tower-layers", "got '" + text + "', expected widths such as "
                    + "128,64");
        }
        if (widths.length == 0 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new InvalidSpecException("params.tower-layers", "got '" + text + "', expected positive widths");
        }
        return widths;
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        dl.requireAvailable(ID);
        return FactorModel.read(in, backend);
    }
}
