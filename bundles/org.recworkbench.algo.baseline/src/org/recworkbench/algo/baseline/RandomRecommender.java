package org.recworkbench.algo.baseline;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;

/**
 * Ranks items in a random order per user: the floor every algorithm must clear. The order is a pure
 * function of (seed, user, item), so it is reproducible and needs no state.
 */
@Component(service = Recommender.class)
public class RandomRecommender implements Recommender {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("random", "Random",
            "baseline", "Uniformly random ranking per user (seeded)", "", List.of(), true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        long seed = context.seed();
        int numUsers = train.numUsers();
        int numItems = train.numItems();
        return new Model() {
            @Override
            public int numUsers() {
                return numUsers;
            }

            @Override
            public int numItems() {
                return numItems;
            }

            @Override
            public void scoreAll(int[] users, float[] out) {
                for (int b = 0; b < users.length; b++) {
                    long userSeed = mix(seed ^ (users[b] * 0x9E3779B97F4A7C15L));
                    int base = b * numItems;
                    for (int i = 0; i < numItems; i++) {
                        // top 24 bits → uniform float in [0, 1)
                        out[base + i] = (mix(userSeed + i) >>> 40) * 0x1.0p-24f;
                    }
                }
            }
        };
    }

    /** SplitMix64's finaliser: a bijective, well-mixed hash of a 64-bit value. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
