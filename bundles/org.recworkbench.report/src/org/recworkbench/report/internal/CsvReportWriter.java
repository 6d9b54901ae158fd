package org.recworkbench.report.internal;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.result.SearchLog;
import org.recworkbench.report.AtomicFiles;
import org.recworkbench.report.ReportWriter;

/**
 * {@code results.csv}: one row per algorithm (status, every aggregate metric, timings, failure reason, and the
 * evaluation protocol, so that sampled and full-ranking numbers are never mixed up);
 * {@code per-user.csv}: one row per (algorithm, user) with every metric, for significance tests elsewhere.
 * Numbers use a dot as decimal separator whatever the locale.
 */
@Component(service = ReportWriter.class)
public class CsvReportWriter implements ReportWriter {

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public List<Path> write(ExperimentResult result, Path folder) {
        List<String> metrics = result.metricIds();
        Path aggregate = AtomicFiles.write(folder.resolve("results.csv"), out -> {
            try (CSVWriter csv = new CSVWriter(out, ',', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
                List<String> header = new ArrayList<>(List.of("algorithm", "id", "status"));
                header.addAll(metrics);
                header.addAll(List.of("users", "fit_seconds", "evaluate_seconds", "params", "failure", "protocol"));
                csv.writeNext(header.toArray(String[]::new), false);
                for (AlgorithmResult a : result.algorithms()) {
                    List<String> row = new ArrayList<>(List.of(a.label(), a.algorithmId(), a.status().name()));
                    for (String m : metrics) {
                        Double v = a.aggregates().get(m);
                        row.add(v == null ? "" : number(v));
                    }
                    row.add(Integer.toString(a.users().length));
                    row.add(number(a.fitSeconds()));
                    row.add(number(a.evaluateSeconds()));
                    row.add(a.params().toString());
                    row.add(a.failure() == null ? "" : a.failure());
                    row.add(result.protocol());
                    csv.writeNext(row.toArray(String[]::new), false);
                }
            }
        });
        Path perUser = AtomicFiles.write(folder.resolve("per-user.csv"), out -> {
            try (CSVWriter csv = new CSVWriter(out, ',', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
                List<String> header = new ArrayList<>(List.of("algorithm", "user"));
                header.addAll(metrics);
                csv.writeNext(header.toArray(String[]::new), false);
                String[] row = new String[2 + metrics.size()];
                for (AlgorithmResult a : result.algorithms()) {
                    if (!a.succeeded()) {
                        continue;
                    }
                    for (int j = 0; j < a.users().length; j++) {
                        row[0] = a.label();
                        row[1] = result.userIds().id(a.users()[j]);
                        for (int m = 0; m < metrics.size(); m++) {
                            row[2 + m] = number(a.perUser()[m][j]);
                        }
                        csv.writeNext(row, false);
                    }
                }
            }
        });
        List<Path> written = new ArrayList<>(List.of(aggregate, perUser));
        if (result.algorithms().stream().anyMatch(a -> a.search() != null)) {
            // every trial of every hyper-parameter search, the chosen one marked
            written.add(AtomicFiles.write(folder.resolve("search.csv"), out -> {
                try (CSVWriter csv = new CSVWriter(out, ',', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                        ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
                    csv.writeNext(new String[] {"algorithm", "trial", "method", "metric", "value", "chosen", "params",
                        "failure"}, false);
                    for (AlgorithmResult a : result.algorithms()) {
                        if (a.search() == null) {
                            continue;
                        }
                        int t = 0;
                        for (SearchLog.Trial trial : a.search().trials()) {
                            csv.writeNext(new String[] {a.label(), Integer.toString(++t), a.search().method(),
                                a.search().metric(), number(trial.value()),
                                Boolean.toString(trial.params().equals(a.search().chosen())),
                                trial.params().toString(), trial.failure() == null ? "" : trial.failure()}, false);
                        }
                    }
                }
            }));
        }
        if (result.validationSize() == 0) {
            return written;
        }
        // the validation part's aggregates, same columns as results.csv's metrics
        Path validation = AtomicFiles.write(folder.resolve("validation.csv"), out -> {
            try (CSVWriter csv = new CSVWriter(out, ',', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
                List<String> header = new ArrayList<>(List.of("algorithm", "status"));
                header.addAll(metrics);
                csv.writeNext(header.toArray(String[]::new), false);
                for (AlgorithmResult a : result.algorithms()) {
                    List<String> row = new ArrayList<>(List.of(a.label(), a.status().name()));
                    for (String m : metrics) {
                        Double v = a.validation().get(m);
                        row.add(v == null ? "" : number(v));
                    }
                    csv.writeNext(row.toArray(String[]::new), false);
                }
            }
        });
        written.add(validation);
        return written;
    }

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_UP);
    private static final BigDecimal DECIMAL_FROM = new BigDecimal("1e-4");
    private static final BigDecimal DECIMAL_BELOW = new BigDecimal("1e6");

    /**
     * {@code %.6g} without its padding zeros: six significant digits, rounded half up from the shortest decimal
     * form of {@code v} (as {@link java.util.Formatter} does), plain from 1e-4 up to 1e6, else {@code 1.5e-05}
     * style; NaN is the empty cell. Written without {@code String.format} and regular expressions because a run's
     * per-user file holds one number per user and metric.
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(Double.toString(v)).round(SIX_DIGITS);
        BigDecimal magnitude = rounded.abs();
        if (magnitude.compareTo(DECIMAL_FROM) >= 0 && magnitude.compareTo(DECIMAL_BELOW) < 0) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        BigDecimal digits = rounded.stripTrailingZeros();
        String unscaled = digits.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - digits.scale();
        StringBuilder out = new StringBuilder(16);
        if (rounded.signum() < 0) {
            out.append('-');
        }
        out.append(unscaled.charAt(0));
        if (unscaled.length() > 1) {
            out.append('.').append(unscaled, 1, unscaled.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            out.append('0');
        }
        return out.append(e).toString();
    }
}
