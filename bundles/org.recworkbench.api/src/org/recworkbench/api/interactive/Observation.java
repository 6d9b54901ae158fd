package org.recworkbench.api.interactive;

/**
 * What a policy sees before acting: the current user, a context vector (may be empty), and the step
 * number within the episode.
 *
 * @since 1.0
 */
public record Observation(int user, float[] context, int step) {
}
