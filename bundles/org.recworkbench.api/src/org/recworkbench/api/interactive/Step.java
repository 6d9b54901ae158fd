package org.recworkbench.api.interactive;

/**
 * The environment's response to one action.
 *
 * @param slotFeedback per slate position, the primary response (1 = clicked, 0 = not; may be fractional)
 * @param rewards the step's rewards in the order of {@link EnvironmentInfo#rewardNames()}; index 0 is the
 *        primary reward (what regret is measured in)
 * @param cost what the action cost (the sum of its items' {@link EnvironmentInfo#itemCosts() costs})
 * @param sessionEnded whether the user left after this step; the next observation is then a new session
 * @param next the next observation (the same user while the session goes on)
 * @since 2.0
 */
public record Step(float[] slotFeedback, double[] rewards, double cost, boolean sessionEnded, Observation next) {

    /** The primary reward. */
    public double reward() {
        return rewards.length == 0 ? 0 : rewards[0];
    }
}
