package org.recworkbench.algo.mf;

import java.util.List;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;

/**
 * Biased matrix factorization trained by stochastic gradient descent over the ratings in a seeded random order
 * each epoch ("FunkSVD" as formalised by Koren, Bell and Volinsky 2009): {@code r̂ = μ + b_u + b_i + p_u·q_i},
 * minimising squared error with L2 penalty λ on every term. Defaults are those of the paper's setting as used by
 * Surprise's SVD: 100 factors, 20 epochs, γ = 0.005, λ = 0.02, factors from N(0, 0.1²). Single-threaded, so a
 * seed gives the same model on every machine.
 */
@Component(service = Recommender.class)
public class FunkSvdRecommender implements Recommender, ModelReader {

    static final List<ParameterDescriptor> SGD_PARAMETERS = SgdSettings.parameters(100, 20, 10_000,
            "passes over the training ratings", 0.005, "SGD step size γ", 0.02, "L2 penalty λ on biases and factors");

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("funk-svd",
            "Biased MF (FunkSVD)", "mf",
            "Biased matrix factorization r = mu + b_u + b_i + p_u.q_i trained by SGD on the ratings",
            "Y. Koren, R. Bell, C. Volinsky. Matrix factorization techniques for recommender systems. "
                    + "IEEE Computer 42(8), 2009; S. Funk, Netflix Update: Try This at Home, 2006",
            SGD_PARAMETERS, true, true);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        SgdSettings s = SgdSettings.of(params);
        int d = s.factors();
        int epochs = s.epochs();
        float lr = s.learningRate();
        float reg = s.regularization();
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] p = Vectors.gaussian(train.numUsers(), d, s.initStd(), random);
        float[] q = Vectors.gaussian(train.numItems(), d, s.initStd(), random);
        float[] bu = new float[train.numUsers()];
        float[] bi = new float[train.numItems()];
        float mu = mean(train);
        int[] users = train.users();
        int[] items = train.items();
        float[] values = train.values();
        int[] order = Vectors.shuffled(train.size(), random);
        context.monitor().begin("fit funk-svd", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            context.monitor().checkCanceled();
            Vectors.shuffle(order, random);
            for (int k : order) {
                int u = users[k];
                int i = items[k];
                int pu = u * d;
                int qi = i * d;
                float e = values[k] - (mu + bu[u] + bi[i] + Vectors.dot(p, pu, q, qi, d));
                bu[u] += lr * (e - reg * bu[u]);
                bi[i] += lr * (e - reg * bi[i]);
                for (int f = 0; f < d; f++) {
                    float pf = p[pu + f];
                    float qf = q[qi + f];
                    p[pu + f] += lr * (e * qf - reg * pf);
                    q[qi + f] += lr * (e * pf - reg * qf);
                }
            }
            context.monitor().worked(1);
        }
        context.monitor().done();
        return new FactorModel(mu, bu, bi, p, q, d, true, context.backend());
    }

    static float mean(Interactions train) {
        double s = 0;
        for (float v : train.values()) {
            s += v;
        }
        return train.size() == 0 ? 0f : (float) (s / train.size());
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        return FactorModel.read(in, backend);
    }
}
