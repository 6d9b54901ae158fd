package org.recworkbench.algo.debias;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
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

/**
 * MF-IPS (Schnabel, Swaminathan, Singh, Chandak, Joachims; ICML 2016): biased matrix factorization of ratings
 * whose squared error on each observed rating is weighted by the inverse of the propensity of observing it,
 * {@code Σ_{observed} (r − r̂)² / θ'_ui + λ(‖p‖² + ‖q‖² + b²)}, an unbiased estimate of the error over all
 * user–item pairs when ratings are missing not at random. Propensities come from item popularity
 * ({@link Propensities}; {@code θ' = max(θ, clip)}), and the weights are divided by their mean over the
 * training ratings so that the step size means the same as without them ({@code estimator: naive}: all
 * weights 1, i.e. FunkSVD). {@code r̂ = μ + b_u + b_i + p_u·q_i} with μ the weighted mean; SGD over the
 * ratings in a fresh seeded order each epoch.
 */
@Component(service = Recommender.class)
public class MfIpsRecommender implements Recommender, ModelReader {

    static final String IPS = "ips";
    static final String NAIVE = "naive";

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("mf-ips", "MF-IPS", "debias",
            "Biased matrix factorization with inverse-propensity-weighted squared error for missing-not-at-random "
                    + "ratings (rating prediction and top-N)",
            "T. Schnabel, A. Swaminathan, A. Singh, N. Chandak, T. Joachims. Recommendations as treatments: "
                    + "debiasing learning and evaluation. ICML 2016",
            List.of(ParameterDescriptor.ofInt("factors", 20, 1, 1024, "latent dimensions"),
                    ParameterDescriptor.ofInt("epochs", 30, 1, 10_000, "passes over the training ratings"),
                    ParameterDescriptor.ofDouble("learning-rate", 0.005, 1e-9, 10, "SGD step size"),
                    ParameterDescriptor.ofDouble("regularization", 0.02, 0, 100, "L2 penalty per update"),
                    ParameterDescriptor.ofEnum("estimator", IPS, List.of(IPS, NAIVE),
                            "ips: inverse-propensity weighted errors; naive: every rating weighs 1"),
                    ParameterDescriptor.ofDouble("clip", 0.05, 0, 1, "lower bound on propensities"),
                    ParameterDescriptor.ofDouble("propensity-power", 0.5, 0, 10,
                            "eta of the popularity propensity (n_i / max n)^eta")),
            true, true);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int n = train.size();
        if (n == 0) {
            throw new RecommenderBuildException("MF-IPS needs at least one training rating");
        }
        int d = params.getInt("factors");
        int epochs = params.getInt("epochs");
        float lr = (float) params.getDouble("learning-rate");
        float reg = (float) params.getDouble("regularization");
        float[] weights = weights(train, IPS.equals(params.getString("estimator")), params.getDouble("clip"),
                params.getDouble("propensity-power"));
        int[] us = train.users();
        int[] is = train.items();
        float[] rs = train.values();
        double weightedSum = 0;
        for (int k = 0; k < n; k++) {
            weightedSum += weights[k] * rs[k];
        }
        float mean = (float) (weightedSum / n); // weights average 1
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] p = Draws.gaussian(train.numUsers() * d, 0.1, random);
        float[] q = Draws.gaussian(train.numItems() * d, 0.1, random);
        float[] bu = new float[train.numUsers()];
        float[] bi = new float[train.numItems()];
        int[] order = Draws.identity(n);
        context.monitor().begin("fit mf-ips", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            context.monitor().checkCanceled();
            Draws.shuffle(order, random);
            for (int k : order) {
                int u = us[k];
                int i = is[k];
                int pu = u * d;
                int qi = i * d;
                float error = rs[k] - (mean + bu[u] + bi[i] + FactorModel.dot(p, pu, q, qi, d));
                float e = weights[k] * error; // the gradient of the weighted square, halved
                bu[u] += lr * (e - reg * bu[u]);
                bi[i] += lr * (e - reg * bi[i]);
                for (int f = 0; f < d; f++) {
                    float pf = p[pu + f];
                    p[pu + f] += lr * (e * q[qi + f] - reg * pf);
                    q[qi + f] += lr * (e * pf - reg * q[qi + f]);
                }
            }
            context.monitor().worked(1);
        }
        context.monitor().done();
        return new FactorModel(mean, bu, bi, p, q, d, true, context.backend());
    }

    /** Per-rating weights {@code (1/θ'_i)} divided by their mean over the training ratings (1 when naive). */
    static float[] weights(Interactions train, boolean ips, double clip, double power) {
        float[] w = new float[train.size()];
        if (!ips) {
            java.util.Arrays.fill(w, 1f);
            return w;
        }
        double[] theta = Propensities.fromPopularity(train, power);
        int[] is = train.items();
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (1 / Math.max(theta[is[k]], clip));
            sum += w[k];
        }
        float scale = (float) (w.length / sum);
        for (int k = 0; k < w.length; k++) {
            w[k] *= scale;
        }
        return w;
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        return FactorModel.read(in, backend);
    }
}
