package org.recworkbench.testing.newalgo;

import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;

/**
 * Popularity among the more recent half of the training interactions. Not part of any product: the
 * hot-swap test installs this bundle from its jar while a run is in progress.
 */
@Component(service = Recommender.class)
public class RecentPopularRecommender implements Recommender {

    @Override
    public RecommenderDescriptor descriptor() {
        return new RecommenderDescriptor("recent-popular", "RecentPopular", "test",
                "Items ranked by interactions at or after the median training timestamp", "", List.of(), true, false);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        long[] times = train.copyTimestamps();
        Arrays.sort(times);
        long median = times.length == 0 ? 0 : times[times.length / 2];
        float[] counts = new float[train.numItems()];
        for (int i = 0; i < train.size(); i++) {
            if (train.timestamp(i) >= median) {
                counts[train.items()[i]]++;
            }
        }
        return Model.nonPersonalized(train.numUsers(), counts);
    }
}
