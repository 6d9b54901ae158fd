package org.recworkbench.api.interactive;

/**
 * What a policy does: recommend a slate of items (best first), or, for conversational policies, ask about
 * an attribute value ({@code askAttribute >= 0}, empty slate).
 *
 * @since 1.0
 */
public record Action(int[] slate, int askAttribute) {
    public static Action recommend(int... slate) {
        return new Action(slate, -1);
    }

    public static Action ask(int attribute) {
        return new Action(new int[0], attribute);
    }

    public boolean isQuestion() {
        return askAttribute >= 0;
    }
}
