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
 * first, so the file holds every step once.
 */
final class TimeSeriesCsv implements AutoCloseable {

    static final String FILE = "timeseries.csv";

    private final BufferedWriter out;

    private TimeSeriesCsv(BufferedWriter out) {
        this.out = out;
    }

    static String header(List<String> rewardNames) {
        StringBuilder sb = new StringBuilder("variant,arm,policy,step,arm_steps");
        for (String r : rewardNames) {
            sb.append(',').append(r);
        }
        return sb.append(",regret,window_ctr,budget_spent,blocked,sessions,mean_session_length,event").toString();
    }

    /** A new file (replacing any). */
    static TimeSeriesCsv create(Path folder, List<String> rewardNames) throws IOException {
        Files.createDirectories(folder);
        BufferedWriter w = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8);
        w.write(header(rewardNames));
        w.newLine();
        w.flush();
        return new TimeSeriesCsv(w);
    }

    /**
     * Continues an existing file, keeping for each (variant, arm) only the rows up to the step its lane resumes
     * from ({@code resumeSteps}, keyed {@code variant/arm}; arms absent start over and keep nothing).
     */
    static TimeSeriesCsv resume(Path folder, List<String> rewardNames, Map<String, Long> resumeSteps)
            throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return create(folder, rewardNames);
        }
        List<String> kept = new ArrayList<>();
        kept.add(header(rewardNames));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length < 5) {
                continue; // a line cut short by a crash
            }
            Long upTo = resumeSteps.get(unquote(f[0]) + "/" + unquote(f[1]));
            if (upTo != null && Long.parseLong(f[3]) <= upTo) {
                kept.add(lines.get(i));
            }
        }
        Path tmp = folder.resolve(FILE + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new TimeSeriesCsv(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
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

    private static String unquote(String s) {
        return s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2
                ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
