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
 * Ranks items by how many training interactions they have (the same list for everyone, minus what a user
 * has seen). Strong on popularity-skewed data and the baseline personalised models must beat.
 */
@Component(service = Recommender.class)
public class MostPopularRecommender implements Recommender {

    private static final RecommenderDescriptor DESCRIPTOR = new RecommenderDescriptor("most-popular",
            "MostPopular", "baseline", "Items ranked by number of training interactions; ties by lower index", "",
            List.of(), true, false);

    @Override
    public RecommenderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        int[] counts = train.itemCounts();
        float[] popularity = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            popularity[i] = counts[i];
        }
        return Model.nonPersonalized(train.numUsers(), popularity);
    }
}
