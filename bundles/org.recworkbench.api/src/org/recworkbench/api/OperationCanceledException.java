package org.recworkbench.api;

/**
 * Thrown by long operations that noticed {@link ProgressMonitor#isCanceled()}.
 *
 * @since 1.0
 */
public class OperationCanceledException extends RecWorkbenchException {
    private static final long serialVersionUID = 1L;

    public OperationCanceledException(String message) {
        super(message);
    }
}
