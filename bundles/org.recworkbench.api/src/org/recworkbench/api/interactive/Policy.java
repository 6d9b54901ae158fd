package org.recworkbench.api.interactive;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An interactive decision maker (bandit, RL or conversational). Policies are the unit of hot swap: the
 * engine holds them through dynamic references.
 *
 * @since 1.0
 */
@ConsumerType
public interface Policy {

    String id();

    String description();

    Action act(Observation observation);

    /** Learns from the response to its last action. */
    void observe(Observation observation, Action action, Step step);
}
