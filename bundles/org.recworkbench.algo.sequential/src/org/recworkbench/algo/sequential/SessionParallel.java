package org.recworkbench.algo.sequential;

import java.util.Arrays;
import org.recworkbench.algo.support.Sequences;

/**
 * GRU4Rec's session-parallel mini-batches (Hidasi et al. 2016, Fig. 2) over one epoch: {@code slots} sessions run
 * side by side, each step feeds every slot's current item and asks for its next; when a session has no next item
 * left, the next session in the epoch's order takes the slot (and the slot's hidden state is reset). As in the
 * reference implementation, the epoch ends at the first step at which a finished session has no successor, so the
 * unread tails of the other running sessions are skipped in that epoch (a different few in every shuffled epoch).
 * Here a session is a user's time-ordered training sequence.
 */
final class SessionParallel {
    private final Sequences sequences;
    private final int[] order;
    private final int[] user;
    private final int[] position;
    private int nextSession;
    private boolean over;
    /** Each slot's current item, filled by {@link #next}. */
    final int[] input;
    /** Each slot's next item. */
    final int[] target;
    /** Whether the slot starts a new session at this step. */
    final boolean[] reset;

    /**
     * @param order the sessions (users with at least two items) in this epoch's order
     * @param slots parallel sessions, at most {@code order.length}
     */
    SessionParallel(Sequences sequences, int[] order, int slots) {
        if (slots > order.length) {
            throw new IllegalArgumentException(slots + " slots for " + order.length + " sessions");
        }
        this.sequences = sequences;
        this.order = order;
        this.user = new int[slots];
        this.position = new int[slots];
        this.input = new int[slots];
        this.target = new int[slots];
        this.reset = new boolean[slots];
        Arrays.fill(user, -1);
    }

    /** The number of steps {@link #next} gives for this order, without training (a dry run over the order). */
    static int steps(Sequences sequences, int[] order, int slots) {
        SessionParallel dry = new SessionParallel(sequences, order, slots);
        int n = 0;
        while (dry.next()) {
            n++;
        }
        return n;
    }

    /** Moves to the next step; false when the epoch is over. */
    boolean next() {
        if (over) {
            return false;
        }
        for (int s = 0; s < user.length; s++) {
            reset[s] = false;
            if (user[s] < 0 || position[s] + 1 >= sequences.length(user[s])) {
                if (nextSession == order.length) {
                    over = true;
                    return false;
                }
                user[s] = order[nextSession++];
                position[s] = 0;
                reset[s] = true;
            }
            input[s] = sequences.item(user[s], position[s]);
            target[s] = sequences.item(user[s], position[s] + 1);
            position[s]++;
        }
        return true;
    }
}
