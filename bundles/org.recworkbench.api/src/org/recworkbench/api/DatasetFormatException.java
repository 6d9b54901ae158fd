package org.recworkbench.api;

import java.nio.file.Path;

/**
 * Malformed dataset input. Carries the file and the 1-based line (and column where it applies) so that
 * the user can go straight to the offending place.
 *
 * @since 1.0
 */
public class DatasetFormatException extends RecWorkbenchException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int column;

    /**
     * @param file the file being read
     * @param line 1-based line number, or 0 when the problem is not tied to a line
     * @param column 1-based column (field) number, or 0 when not applicable
     * @param reason what was found and what was expected
     */
    public DatasetFormatException(Path file, long line, int column, String reason) {
        this(file, line, column, reason, null);
    }

    public DatasetFormatException(Path file, long line, int column, String reason, Throwable cause) {
        super(location(file, line, column) + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public DatasetFormatException(Path file, long line, String reason) {
        this(file, line, 0, reason, null);
    }

    private static String location(Path file, long line, int column) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (column > 0) {
            sb.append(" (column ").append(column).append(')');
        }
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }
}
