package org.recworkbench.data.support;

import java.util.Map;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;

/**
 * The opt-in skip policy for malformed interaction rows, the same in every adapter. By default a bad row fails
 * the load (file, line, column, what was wrong). With {@code skip-bad-rows: true} a malformed row of an
 * interaction file (wrong field count, unparsable or out-of-scale value, broken JSON line) is left out and
 * counted; the dataset's metadata then says how many rows were skipped ({@code skippedRows}) and why the first
 * one was ({@code firstSkipReason}). Errors that concern a whole file (missing, empty, unreadable, wrong
 * header, undecodable bytes, truncated archive) and metadata files still fail the load.
 */
public final class BadRows {
    public static final String OPTION = "skip-bad-rows";

    /** The option every adapter with interaction rows declares. */
    public static ParameterDescriptor option() {
        return ParameterDescriptor.ofBoolean(OPTION, false,
                "skip malformed interaction rows and count them (metadata skippedRows, firstSkipReason) instead of "
                        + "failing the load");
    }

    private final boolean skip;
    private long skipped;
    private String firstReason;

    public BadRows(boolean skip) {
        this.skip = skip;
    }

    public static BadRows of(Parameters p) {
        return new BadRows(p.getBoolean(OPTION));
    }

    public boolean skipping() {
        return skip;
    }

    /** Rethrows the row's error, or counts it when skipping. */
    public void reject(DatasetFormatException e) {
        if (!skip) {
            throw e;
        }
        skipped++;
        if (firstReason == null) {
            firstReason = e.getMessage();
        }
    }

    public long skipped() {
        return skipped;
    }

    /** Adds {@code skippedRows} and {@code firstSkipReason} to the metadata when rows were skipped. */
    public void describe(Map<String, String> metadata) {
        if (skipped > 0) {
            metadata.put("skippedRows", Long.toString(skipped));
            metadata.put("firstSkipReason", firstReason);
        }
    }

    /** The reason to add to a "no interactions" error when every row was skipped. */
    public String allSkippedNote() {
        return skipped == 0 ? "" : " (all " + skipped + " rows were skipped: " + firstReason + ")";
    }
}
