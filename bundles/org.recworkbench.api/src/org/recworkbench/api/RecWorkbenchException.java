package org.recworkbench.api;

/**
 * Base of the small exception family that RecWorkbench components throw for domain failures.
 *
 * @since 1.0
 */
public class RecWorkbenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecWorkbenchException(String message) {
        super(message);
    }

    public RecWorkbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
