package org.recworkbench.algo.mf;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/**
 * BPR-MF (Rendle et al. 2009): maximises {@code Σ ln σ(x̂_ui − x̂_uj)} over triples of a user, an item the user
 * interacted with and one the user did not, with {@code x̂_ui = p_u·q_i + b_i}, by SGD with bootstrap sampling
 * (LearnBPR): each epoch draws as many (u, i) pairs uniformly from the training interactions as there are,
 * and a negative j uniformly from the items u has not seen. Single-threaded and seeded. Defaults as in the
 * implicit library: 64 factors, 100 epochs, learning rate 0.01, λ = 0.01.
 */
@Component(service = Recommender.class)
public class BprRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("bpr", "BPR-MF", "mf",
            "Matrix factorization trained on pairwise preferences by Bayesian personalized ranking (top-N)",
            "S. Rendle, C. Freudenthaler, Z. Gantner, L. Schmidt-Thieme. BPR: Bayesian personalized ranking from "
                    + "implicit feedback. UAI 2009",
            SgdSettings.parameters(64, 100, 100_000, "epochs of |train| sampled triples", 0.01, "SGD step size", 0.01,
                    "L2 penalty on the updated terms"),
            true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        SgdSettings settings = SgdSettings.of(params);
        int d = settings.factors();
        int epochs = settings.epochs();
        float lr = settings.learningRate();
        float reg = settings.regularization();
        int numItems = train.numItems();
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] p = Vectors.gaussian(train.numUsers(), d, settings.initStd(), random);
        float[] q = Vectors.gaussian(numItems, d, settings.initStd(), random);
        float[] bi = new float[numItems];
        SparseMatrix byUser = train.userItems();
        int[] cols = byUser.columns();
        int[] rowOf = new int[cols.length]; // the user of each stored (user, item) entry
        for (int u = 0; u < byUser.rows(); u++) {
            Arrays.fill(rowOf, byUser.rowStart(u), byUser.rowEnd(u), u);
        }
        if (cols.length == 0) {
            throw new RecommenderBuildException("BPR needs at least one training interaction");
        }
        float[] diff = new float[d];
        context.monitor().begin("fit bpr", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            context.monitor().checkCanceled();
            for (int s = 0; s < cols.length; s++) {
                int at = random.nextInt(cols.length);
                int u = rowOf[at];
                int i = cols[at];
                int seen = byUser.rowLength(u);
                if (seen >= numItems) {
                    continue; // the user has seen everything: no negative exists
                }
                int j;
                do {
                    j = random.nextInt(numItems);
                } while (Arrays.binarySearch(cols, byUser.rowStart(u), byUser.rowEnd(u), j) >= 0);
                int pu = u * d;
                int qi = i * d;
                int qj = j * d;
                for (int f = 0; f < d; f++) {
                    diff[f] = q[qi + f] - q[qj + f];
                }
                float xuij = Vectors.dot(p, pu, diff, 0, d) + bi[i] - bi[j];
                float g = (float) (1 / (1 + Math.exp(xuij))); // σ(−x̂_uij): the gradient scale of ln σ(x̂_uij)
                bi[i] += lr * (g - reg * bi[i]);
                bi[j] += lr * (-g - reg * bi[j]);
                for (int f = 0; f < d; f++) {
                    float pf = p[pu + f];
                    p[pu + f] += lr * (g * diff[f] - reg * pf);
                    q[qi + f] += lr * (g * pf - reg * q[qi + f]);
                    q[qj + f] += lr * (-g * pf - reg * q[qj + f]);
                }
            }
            context.monitor().worked(1);
        }
        context.monitor().done();
        return new FactorModel(0f, null, bi, p, q, d, false, context.backend());
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        return FactorModel.read(in, backend);
    }
}
