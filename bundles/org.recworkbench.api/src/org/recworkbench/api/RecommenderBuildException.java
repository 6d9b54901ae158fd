package org.recworkbench.api;

/**
 * Training a model failed (bad data for this algorithm, numerical trouble, missing capability).
 *
 * @since 1.0
 */
public class RecommenderBuildException extends RecWorkbenchException {
    private static final long serialVersionUID = 1L;

    public RecommenderBuildException(String message) {
        super(message);
    }

    public RecommenderBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
