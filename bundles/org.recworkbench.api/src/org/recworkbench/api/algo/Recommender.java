package org.recworkbench.api.algo;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.data.Interactions;

/**
 * An algorithm, registered as an OSGi service (one service per algorithm). Stateless: every
 * {@link #fit} returns a new, independent model.
 *
 * @since 1.0
 */
@ConsumerType
public interface Recommender {

    RecommenderDescriptor descriptor();

    /**
     * Trains a model.
     *
     * @param params values validated against {@link RecommenderDescriptor#parameters()}
     * @throws RecommenderBuildException when this algorithm cannot be trained on these data
     * @throws org.recworkbench.api.OperationCanceledException when the monitor was canceled
     */
    Model fit(TrainingContext context, Interactions train, Parameters params);

    /**
     * Why this algorithm cannot train here (e.g. its native libraries did not load), or empty when it can. Listings
     * show the reason next to the algorithm; a run that names it fails that algorithm with the reason and goes on.
     * May do the expensive check on first call and remember it.
     *
     * @since 1.3
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }
}
