package org.recworkbench.api.interactive;

/**
 * What a policy does in one step: recommend a slate of items (best first), recommend nothing (an empty slate:
 * costs nothing and earns nothing, which is how budget-constrained policies save budget), or, for
 * conversational policies, ask about an attribute ({@code askAttribute >= 0}, empty slate).
 *
 * <p>The slate array is owned by the action: policies must not modify it after returning it.
 *
 * @since 2.0
 */
public record Action(int[] slate, int askAttribute) {

    private static final Action SKIP = new Action(new int[0], -1);

    public static Action recommend(int... slate) {
        return new Action(slate, -1);
    }

    /** Recommends nothing this step. */
    public static Action skip() {
        return SKIP;
    }

    public static Action ask(int attribute) {
        return new Action(new int[0], attribute);
    }

    public boolean isQuestion() {
        return askAttribute >= 0;
    }

    public boolean isSkip() {
        return slate.length == 0 && askAttribute < 0;
    }
}
