package org.recworkbench.data.support;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.recworkbench.api.DatasetFormatException;

/**
 * Delimited files read through OpenCSV with the places a user needs in errors: each row's first line (records may
 * span lines inside quotes), an unterminated quote at the line it opens, undecodable bytes, over-long lines and NUL
 * characters at their line ({@link LineSource}), an empty file or a header without rows refused. Blank lines between
 * rows are skipped and counted. Every adapter that reads CSV goes through here, so they all behave alike.
 */
public final class CsvRows {

    /** Separator, quote character, and whether the first row names the columns. */
    public record Format(char separator, char quote, boolean header) {
        /** Comma-separated, double quotes, with a header: the MovieLens and OBD releases. */
        public static final Format WITH_HEADER = new Format(',', '"', true);
    }

    /** Receives the header (BOM removed, names trimmed) before any row; it may refuse it through {@code at}. */
    @FunctionalInterface
    public interface HeaderHandler {
        void header(String[] names, RowContext at);
    }

    /** Receives one data row and its first line; errors name that line through {@code at}. */
    @FunctionalInterface
    public interface RowHandler {
        void row(String[] fields, long line, RowContext at);
    }

    /** What a read saw: the header (null without one), the data rows, and the blank lines skipped. */
    public record Summary(String[] header, long rows, long blankLines, long firstBlankLine) {
    }

    private CsvRows() {
    }

    /**
     * Reads every row of {@code file}.
     *
     * @param requireRows whether a file without data rows is an error (interaction files), or fine (metadata)
     */
    public static Summary read(Path file, Charset charset, Format format, boolean requireRows, HeaderHandler onHeader,
            RowHandler onRow) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, 0, 0, "missing file");
        }
        long line = 0;
        try (LineSource src = new LineSource(file, charset);
                CSVReader csv = new CSVReaderBuilder(src.reader()).withCSVParser(new CSVParserBuilder()
                        .withSeparator(format.separator()).withQuoteChar(format.quote()).build()).build()) {
            String[] header = null;
            if (format.header()) {
                header = csv.readNext();
                if (header == null) {
                    throw new DatasetFormatException(file, 1, 0, "empty file, expected a header line");
                }
                stripBom(header);
                for (int i = 0; i < header.length; i++) {
                    header[i] = header[i].trim();
                }
                line = csv.getLinesRead();
                if (onHeader != null) {
                    onHeader.header(header, (column, reason) -> new DatasetFormatException(file, 1, column, reason));
                }
            }
            long rows = 0;
            long blank = 0;
            long firstBlank = 0;
            long pending = 0;
            long firstPending = 0;
            for (String[] f; (f = csv.readNext()) != null;) {
                long at = line + 1;
                line = csv.getLinesRead();
                if (f.length == 1 && f[0].isBlank()) {
                    if (pending++ == 0) {
                        firstPending = at;
                    }
                    continue;
                }
                if (pending > 0) { // blank lines at the very end are an editor's, not counted
                    firstBlank = blank == 0 ? firstPending : firstBlank;
                    blank += pending;
                    pending = 0;
                }
                if (rows == 0 && header == null) {
                    stripBom(f);
                }
                rows++;
                onRow.row(f, at, (column, reason) -> new DatasetFormatException(file, at, column, reason));
            }
            if (rows == 0 && requireRows) {
                throw header == null ? new DatasetFormatException(file, 1, 0, "empty file, expected rows")
                        : new DatasetFormatException(file, line + 1, 0, "no rows after the header "
                                + String.join(String.valueOf(format.separator()), header));
            }
            return new Summary(header, rows, blank, firstBlank);
        } catch (CsvMalformedLineException e) {
            throw new DatasetFormatException(file, e.getLineNumber(), 0, "malformed CSV: a quoted field opened on "
                    + "this line is never closed (a stray " + format.quote() + "?)", e);
        } catch (CsvValidationException e) {
            throw new DatasetFormatException(file, e.getLineNumber(), 0, "malformed CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LineSource.readError(file, charset, e, line + 1);
        }
    }

    private static void stripBom(String[] fields) {
        if (fields.length > 0 && !fields[0].isEmpty() && fields[0].charAt(0) == '\uFEFF') {
            fields[0] = fields[0].substring(1);
        }
    }
}
