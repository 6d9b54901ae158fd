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
import org.recworkbench.api.data.SparseMatrix;

/**
 * Rel-MF (Saito, Yaginuma, Nishino, Sakata, Nakata; WSDM 2020): pointwise matrix factorization of implicit
 * feedback that treats a click as exposure × relevance ({@code Y = O·R}, {@code P(O=1) = θ}) and minimises an
 * unbiased estimate of the log loss against relevance,
 * {@code Σ_{u,i} (Y/θ)·(−log σ(x̂)) + (1 − Y/θ)·(−log(1 − σ(x̂)))}, whose expectation over the exposure is the
 * loss the true relevance would give. {@code clip} (M in the paper) bounds {@code 1/θ} by using
 * {@code max(θ, M)}; {@code estimator: naive} drops the correction ({@code Y} as the label), the usual
 * pointwise MF that learns exposure along with relevance. Propensities come from item popularity
 * ({@link Propensities}). {@code x̂ = p_u·q_i + b_i}; plain SGD over every user–item pair each epoch (users and
 * items in a fresh seeded order), so the cost is users × items × factors per epoch.
 */
@Component(service = Recommender.class)
public class RelMfRecommender implements Recommender, ModelReader {

    static final String UNBIASED = "unbiased";
    static final String NAIVE = "naive";

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("rel-mf", "Rel-MF", "debias",
            "Matrix factorization with the unbiased (clipped) relevance estimator for missing-not-at-random "
                    + "implicit feedback (top-N)",
            "Y. Saito, S. Yaginuma, Y. Nishino, H. Sakata, K. Nakata. Unbiased recommender learning from "
                    + "missing-not-at-random implicit feedback. WSDM 2020",
            List.of(ParameterDescriptor.ofInt("factors", 32, 1, 1024, "latent dimensions"),
                    ParameterDescriptor.ofInt("epochs", 30, 1, 10_000, "passes over every user-item pair"),
                    ParameterDescriptor.ofDouble("learning-rate", 0.005, 1e-9, 10, "SGD step size"),
                    ParameterDescriptor.ofDouble("regularization", 1e-3, 0, 100, "L2 penalty per update"),
                    ParameterDescriptor.ofEnum("estimator", UNBIASED, List.of(UNBIASED, NAIVE),
                            "unbiased: inverse-propensity corrected loss; naive: clicks as relevance labels"),
                    ParameterDescriptor.ofDouble("clip", 0.1, 0, 1,
                            "lower bound M on propensities (0: the unclipped unbiased estimator)"),
                    ParameterDescriptor.ofDouble("propensity-power", 0.5, 0, 10,
                            "eta of the popularity propensity (n_i / max n)^eta"),
                    ParameterDescriptor.ofLong("max-pairs", 200_000_000L,
                            "refuse data with more user-item pairs than this (each epoch visits all of them)")),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int users = train.numUsers();
        int items = train.numItems();
        long pairs = (long) users * items;
        if (pairs > params.getLong("max-pairs")) {
            throw new RecommenderBuildException("Rel-MF visits every user-item pair each epoch: " + users + " x "
                    + items + " = " + pairs + " pairs is above max-pairs (" + params.getLong("max-pairs") + ")");
        }
        if (train.size() == 0) {
            throw new RecommenderBuildException("Rel-MF needs at least one training interaction");
        }
        int d = params.getInt("factors");
        int epochs = params.getInt("epochs");
        float lr = (float) params.getDouble("learning-rate");
        float reg = (float) params.getDouble("regularization");
        boolean naive = NAIVE.equals(params.getString("estimator"));
        double[] theta = Propensities.fromPopularity(train, params.getDouble("propensity-power"));
        double clip = params.getDouble("clip");
        // label weights of a clicked pair (a, b): loss a·δ1 + b·δ0; unclicked pairs always have (0, 1)
        float[] clickedA = new float[items];
        float[] clickedB = new float[items];
        for (int i = 0; i < items; i++) {
            double[] w = clickedWeights(naive, theta[i], clip);
            clickedA[i] = (float) w[0];
            clickedB[i] = (float) w[1];
        }
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] p = Draws.gaussian(users * d, 0.1, random);
        float[] q = Draws.gaussian(items * d, 0.1, random);
        float[] bias = new float[items];
        int[] userOrder = Draws.identity(users);
        int[] itemOrder = Draws.identity(items);
        boolean[] clicked = new boolean[items];
        SparseMatrix byUser = train.userItems();
        int[] cols = byUser.columns();
        context.monitor().begin("fit rel-mf", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            context.monitor().checkCanceled();
            Draws.shuffle(userOrder, random);
            Draws.shuffle(itemOrder, random);
            for (int u : userOrder) {
                for (int k = byUser.rowStart(u); k < byUser.rowEnd(u); k++) {
                    clicked[cols[k]] = true;
                }
                int pu = u * d;
                for (int i : itemOrder) {
                    float a = clicked[i] ? clickedA[i] : 0f;
                    float b = clicked[i] ? clickedB[i] : 1f;
                    int qi = i * d;
                    float x = FactorModel.dot(p, pu, q, qi, d) + bias[i];
                    float g = (float) gradient(x, a, b);
                    bias[i] -= lr * (g + reg * bias[i]);
                    for (int f = 0; f < d; f++) {
                        float pf = p[pu + f];
                        p[pu + f] -= lr * (g * q[qi + f] + reg * pf);
                        q[qi + f] -= lr * (g * pf + reg * q[qi + f]);
                    }
                }
                for (int k = byUser.rowStart(u); k < byUser.rowEnd(u); k++) {
                    clicked[cols[k]] = false;
                }
            }
            // the corrected loss of a clicked pair, (1/θ)·δ1 + (1 − 1/θ)·δ0, is unbounded below in the score:
            // too large a step or too weak a penalty lets the factors grow without limit
            if (!finite(p) || !finite(q) || !finite(bias)) {
                throw new RecommenderBuildException("Rel-MF diverged in epoch " + (epoch + 1) + " (the unbiased loss "
                        + "is unbounded below): lower learning-rate (" + lr + "), raise regularization (" + reg
                        + ") or clip (" + clip + ")");
            }
            context.monitor().worked(1);
        }
        context.monitor().done();
        return new FactorModel(0f, null, bias, p, q, d, false, context.backend());
    }

    /**
     * Weights {a, b} of the loss {@code a·(−log σ(x)) + b·(−log(1 − σ(x)))} of a clicked pair. Unbiased:
     * {@code a = 1/θ'}, {@code b = 1 − 1/θ'} with {@code θ' = max(θ, clip)}; naive: {1, 0}.
     */
    static double[] clickedWeights(boolean naive, double theta, double clip) {
        if (naive) {
            return new double[] {1, 0};
        }
        double inverse = 1 / Math.max(theta, clip);
        return new double[] {inverse, 1 - inverse};
    }

    /** The pair loss {@code a·(−log σ(x)) + b·(−log(1 − σ(x)))}. */
    static double loss(double x, double a, double b) {
        // −log σ(x) = log(1 + e^−x), −log(1 − σ(x)) = log(1 + e^x), both evaluated without overflow
        return a * softplus(-x) + b * softplus(x);
    }

    /** d loss / dx = {@code (a + b)·σ(x) − a}. */
    static double gradient(double x, double a, double b) {
        double sigma = 1 / (1 + Math.exp(-x));
        return (a + b) * sigma - a;
    }

    private static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    private static boolean finite(float[] v) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Model read(DataInputStream in, ComputeBackend backend) throws IOException {
        return FactorModel.read(in, backend);
    }
}
