package org.recworkbench.dl4j.training;

import java.util.Optional;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.RecommenderDescriptor;
import org.recworkbench.dl4j.DeepLearning;

/**
 * What every recommender on DeepLearning4J shares: the runtime it needs (a mandatory DS reference, so that nothing
 * touches ND4J before it is started), its descriptor, and saying why it cannot run here when the runtime cannot
 * start. Subclasses call {@code dl.requireAvailable(id)} first in {@code fit} and when reading a model.
 */
public abstract class NeuralRecommender implements Recommender {
    protected final DeepLearning dl;
    private final RecommenderDescriptor descriptor;

    protected NeuralRecommender(DeepLearning dl, RecommenderDescriptor descriptor) {
        this.dl = dl;
        this.descriptor = descriptor;
    }

    @Override
    public final RecommenderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Optional<String> unavailableReason() {
        return dl.whyUnavailable();
    }
}
