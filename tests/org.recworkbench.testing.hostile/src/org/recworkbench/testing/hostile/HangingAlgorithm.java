package org.recworkbench.testing.hostile;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;

/**
 * {@code hang}: a fit that never returns, never checks its monitor and swallows interrupts (sleeping, so it costs
 * no CPU). Only a per-algorithm timeout gets a run past it.
 */
@Component(service = Recommender.class)
public class HangingAlgorithm implements Recommender {

    @Override
    public RecommenderDescriptor descriptor() {
        return new RecommenderDescriptor("hang", "Hang", "test", "hostile test plugin: fit never returns", "",
                List.of(), true, false);
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // hostile on purpose: ignore the request to stop
            }
        }
    }
}
