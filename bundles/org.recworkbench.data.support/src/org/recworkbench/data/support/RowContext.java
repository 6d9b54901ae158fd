package org.recworkbench.data.support;

import org.recworkbench.api.DatasetFormatException;

/** Where a parser is (file and line), so field errors can name the place. */
public interface RowContext {

    /** An error at the current line; {@code column} is 1-based, 0 when not tied to a field. */
    DatasetFormatException error(int column, String reason);
}
