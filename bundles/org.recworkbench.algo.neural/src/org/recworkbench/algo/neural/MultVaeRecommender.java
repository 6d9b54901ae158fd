package org.recworkbench.algo.neural;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
import org.recworkbench.dl4j.training.LastLoss;
import org.recworkbench.dl4j.training.Quiet;
import org.recworkbench.dl4j.training.UserBatches;

/**
 * Mult-VAE (Liang et al. 2018): a variational autoencoder over each user's items. The encoder reads the user's
 * L2-normalised multi-hot row (input dropout), {@code h = tanh(x W1 + b1)}, gives the mean and log-variance of a
 * Gaussian latent {@code z}; the decoder maps {@code z} back through {@code tanh} to one logit per item. The loss is
 * the multinomial negative log-likelihood {@code −Σ_i x_i log softmax(logits)_i} plus {@code β} times the KL
 * divergence to a standard normal, with {@code β} annealed linearly from 0 to {@code beta-max} over
 * {@code anneal-steps} updates. At scoring time {@code z} is the mean and the logits rank the items. Any training
 * interaction counts as a 1 (filter ratings first, e.g. with {@code min-rating}). Built with SameDiff (DL4J's
 * automatic differentiation), trained with Adam on one thread, seeded: the same seed and thread count give identical
 * scores.
 */
@Component(service = Recommender.class)
public class MultVaeRecommender extends NeuralRecommender implements ModelReader {

