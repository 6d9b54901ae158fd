package org.recworkbench.api;

/**
 * An experiment specification or a parameter value that does not fit its schema. The message names the
 * offending field and says what is allowed.
 *
 * @since 1.0
 */
public class InvalidSpecException extends RecWorkbenchException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSpecException(String field, String message) {
        super(field == null || field.isEmpty() ? message : "'" + field + "': " + message);
        this.field = field;
    }

    public InvalidSpecException(String field, String message, Throwable cause) {
        super(field == null || field.isEmpty() ? message : "'" + field + "': " + message, cause);
        this.field = field;
    }

    /** The dotted path of the offending field, e.g. {@code algorithms[2].params.neighbors}. */
    public String field() {
        return field;
    }
}
