package org.recworkbench.api.interactive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One simulated world with its users, created by a {@link Simulator} for one run. Not thread safe. Its random
 * draws come from its own seeded generator, so a run is reproducible from its seed.
 *
 * @since 2.0
 */
@ConsumerType
public interface Environment {

    EnvironmentInfo info();

    /** The first observation (a user arriving). Called once, before the first {@link #step}. */
    Observation start();

    /** Applies an action to the current observation; the returned step holds the next one. */
    Step step(Action action);

    /**
     * The oracle: the expected primary reward of an action for the current observation, computed from the
     * simulator's true parameters without drawing anything (so asking does not change the run).
     */
    double expectedReward(Action action);

    /** The action with the highest expected primary reward now (for regret), without drawing anything. */
    Action bestAction();

    /**
     * Writes everything needed to continue this exact run later (for checkpoints).
     *
     * @throws UnsupportedOperationException when this environment cannot be checkpointed
     */
    default void writeState(DataOutput out) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }

    /** Restores what {@link #writeState} wrote, into an instance created with the same parameters. */
    default void readState(DataInput in) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }
}
