package org.recworkbench.api.algo;

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
}
