package org.recworkbench.data.csv;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.ParameterType;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.BadRows;
import org.recworkbench.data.support.CsvRows;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.RowContext;
import org.recworkbench.data.support.Timestamps;

/**
 * Any delimited interaction file, parsed with OpenCSV: columns are mapped by header name or by 1-based
 * index; delimiter, quote character, header presence, encoding, timestamp format and rating scale are
 * options, the same in spec files and on the command line ({@code recwb describe csv -O path=... -O user=2}).
 * Malformed rows fail the load with file, line and column, unless {@code skip-bad-rows} is set: then they are
 * skipped and counted in the metadata ({@code skippedRows}, and {@code firstSkipReason}).
 */
@Component(service = DatasetAdapter.class)
public class CsvAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "the delimited file (gzip transparent)"),
            ParameterDescriptor.ofString("delimiter", ",", "field separator: one character, or 'tab'"),
            ParameterDescriptor.ofString("quote", "\"", "quote character"),
            ParameterDescriptor.ofBoolean("header", true, "whether the first line names the columns"),
            ParameterDescriptor.ofString("user", "user", "user column: header name or 1-based index"),
            ParameterDescriptor.ofString("item", "item", "item column: header name or 1-based index"),
            ParameterDescriptor.ofString("rating", null, "rating column (none: implicit feedback, value 1)"),
            ParameterDescriptor.ofString("timestamp", null, "timestamp column (none: 0)"),
            ParameterDescriptor.ofString("timestamp-format", "epoch-seconds",
                    "epoch-seconds, epoch-millis, or a java.time pattern such as yyyy-MM-dd HH:mm:ss (UTC)"),
            ParameterDescriptor.ofString("encoding", "UTF-8", "character encoding, e.g. ISO-8859-1"),
            new ParameterDescriptor("rating-min", ParameterType.DOUBLE, null, -1e12, 1e12, null,
                    "lowest valid rating (none: no check)"),
            new ParameterDescriptor("rating-max", ParameterType.DOUBLE, null, -1e12, 1e12, null,
                    "highest valid rating (none: no check)"),
            BadRows.option());

    /** The validated reading settings. */
    private record Settings(Path file, char delimiter, char quote, boolean header, String user, String item,
            String rating, String timestamp, String timeFormat, Charset charset, double min, double max,
            BadRows bad) {
    }

    public CsvAdapter() {
        super("csv",
                "Generic delimited file with a column mapping (OpenCSV)",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Settings s = settings(Parameters.validate("dataset.options", OPTIONS, options));
        IdIndex.Builder users = new IdIndex.Builder(1024);
        IdIndex.Builder items = new IdIndex.Builder(1024);
        InteractionsBuilder x = new InteractionsBuilder(1 << 16);
        DateTimeFormatter pattern = s.timeFormat().startsWith("epoch-") ? null
                : DateTimeFormatter.ofPattern(s.timeFormat());
        BadRows bad = s.bad();
        LoadWarnings warnings = new LoadWarnings();
        Timestamps timestamps = new Timestamps("epoch-seconds".equals(s.timeFormat())
                ? "set timestamp-format: epoch-millis" : null);
        int[] cols = new int[4];
        if (!s.header()) {
            resolve(s, null, cols); // by index; with a header, once it is read
        }
        monitor.begin("load " + s.file(), -1);
        CsvRows.Summary summary = CsvRows.read(s.file(), s.charset(), new CsvRows.Format(s.delimiter(), s.quote(),
                s.header()), false, (header, at) -> resolve(s, header, cols), (f, line, row) -> {
                    try {
                        int needed = Math.max(Math.max(cols[0], cols[1]), Math.max(cols[2], cols[3])) + 1;
                        if (f.length < needed) {
                            throw row.error(0, "expected at least " + needed + " fields, found " + f.length);
                        }
                        String user = Fields.id(row, cols[0] + 1, "user id", f[cols[0]]);
                        String item = Fields.id(row, cols[1] + 1, "item id", f[cols[1]]);
                        float value = 1f;
                        if (cols[2] >= 0) {
                            value = Fields.finiteFloat(row, cols[2] + 1, "rating", f[cols[2]]);
                            if (value < s.min() || value > s.max()) {
                                throw row.error(cols[2] + 1, "rating " + f[cols[2]] + " is outside the scale "
                                        + s.min() + "-" + s.max());
                            }
                        }
                        long time = cols[3] < 0 ? 0 : timestamps.check(row, cols[3] + 1, time(row, cols[3] + 1,
                                f[cols[3]], s.timeFormat(), pattern));
                        warnings.rows().add(x.size(), s.file(), line);
                        x.add(users.intern(user), items.intern(item), value, time);
                    } catch (DatasetFormatException e) {
                        bad.reject(e);
                    }
                });
        monitor.done();
        if (x.size() == 0) {
            throw new DatasetFormatException(s.file(), summary.rows() == 0 ? (s.header() ? 2 : 1) : 0, 0,
                    (summary.rows() == 0 ? (s.header() ? "no rows after the header" : "empty file") : "no interactions")
                            + bad.allSkippedNote());
        }
        warnings.blankLines(s.file(), summary.blankLines(), summary.firstBlankLine());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, s.file().toString());
        meta.put(Dataset.FEEDBACK, s.rating() == null ? "implicit" : "explicit");
        if (Double.isFinite(s.min()) && Double.isFinite(s.max())) {
            meta.put("ratingScale", s.min() + "-" + s.max());
        }
        bad.describe(meta);
        String name = s.file().getFileName().toString();
        Interactions built = x.build(users.size(), items.size());
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        warnings.describe(built, builtUsers, builtItems, meta.getOrDefault("ratingScale", "implicit"), meta);
        return new Dataset(name, builtUsers, builtItems, built, null, null, meta);
    }

    /** The user, item, rating and timestamp columns (-1 for an absent optional one), from the header if any. */
    private static void resolve(Settings s, String[] header, int[] cols) {
        cols[0] = column(s, s.user(), header, "user", true);
        cols[1] = column(s, s.item(), header, "item", true);
        cols[2] = column(s, s.rating(), header, "rating", false);
        cols[3] = column(s, s.timestamp(), header, "timestamp", false);
    }

    private static long time(RowContext row, int column, String text, String format, DateTimeFormatter pattern) {
        String t = text.trim();
        try {
            return switch (format) {
                case "epoch-seconds" -> Long.parseLong(t);
                case "epoch-millis" -> Long.parseLong(t) / 1000;
                default -> {
                    try {
                        yield OffsetDateTime.parse(t, pattern).toEpochSecond();
                    } catch (DateTimeParseException zoneless) {
                        yield LocalDateTime.parse(t, pattern).toEpochSecond(ZoneOffset.UTC);
                    }
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw row.error(column, "timestamp '" + text + "' does not match " + format);
        }
    }

    /** A column given by header name or 1-based index; -1 when absent and optional. */
    private static int column(Settings s, String spec, String[] header, String what, boolean required) {
        if (spec == null || spec.isBlank()) {
            if (required) {
                throw new InvalidSpecException("dataset.options." + what, "is required: a column name or index");
            }
            return -1;
        }
        String t = spec.trim();
        if (t.matches("\\d+")) {
            int index = Integer.parseInt(t);
            if (index < 1 || (header != null && index > header.length)) {
                throw new InvalidSpecException("dataset.options." + what, "column index " + index
                        + " is out of range" + (header == null ? "" : " 1.." + header.length + " of the header of "
                                + s.file() + " (line 1)"));
            }
            return index - 1;
        }
        if (header == null) {
            throw new InvalidSpecException("dataset.options." + what, "'" + t
                    + "' is a column name but the file has no header (header: false): give a 1-based index");
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(t)) {
                return i;
            }
        }
        throw new InvalidSpecException("dataset.options." + what, "no column '" + t + "' in the header of "
                + s.file() + " (line 1), which has " + String.join(", ", header));
    }

    private static Settings settings(Parameters p) {
        String path = p.getString("path");
        if (path == null || path.isBlank()) {
            throw new InvalidSpecException("dataset.options.path", "is required: the delimited file");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new InvalidSpecException("dataset.options.path", "not a file: " + file.toAbsolutePath());
        }
        String d = p.getString("delimiter");
        char delimiter = "tab".equalsIgnoreCase(d) || "\\t".equals(d) ? '\t' : single(d, "delimiter");
        char quote = single(p.getString("quote"), "quote");
        Charset charset;
        try {
            charset = Charset.forName(p.getString("encoding"));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidSpecException("dataset.options.encoding", "unknown encoding '" + p.getString("encoding")
                    + "'", e);
        }
        String format = p.getString("timestamp-format");
        if (!format.startsWith("epoch-")) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException("dataset.options.timestamp-format", "not a date pattern: " + format,
                        e);
            }
        } else if (!List.of("epoch-seconds", "epoch-millis").contains(format)) {
            throw new InvalidSpecException("dataset.options.timestamp-format", "got '" + format
                    + "', expected epoch-seconds, epoch-millis or a pattern");
        }
        return new Settings(file, delimiter, quote, p.getBoolean("header"), p.getString("user"), p.getString("item"),
                p.getString("rating"), p.getString("timestamp"), format, charset,
                bound(p, "rating-min", Double.NEGATIVE_INFINITY), bound(p, "rating-max", Double.POSITIVE_INFINITY),
                BadRows.of(p));
    }

    private static double bound(Parameters p, String name, double absent) {
        Object v = p.asMap().get(name);
        return v == null ? absent : (Double) v;
    }

    private static char single(String text, String option) {
        if (text == null || text.length() != 1) {
            throw new InvalidSpecException("dataset.options." + option, "got '" + text + "', expected one character");
        }
        return text.charAt(0);
    }
}
