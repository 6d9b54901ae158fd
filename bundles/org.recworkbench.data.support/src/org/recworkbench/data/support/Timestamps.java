package org.recworkbench.data.support;

import java.time.Instant;

/**
 * Checks the timestamps of one dataset as rows are read, so that a value the data model cannot hold fails at its
 * line: timestamps are seconds since 1970 and must not be negative, and the interaction columns store them as 32-bit
 * offsets, so all of a dataset's timestamps must lie within 2^31 seconds (68 years) of each other. A value far in
 * the future is most likely milliseconds read as seconds; the error says so. Not thread safe (one per load).
 */
public final class Timestamps {
    /** Seconds beyond this (the year 5138) are certainly not seconds: they look like milliseconds. */
    private static final long LOOKS_LIKE_MILLIS = 100_000_000_000L;

    /** 9999-12-31T23:59:59Z. */
    private static final long LAST_SECOND = 253_402_300_799L;

    private final String millisHint;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /**
     * @param millisHint what to tell a user whose timestamps look like milliseconds (e.g. "set timestamp-format:
     *     epoch-millis"), or null where the format fixes the unit
     */
    public Timestamps(String millisHint) {
        this.millisHint = millisHint;
    }

    /** Whether {@code seconds} lies within the range already seen (the common case: nothing to check or record). */
    public boolean seen(long seconds) {
        return seconds >= min && seconds <= max;
    }

    /** Returns {@code seconds} after checking it against the rows seen so far. */
    public long check(RowContext row, int column, long seconds) {
        if (seconds >= min && seconds <= max) {
            return seconds;
        }
        if (seconds < 0) {
            throw row.error(column, "timestamp " + seconds + " is negative: expected seconds since 1970-01-01");
        }
        if (seconds > LAST_SECOND) {
            throw row.error(column, "timestamp " + seconds + " is after the year 9999 as seconds since 1970; it "
                    + "looks like milliseconds read as seconds" + (millisHint == null ? "" : ": " + millisHint));
        }
        long newMin = Math.min(min, seconds);
        long newMax = Math.max(max, seconds);
        if (newMax - newMin > Integer.MAX_VALUE) {
            String hint = seconds >= LOOKS_LIKE_MILLIS || newMax >= LOOKS_LIKE_MILLIS
                    ? "; it looks like milliseconds read as seconds" + (millisHint == null ? "" : ": " + millisHint)
                    : "";
            throw row.error(column, "timestamp " + seconds + " (" + date(seconds) + ") is more than 2^31 seconds (68 "
                    + "years) from the others (" + date(newMin) + " to " + date(newMax) + "): a dataset's timestamps "
                    + "must lie within 68 years of each other" + hint);
        }
        min = newMin;
        max = newMax;
        return seconds;
    }

    private static String date(long seconds) {
        return Instant.ofEpochSecond(seconds).toString().substring(0, 10);
    }
}
