package org.recworkbench.core.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recworkbench.api.InvalidSpecException;

/** Durations as spec files write them: {@code 90} (seconds), {@code 90s}, {@code 500ms}, {@code 1.5m}, {@code 2h}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * The positive duration {@code text} names, or null when it is null or blank.
     *
     * @throws InvalidSpecException naming {@code field} when the text is not a positive duration
     */
    public static Duration parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidSpecException(field, "got '" + text + "', expected a duration such as 90s, 10m or 2h");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = amount * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        if (!(millis >= 1) || millis > 365.0 * 24 * 3_600_000) {
            throw new InvalidSpecException(field, "got '" + text + "', expected a duration from 1 ms to a year");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** A duration as people read it: {@code 500 ms}, {@code 90 s}, {@code 10 min}, {@code 2 h}. */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 120_000 || ms % 60_000 != 0) {
            return (ms % 1_000 == 0 ? Long.toString(ms / 1_000) : String.format(Locale.ROOT, "%.1f", ms / 1e3))
                    + " s";
        }
        return ms % 3_600_000 == 0 ? ms / 3_600_000 + " h" : ms / 60_000 + " min";
    }
}