    static final String ID = "mult-vae";

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.ofInt("hidden", 600, 1, 100_000, "width of the encoder's and decoder's hidden layer"),
            ParameterDescriptor.ofInt("latent", 200, 1, 100_000, "dimension of the latent z"),
            ParameterDescriptor.ofInt("epochs", 100, 1, 100_000, "passes over the training users"),
            ParameterDescriptor.ofInt("batch-size", 500, 1, 1_000_000, "users per update"),
            ParameterDescriptor.ofDouble("learning-rate", 1e-3, 1e-9, 10, "Adam step size"),
            ParameterDescriptor.ofDouble("dropout", 0.5, 0, 0.99, "share of the input dropped while training"),
            ParameterDescriptor.ofDouble("beta-max", 0.2, 0, 10, "the KL weight β the annealing stops at"),
            ParameterDescriptor.ofInt("anneal-steps", 200_000, 1, Integer.MAX_VALUE,
                    "updates over which β rises linearly from 0 to beta-max"),
            ParameterDescriptor.ofDouble("l2", 0.0, 0, 100, "L2 penalty on the weights"),
            EarlyStopping.parameters().get(0), EarlyStopping.parameters().get(1));

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor(ID, "Mult-VAE", "neural",
            "Variational autoencoder with a multinomial likelihood over each user's items (top-N)",
            "D. Liang, R. G. Krishnan, M. D. Hoffman, T. Jebara. Variational autoencoders for collaborative "
                    + "filtering. WWW 2018",
            PARAMETERS, true, false);

    @Activate
    public MultVaeRecommender(@Reference DeepLearning dl) {
        super(dl, DESCRIPTOR);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        dl.requireAvailable(ID);
        int items = train.numItems();
        int hidden = params.getInt("hidden");
        int latent = params.getInt("latent");
        int epochs = params.getInt("epochs");
        double lr = params.getDouble("learning-rate");
        double keep = 1 - params.getDouble("dropout");
        double betaMax = params.getDouble("beta-max");
        int annealSteps = params.getInt("anneal-steps");
        var byUser = train.userItems();
        UserBatches batches = new UserBatches(byUser, params.getInt("batch-size"), context.seed());
        if (batches.users().length == 0) {
            throw new RecommenderBuildException(ID + " needs at least one training interaction");
        }
        Nd4j.getRandom().setSeed(context.seed());
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("input", DataType.FLOAT, -1, items);
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, latent);
        SDVariable beta = sd.placeHolder("beta", DataType.FLOAT);
        SDVariable x = normalized(sd, in);
        SDVariable dropped = keep < 1 ? sd.nn.dropout(x, keep) : x;
        Layers w = new Layers(sd, items, hidden, latent);
        SDVariable h1 = sd.math.tanh(dropped.mmul(w.w1).add(w.b1));
        SDVariable mu = h1.mmul(w.wMu).add(w.bMu);
        SDVariable logVar = h1.mmul(w.wVar).add(w.bVar);
        SDVariable z = mu.add(eps.mul(sd.math.exp(logVar.mul(0.5))));
        SDVariable logits = sd.math.tanh(z.mmul(w.w3).add(w.b3)).mmul(w.w4).add(w.b4);
        SDVariable nll = sd.nn.logSoftmax(logits).mul(in).sum(1).mean().neg();
        SDVariable kl = logVar.neg().add(sd.math.exp(logVar)).add(mu.mul(mu)).sub(1.0).mul(0.5).sum(1).mean();
        SDVariable loss = nll.add(kl.mul(beta));
        sd.setLossVariables(loss);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(lr)).l2(params.getDouble("l2"))
                .dataSetFeatureMapping("input", "eps", "beta").markLabelsUnused().build());
        Quiet.call(() -> {
            sd.createGradFunction(); // announces every differentiated op on standard output
            return null;
        });
        LastLoss lastLoss = new LastLoss();
        long[] updates = {0};
        int[][][] epochBatches = new int[1][][];
        Epochs loop = new Epochs(ID, context.monitor(), epochs).collectingNativeGarbage().stoppingEarly(
                EarlyStopping.from(ID, params, context), () -> new MultVaeModel(train.numUsers(), items, byUser,
                        w.values()));
        loop.run(batches.batches(), (epoch, b) -> {
            if (b == 0) {
                epochBatches[0] = batches.epoch();
            }
            int[] users = epochBatches[0][b];
            float annealed = (float) Math.min(betaMax, betaMax * updates[0]++ / (double) annealSteps);
            sd.fit(new MultiDataSet(new INDArray[] {batches.multiHot(users),
                Nd4j.randn(DataType.FLOAT, users.length, latent), Nd4j.scalar(DataType.FLOAT, annealed)},
                new INDArray[0]), lastLoss);
            return lastLoss.get();
        }, String.format(Locale.ROOT, "lower learning-rate (now %s)", lr));
        return loop.result(() -> new MultVaeModel(train.numUsers(), items, byUser, w.values()));
    }

    /** {@code x / ‖x‖₂} per row (an empty row stays 0). */
    static SDVariable normalized(SameDiff sd, SDVariable in) {
        return in.div(sd.math.sqrt(in.mul(in).sum(true, 1).add(1e-10)));
    }

    /** The weights of the encoder and decoder, as SameDiff variables. */
    private static final class Layers {
        final SDVariable w1;
        final SDVariable b1;
        final SDVariable wMu;
        final SDVariable bMu;
        final SDVariable wVar;
        final SDVariable bVar;
        final SDVariable w3;
        final SDVariable b3;
        final SDVariable w4;
        final SDVariable b4;

        Layers(SameDiff sd, int items, int hidden, int latent) {
            w1 = sd.var("w1", new XavierInitScheme('c', items, hidden), DataType.FLOAT, items, hidden);
            b1 = sd.zero("b1", DataType.FLOAT, 1, hidden);
            wMu = sd.var("wMu", new XavierInitScheme('c', hidden, latent), DataType.FLOAT, hidden, latent);
            bMu = sd.zero("bMu", DataType.FLOAT, 1, latent);
            wVar = sd.var("wVar", new XavierInitScheme('c', hidden, latent), DataType.FLOAT, hidden, latent);
            bVar = sd.zero("bVar", DataType.FLOAT, 1, latent);
            w3 = sd.var("w3", new XavierInitScheme('c', latent, hidden), DataType.FLOAT, latent, hidden);
            b3 = sd.zero("b3", DataType.FLOAT, 1, hidden);
            w4 = sd.var("w4", new XavierInitScheme('c', hidden, items), DataType.FLOAT, hidden, items);
            b4 = sd.zero("b4", DataType.FLOAT, 1, items);
        }

        /** What scoring needs: the encoder to the mean, and the decoder. */
        MultVaeModel.Weights values() {
            return new MultVaeModel.Weights(w1.getArr().dup(), b1.getArr().dup(), wMu.getArr().dup(),
                    bMu.getArr().dup(), w3.getArr().dup(), b3.getArr().dup(), w4.getArr().dup(), b4.getArr().dup());
        }
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        dl.requireAvailable(ID);
        return MultVaeModel.read(in);
    }
}
