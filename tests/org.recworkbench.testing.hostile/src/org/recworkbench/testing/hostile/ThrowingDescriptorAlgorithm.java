package org.recworkbench.testing.hostile;

import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.data.Interactions;

/** An algorithm whose descriptor cannot be read. */
@Component(service = Recommender.class)
public class ThrowingDescriptorAlgorithm implements Recommender {

    @Override
    public RecommenderDescriptor descriptor() {
        throw new IllegalStateException("hostile test plugin: no descriptor");
    }

    @Override
    public Model fit(TrainingContext context, Interactions train, Parameters params) {
        throw new IllegalStateException("hostile test plugin: never fitted");
    }
}
