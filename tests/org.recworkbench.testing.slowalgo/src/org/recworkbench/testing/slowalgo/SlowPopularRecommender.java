package org.recworkbench.testing.slowalgo;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;

/**
 * Popularity ranking that sleeps on every scoring batch, so a test can act (install, uninstall bundles)
 * while its evaluation is in progress.
 */
@Component(service = Recommender.class)
public class SlowPopularRecommender implements Recommender {

    @Override
    public RecommenderDescriptor descriptor() {
        return new RecommenderDescriptor("slow-popular", "SlowPopular", "test",
                "MostPopular that sleeps on every scoring batch (for hot-swap tests)", "",
                List.of(ParameterDescriptor.ofInt("sleep-ms", 300, 0, 60_000, "sleep per scoring batch")), true,
                false);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int[] counts = train.itemCounts();
        int sleep = params.getInt("sleep-ms");
        return new Model() {
            @Override
            public int numUsers() {
                return train.numUsers();
            }

            @Override
            public int numItems() {
                return counts.length;
            }

            @Override
            public void scoreAll(int[] users, float[] out) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                for (int b = 0; b < users.length; b++) {
                    for (int i = 0; i < counts.length; i++) {
                        out[b * counts.length + i] = counts[i];
                    }
                }
            }
        };
    }
}
