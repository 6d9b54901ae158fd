package org.recworkbench.api.interactive;

/**
 * What a policy sees before acting: the user being served, the user's context features (length
 * {@link EnvironmentInfo#contextDimension()}, may be empty), the items it may recommend now (best treated as
 * read-only; environments may share one array between steps), and the step number within the user's session
 * (0 at the session's first step).
 *
 * @since 2.0
 */
public record Observation(int user, float[] context, int[] candidates, int sessionStep) {
}
