package org.recworkbench.core.internal.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recworkbench.core.result.TimeSeriesPoint;

/**
 * {@code timeseries.csv}, appended to by all lanes while they run (one synchronised line per point, flushed
 * so that a crashed run keeps what it recorded). On resume, rows recorded after a lane's checkpoint are dropped
 * first, so the file holds every step once. Lanes run side by side, so rows arrive interleaved by chance; when the
 * run ends the file is rewritten in one order (variant, step, arm, in the spec's order of variants and arms), so
 * identical runs give identical bytes.
 */
final class TimeSeriesCsv implements AutoCloseable {

    static final String FILE = "timeseries.csv";

    private final BufferedWriter out;
    private final Path file;
    private final List<String> variants;
    private final List<String> arms;

    private TimeSeriesCsv(BufferedWriter out, Path file, List<String> variants, List<String> arms) {
        this.out = out;
        this.file = file;
        this.variants = variants;
        this.arms = arms;
    }

    static String header(List<String> rewardNames) {
        StringBuilder sb = new StringBuilder("variant,arm,policy,step,arm_steps");
        for (String r : rewardNames) {
            sb.append(',').append(r);
        }
        return sb.append(",regret,window_ctr,budget_spent,blocked,sessions,mean_session_length,event").toString();
    }

    /** A new file (replacing any). */
    static TimeSeriesCsv create(Path folder, List<String> rewardNames, List<String> variants, List<String> arms)
            throws IOException {
        Files.createDirectories(folder);
        BufferedWriter w = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8);
        w.write(header(rewardNames));
        w.newLine();
        w.flush();
        return new TimeSeriesCsv(w, folder.resolve(FILE), variants, arms);
    }

    /**
     * Continues an existing file, keeping for each (variant, arm) only the rows up to the step its lane resumes
     * from ({@code resumeSteps}, keyed {@code variant/arm}; arms absent start over and keep nothing).
     */
    static TimeSeriesCsv resume(Path folder, List<String> rewardNames, Map<String, Long> resumeSteps,
            List<String> variants, List<String> arms) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return create(folder, rewardNames, variants, arms);
        }
        List<String> kept = new ArrayList<>();
        kept.add(header(rewardNames));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = leadingFields(lines.get(i), 5);
            if (f == null) {
                continue; // a line cut short by a crash
            }
            Long upTo = resumeSteps.get(f[0] + "/" + f[1]);
            if (upTo != null && Long.parseLong(f[3]) <= upTo) {
                kept.add(lines.get(i));
            }
        }
        Path tmp = folder.resolve(FILE + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new TimeSeriesCsv(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND), file,
                variants, arms);
    }

    /**
     * The first {@code n} fields of a line (quotes removed), or null when the line has fewer or its step is not a
     * number (a line cut short by a crash).
     */
    static String[] leadingFields(String line, int n) {
        String[] out = new String[n];
        int p = 0;
        for (int k = 0; k < n; k++) {
            if (p > line.length()) {
                return null;
            }
            StringBuilder field = new StringBuilder();
            if (p < line.length() && line.charAt(p) == '"') {
                p++;
                while (true) {
                    if (p >= line.length()) {
                        return null;
                    }
                    char c = line.charAt(p++);
                    if (c == '"') {
                        if (p < line.length() && line.charAt(p) == '"') {
                            field.append('"');
                            p++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (p < line.length() && line.charAt(p) != ',') {
                    field.append(line.charAt(p++));
                }
            }
            out[k] = field.toString();
            if (k < n - 1 && (p >= line.length() || line.charAt(p) != ',')) {
                return null;
            }
            p++;
        }
        return out[3].matches("\\d+") ? out : null;
    }

    synchronized void write(TimeSeriesPoint p) {
        StringBuilder sb = new StringBuilder();
        sb.append(quote(p.variant())).append(',').append(quote(p.arm())).append(',').append(quote(p.policy()))
                .append(',').append(p.step()).append(',').append(p.armSteps());
        for (double r : p.rewards()) {
            sb.append(',').append(number(r));
        }
        sb.append(',').append(number(p.regret())).append(',').append(number(p.windowCtr())).append(',')
                .append(number(p.budgetSpent())).append(',').append(p.blocked()).append(',').append(p.sessions())
                .append(',').append(number(p.meanSessionLength())).append(',').append(quote(p.event()));
        try {
            out.write(sb.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + FILE + ": " + e.getMessage(), e);
        }
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    static String quote(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Closes the file and rewrites it in the canonical row order (variant, step, arm; ties in file order). */
    @Override
    public synchronized void close() throws IOException {
        out.close();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() <= 2) {
            return;
        }
        record Row(int variant, long step, int arm, int position, String text) {
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = leadingFields(lines.get(i), 4);
            rows.add(f == null ? new Row(Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, i, lines.get(i))
                    : new Row(index(variants, f[0]), Long.parseLong(f[3]), index(arms, f[1]), i, lines.get(i)));
        }
        rows.sort(java.util.Comparator.comparingInt(Row::variant).thenComparingLong(Row::step)
                .thenComparingInt(Row::arm).thenComparingInt(Row::position));
        List<String> sorted = new ArrayList<>(rows.size() + 1);
        sorted.add(lines.get(0));
        rows.forEach(r -> sorted.add(r.text()));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.write(tmp, sorted, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int index(List<String> names, String name) {
        int i = names.indexOf(name);
        return i < 0 ? names.size() : i;
    }
}
