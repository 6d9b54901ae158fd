package org.recworkbench.algo.baseline;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.algo.support.Baselines;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;

/**
 * Rating predictors from means: the damped user–item bias baseline {@code r̂ = μ + b_u + b_i} (Koren 2010,
 * computed by {@link Baselines}), and its special cases the global, item and user means.
 * For top-N ranking the score is the prediction, so within a user items rank by their bias.
 */
@Component(service = Recommender.class)
public class BiasRecommender implements Recommender, ModelReader {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("bias", "Bias", "baseline",
            "Damped user and item biases around the global mean (rating prediction; global, item and user means "
                    + "as special cases)",
            "Y. Koren. Factor in the neighbors: scalable and accurate collaborative filtering. ACM TKDD 4(1), 2010",
            List.of(ParameterDescriptor.ofDouble("item-damping", 25, 0, 1e6,
                            "λ_i: shrinks item biases of rarely rated items towards 0 (Koren's λ2 = 25)"),
                    ParameterDescriptor.ofDouble("user-damping", 10, 0, 1e6,
                            "λ_u: shrinks user biases of light users towards 0 (Koren's λ3 = 10)"),
                    ParameterDescriptor.ofEnum("terms", "user-item", List.of("global", "item", "user", "user-item"),
                            "which biases to add to the global mean")),
            true, true);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        String terms = params.getString("terms");
        Baselines b = Baselines.fit(train, params.getDouble("item-damping"), params.getDouble("user-damping"),
                terms.equals("item") || terms.equals("user-item"), terms.equals("user") || terms.equals("user-item"));
        return new BiasModel(b.mean(), b.userBias(), b.itemBias());
    }

    @Override
    public Model read(java.io.DataInputStream in, org.recworkbench.api.compute.ComputeBackend backend)
            throws java.io.IOException {
        float mean = in.readFloat();
        float[] userBias = new float[in.readInt()];
        for (int u = 0; u < userBias.length; u++) {
            userBias[u] = in.readFloat();
        }
        float[] itemBias = new float[in.readInt()];
        for (int i = 0; i < itemBias.length; i++) {
            itemBias[i] = in.readFloat();
        }
        return new BiasModel(mean, userBias, itemBias);
    }

    /** μ + b_u + b_i. */
    record BiasModel(float mean, float[] userBias, float[] itemBias) implements PersistentModel {
        @Override
        public void write(java.io.DataOutputStream out) throws java.io.IOException {
            out.writeFloat(mean);
            out.writeInt(userBias.length);
            for (float b : userBias) {
                out.writeFloat(b);
            }
            out.writeInt(itemBias.length);
            for (float b : itemBias) {
                out.writeFloat(b);
            }
        }

        @Override
        public int numUsers() {
            return userBias.length;
        }

        @Override
        public int numItems() {
            return itemBias.length;
        }

        @Override
        public void scoreAll(int[] users, float[] out) {
            int n = itemBias.length;
            for (int b = 0; b < users.length; b++) {
                float base = mean + userBias[users[b]];
                for (int i = 0; i < n; i++) {
                    out[b * n + i] = base + itemBias[i];
                }
            }
        }

        @Override
        public boolean predictsRatings() {
            return true;
        }

        @Override
        public float predict(int user, int item) {
            return mean + userBias[user] + itemBias[item];
        }
    }
}
