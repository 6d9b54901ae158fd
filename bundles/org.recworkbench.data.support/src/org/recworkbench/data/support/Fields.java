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

    /** The longest id any supported format has is under 100 characters; beyond this a line is corrupted. */
    public static final int MAX_ID_CHARS = 1_000;

    /**
     * A non-empty, trimmed identifier of at most {@link #MAX_ID_CHARS} characters without control characters (a
     * longer one, or one holding control bytes, comes from a corrupted or binary file, not from a dataset).
     */
    public static String id(RowContext row, int column, String what, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw row.error(column, "empty " + what);
        }
        if (t.length() > MAX_ID_CHARS) {
            throw row.error(column, what + " is " + String.format(java.util.Locale.ROOT, "%,d", t.length())
                    + " characters long (starting '" + printable(t.substring(0, 20)) + "…'): a corrupted line? Ids "
                    + "are at most " + MAX_ID_CHARS + " characters");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c)) {
                throw row.error(column, what + " '" + printable(t) + "' holds the control character U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ": a corrupted or binary file?");
            }
        }
        return t;
    }

    /**
     * A numeric identifier as formats with integer ids write them (MovieLens, Netflix, Jester, HetRec): 1 to 10
     * decimal digits, at most {@code max}. Returned as written (trimmed), so zero-padded ids stay distinct.
     */
    public static String numericId(RowContext row, int column, String what, String text, long max) {
        String t = id(row, column, what, text);
        boolean digits = t.length() <= 18;
        for (int i = 0; i < t.length() && digits; i++) {
            digits = t.charAt(i) >= '0' && t.charAt(i) <= '9';
        }
        if (!digits) {
            throw row.error(column, what + " '" + printable(t) + "' is not a number: this format's ids are "
                    + "non-negative integers");
        }
        if (Long.parseLong(t) > max) {
            throw row.error(column, what + " " + t + " is beyond the format's range (at most " + max + ")");
        }
        return t;
    }

    /** The text with control characters shown as Java escapes and cut to 40 characters, for messages. */
    static String printable(String t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length() && sb.length() < 40; i++) {
            char c = t.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) c) : c);
        }
        return sb.length() < t.length() ? sb + "…" : sb.toString();
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
