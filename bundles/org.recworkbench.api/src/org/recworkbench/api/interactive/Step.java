package org.recworkbench.api.interactive;

import java.util.Map;

/**
 * The environment's response to one action: per-slot feedback (e.g. clicks), a vector of named rewards
 * (click, watch time, revenue, …), the cost of the action, the next observation and whether the episode
 * ended.
 *
 * @since 1.0
 */
public record Step(Observation next, float[] slotFeedback, Map<String, Double> rewards, double cost,
        boolean done) {
    public Step {
        rewards = Map.copyOf(rewards);
    }
}
