package org.recworkbench.api.interactive;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live view of an arm's resources, kept by the engine: the total cost it may spend and how much it has
 * spent, and the number of steps it is expected to serve and has served. The engine never lets an action
 * cost more than what is left (it recommends nothing instead and counts the step as blocked).
 *
 * @since 2.0
 */
@ProviderType
public interface Budget {

    /** No limit on cost, horizon unknown. */
    Budget UNLIMITED = new Budget() {
        @Override
        public double total() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double spent() {
            return 0;
        }

        @Override
        public long horizon() {
            return Long.MAX_VALUE;
        }

        @Override
        public long steps() {
            return 0;
        }
    };

    double total();

    double spent();

    /** The number of steps the arm is expected to serve in the whole run. */
    long horizon();

    /** The number of steps served so far. */
    long steps();

    default double remaining() {
        return Math.max(0, total() - spent());
    }

    default long stepsLeft() {
        return Math.max(0, horizon() - steps());
    }
}
