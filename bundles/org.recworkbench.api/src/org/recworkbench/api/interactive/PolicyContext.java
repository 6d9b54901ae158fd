package org.recworkbench.api.interactive;

import java.util.Objects;

/**
 * What a policy is created with: the environment's facts, its own seed, and a live view of its arm's budget
 * and horizon.
 *
 * @since 2.0
 */
public record PolicyContext(EnvironmentInfo environment, long seed, Budget budget) {
    public PolicyContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(budget, "budget");
    }
}
