package org.recworkbench.api.interactive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An interactive decision maker (bandit, RL or conversational policy) serving one arm of one run, created by
 * a {@link PolicyFactory}. Not thread safe: the engine calls {@link #act} and then {@link #observe} for the
 * same observation, one step at a time.
 *
 * @since 2.0
 */
@ConsumerType
public interface Policy {

    Action act(Observation observation);

    /** Learns from the response to the action it just took for this observation. */
    void observe(Observation observation, Action action, Step step);

    /**
     * Writes the learnt state and the random generator's state (for checkpoints).
     *
     * @throws UnsupportedOperationException when this policy cannot be checkpointed
     */
    default void writeState(DataOutput out) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }

    /** Restores what {@link #writeState} wrote, into an instance created with the same parameters. */
    default void readState(DataInput in) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }
}
