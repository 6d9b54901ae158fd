package org.recworkbench.data.support;

/**
 * Strict field parsers: each failure names the place (through the {@link RowContext}), the column, what was
 * found and what was expected.
 */
public final class Fields {
    private Fields() {
    }

    /** Splits a line on a literal separator into exactly {@code expected} fields, or fails naming the layout. */
    public static String[] split(RowContext row, String line, String separator, int expected, String layout) {
        int found = 1;
        for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, i + separator.length())) {
            found++;
        }
        if (found != expected) {
            throw row.error(0, "expected " + expected + " fields (" + layout + "), found " + found);
        }
        String[] f = new String[expected];
        int start = 0;
        for (int n = 0; n < expected - 1; n++) {
            int end = line.indexOf(separator, start);
            f[n] = line.substring(start, end);
            start = end + separator.length();
        }
        f[expected - 1] = line.substring(start);
        return f;
    }

    /** A non-empty, trimmed identifier. */
    public static String id(RowContext row, int column, String what, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw row.error(column, "empty " + what);
        }
        return t;
    }

    /** A finite float (NaN and infinities are rejected). */
    public static float finiteFloat(RowContext row, int column, String what, String text) {
        try {
            float v = Float.parseFloat(text.trim());
            if (!Float.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw row.error(column, what + " '" + text + "' is not a finite number");
        }
    }

    /** A finite double (NaN and infinities are rejected). */
    public static double finiteDouble(RowContext row, int column, String what, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw row.error(column, what + " '" + text + "' is not a finite number");
        }
    }

    public static long integer(RowContext row, int column, String what, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw row.error(column, what + " '" + text + "' is not an integer");
        }
    }
}
