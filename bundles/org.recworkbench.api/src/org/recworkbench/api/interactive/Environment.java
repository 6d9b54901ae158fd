package org.recworkbench.api.interactive;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A user simulator. Not thread safe: one episode at a time per instance.
 *
 * @since 1.0
 */
@ConsumerType
public interface Environment {

    String id();

    String description();

    int numItems();

    /** Starts a new episode. */
    Observation reset(long seed);

    Step step(Action action);
}
