package org.recworkbench.algo.mf;

import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * SVD++ (Koren 2008): biased MF whose user vector is augmented by the implicit feedback of which items the user
 * rated, {@code r̂ = μ + b_u + b_i + q_i · (p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j)}. Trained by SGD user by user (users in
 * a seeded random order, each user's ratings shuffled): the implicit term is computed once per user and the
 * y_j receive that user's accumulated gradient at the end of the user's pass, which turns the naive
 * O(|N(u)|·d) cost per rating into O(d) (the usual "fast" SVD++ schedule; within a user it uses the y_j of the
 * user's start). Defaults as in Surprise's SVDpp: 20 factors, 20 epochs, γ = 0.007, λ = 0.02.
 */
@Component(service = Recommender.class)
public class SvdPlusPlusRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("svd++", "SVD++", "mf",
            "Biased MF with implicit feedback from the set of rated items (rating prediction)",
            "Y. Koren. Factorization meets the neighborhood: a multifaceted collaborative filtering model. KDD 2008",
            SgdSettings.parameters(20, 20, 10_000, "passes over the training ratings", 0.007, "SGD step size γ", 0.02,
                    "L2 penalty λ on every term"),
            true, true);

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
        int numUsers = train.numUsers();
        SplittableRandom random = new SplittableRandom(context.seed());
        double std = s.initStd();
        float[] p = Vectors.gaussian(numUsers, d, std, random);
        float[] q = Vectors.gaussian(train.numItems(), d, std, random);
        float[] y = Vectors.gaussian(train.numItems(), d, std, random);
        float[] bu = new float[numUsers];
        float[] bi = new float[train.numItems()];
        float mu = FunkSvdRecommender.mean(train);
        SparseMatrix byUser = train.userItems();
        int[] cols = byUser.columns();
        float[] vals = byUser.values();
        int[] userOrder = Vectors.shuffled(numUsers, random);
        float[] z = new float[d];
        float[] pz = new float[d];
        float[] acc = new float[d];
        int[] ratingOrder = new int[0];
        context.monitor().begin("fit svd++", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            context.monitor().checkCanceled();
            Vectors.shuffle(userOrder, random);
            for (int u : userOrder) {
                int start = byUser.rowStart(u);
                int n = byUser.rowLength(u);
                if (n == 0) {
                    continue;
                }
                float norm = (float) (1 / Math.sqrt(n));
                implicitTerm(y, cols, start, n, d, norm, z);
                java.util.Arrays.fill(acc, 0f);
                if (ratingOrder.length < n) {
                    ratingOrder = new int[Math.max(n, ratingOrder.length * 2)];
                }
                for (int k = 0; k < n; k++) {
                    ratingOrder[k] = start + k;
                }
                for (int k = n - 1; k > 0; k--) {
                    int j = random.nextInt(k + 1);
                    int t = ratingOrder[k];
                    ratingOrder[k] = ratingOrder[j];
                    ratingOrder[j] = t;
                }
                int pu = u * d;
                for (int k = 0; k < n; k++) {
                    int at = ratingOrder[k];
                    int i = cols[at];
                    int qi = i * d;
                    for (int f = 0; f < d; f++) {
                        pz[f] = p[pu + f] + z[f];
                    }
                    float e = vals[at] - (mu + bu[u] + bi[i] + Vectors.dot(q, qi, pz, 0, d));
                    bu[u] += lr * (e - reg * bu[u]);
                    bi[i] += lr * (e - reg * bi[i]);
                    for (int f = 0; f < d; f++) {
                        float qf = q[qi + f];
                        acc[f] += e * qf;
                        p[pu + f] += lr * (e * qf - reg * p[pu + f]);
                        q[qi + f] += lr * (e * pz[f] - reg * qf);
                    }
                }
                // the user's n per-rating updates of each y_j, applied at once: n decays by (1 - γλ) and the
                // summed gradient step γ |N(u)|^-½ Σ e q_i
                float shrink = (float) Math.pow(1 - lr * reg, n);
                for (int k = 0; k < n; k++) {
                    int yj = cols[start + k] * d;
                    for (int f = 0; f < d; f++) {
                        y[yj + f] = shrink * y[yj + f] + lr * norm * acc[f];
                    }
                }
            }
            context.monitor().worked(1);
        }
        context.monitor().done();
        // fold the implicit term into the user factors once: scoring is then plain biased MF
        float[] effective = p.clone();
        for (int u = 0; u < numUsers; u++) {
            int n = byUser.rowLength(u);
            if (n > 0) {
                implicitTerm(y, cols, byUser.rowStart(u), n, d, (float) (1 / Math.sqrt(n)), z);
                Vectors.axpy(1f, z, 0, effective, u * d, d);
            }
        }
        return new FactorModel(mu, bu, bi, effective, q, d, true, context.backend());
    }

    /** {@code z = norm · Σ y_j} over the user's items. */
    private static void implicitTerm(float[] y, int[] cols, int start, int n, int d, float norm, float[] z) {
        java.util.Arrays.fill(z, 0f);
        for (int k = 0; k < n; k++) {
            Vectors.axpy(1f, y, cols[start + k] * d, z, 0, d);
        }
        for (int f = 0; f < d; f++) {
            z[f] *= norm;
        }
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        return FactorModel.read(in, backend);
    }
}
