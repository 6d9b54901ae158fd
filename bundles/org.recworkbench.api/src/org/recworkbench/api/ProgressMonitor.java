package org.recworkbench.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives progress of a long operation and tells it whether to stop. Implementations must be thread
 * safe: parallel workers report {@link #worked(long)} concurrently.
 *
 * @since 1.0
 */
@ConsumerType
public interface ProgressMonitor {

    /** A monitor that ignores progress and is never canceled. */
    ProgressMonitor NONE = new ProgressMonitor() {
    };

    /**
     * Starts a task; {@code totalWork} is {@code -1} when unknown. Every method does nothing (and
     * {@link #isCanceled} answers false) unless overridden (since 1.2), so a monitor that wants only reports or
     * only cancellation says just that.
     */
    default void begin(String task, long totalWork) {
    }

    default void worked(long work) {
    }

    default void done() {
    }

    default boolean isCanceled() {
        return false;
    }

    /**
     * A value measured while the task runs, such as the training loss after each epoch ({@code step} = the epoch,
     * from 1): progress bars show the latest, live views may plot the series. Ignored unless overridden.
     *
     * @since 1.1
     */
    default void report(String name, long step, double value) {
    }

    /** Throws {@link OperationCanceledException} when the user asked to stop. */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new OperationCanceledException("operation canceled");
        }
    }
}
