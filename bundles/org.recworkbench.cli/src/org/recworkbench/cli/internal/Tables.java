package org.recworkbench.cli.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.core.DatasetStatistics;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.stats.Comparison;

/** Plain-text tables for the terminal. */
final class Tables {
    private Tables() {
    }

    /**
     * One row per algorithm: status, every metric, fit and evaluation time. A value differing significantly
     * from the baseline's (after the multiple-comparison correction) is marked with {@code *}; a footnote says
     * by which test.
     */
    static String results(ExperimentResult result, List<Comparison> comparisons) {
        java.util.Set<String> significant = new java.util.HashSet<>();
        for (Comparison c : comparisons) {
            if (c.significant()) {
                significant.add(c.candidate() + "\u0000" + c.metric());
            }
        }
        List<String> header = new ArrayList<>(List.of("algorithm", "status"));
        header.addAll(result.metricIds());
        header.addAll(List.of("fit s", "eval s"));
        List<List<String>> rows = new ArrayList<>();
        for (AlgorithmResult a : result.algorithms()) {
            List<String> row = new ArrayList<>(List.of(a.label(), a.status().name().toLowerCase(Locale.ROOT)));
            for (String m : result.metricIds()) {
                Double v = a.aggregates().get(m);
                String mark = significant.contains(a.label() + "\u0000" + m) ? "*" : " ";
                row.add(v == null || v.isNaN() ? "- " : String.format(Locale.ROOT, "%.4f", v) + mark);
            }
            row.add(String.format(Locale.ROOT, "%.2f", a.fitSeconds()));
            row.add(String.format(Locale.ROOT, "%.2f", a.evaluateSeconds()));
            rows.add(row);
        }
        String table = render(header, rows);
        if (result.validationSize() > 0) {
            table += validation(result);
        }
        for (AlgorithmResult a : result.algorithms()) {
            if (a.search() != null) {
                double best = a.search().trials().stream().filter(t -> t.params().equals(a.search().chosen()))
                        .mapToDouble(t -> t.value()).findFirst().orElse(Double.NaN);
                table += String.format(Locale.ROOT, "%s: %s search over %d candidates chose %s (%s %.4f on the "
                        + "validation part; every trial in search.csv)%n", a.label(), a.search().method(),
                        a.search().trials().size(), a.search().chosen(), a.search().metric(), best);
            }
        }
        if (comparisons.isEmpty()) {
            return table;
        }
        var spec = result.spec().significance();
        return table + String.format(Locale.ROOT, "* differs from %s: paired %s over users, %s-adjusted p < %s "
                + "(details in significance.csv)%n", comparisons.get(0).baseline(), spec.test(), spec.correction(),
                spec.alpha());
    }

    /** The same metrics measured on the validation part carved from train. */
    private static String validation(ExperimentResult result) {
        List<String> header = new ArrayList<>(List.of("validation", "status"));
        header.addAll(result.metricIds());
        List<List<String>> rows = new ArrayList<>();
        for (AlgorithmResult a : result.algorithms()) {
            List<String> row = new ArrayList<>(List.of(a.label(), a.status().name().toLowerCase(Locale.ROOT)));
            for (String m : result.metricIds()) {
                Double v = a.validation().get(m);
                row.add(v == null || v.isNaN() ? "- " : String.format(Locale.ROOT, "%.4f ", v));
            }
            rows.add(row);
        }
        return String.format(Locale.ROOT, "%nValidation part (%,d interactions carved from train; models fit on the "
                + "remaining %,d):%n", result.validationSize(), result.trainSize()) + render(header, rows);
    }

    /** The metric catalogue as Markdown, one table per metric set, straight from the descriptors. */
    static String metricCatalog(List<MetricSet> sets) {
        StringBuilder sb = new StringBuilder();
        for (MetricSet set : sets) {
            sb.append("### ").append(set.id()).append(" — ").append(set.description()).append("\n\n");
            sb.append("| metric | formula | range, direction | convention | reference |\n|---|---|---|---|---|\n");
            for (MetricDescriptor d : set.catalog()) {
                String name = d.name() + (d.cutoff() < 0 ? "@k" : "");
                String range = "[" + bound(d.lowerBound()) + ", " + bound(d.upperBound()) + "], "
                        + (d.higherIsBetter() ? "higher is better" : "lower is better");
                sb.append("| ").append(cell(name)).append(" | ").append(cell(d.formula())).append(" | ").append(range)
                        .append(" | ").append(cell(d.convention())).append(" | ").append(cell(d.reference()))
                        .append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String bound(double b) {
        return Double.isInfinite(b) ? "∞" : b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    static String render(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        appendRow(sb, rule, width);
        for (List<String> r : rows) {
            appendRow(sb, r, width);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean left = c < 2;
            String pad = " ".repeat(width[c] - cell.length());
            sb.append(left ? cell + pad : pad + cell);
            sb.append(c + 1 < cells.size() ? "  " : "\n");
        }
    }

    static String statistics(DatasetStatistics s, Dataset d) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Dataset      %s (%s feedback)%n", s.name(),
                d.metadata().getOrDefault(Dataset.FEEDBACK, "unknown")));
        sb.append(String.format(Locale.ROOT, "Source       %s%n", d.metadata().getOrDefault(Dataset.SOURCE, "?")));
        sb.append(String.format(Locale.ROOT, "Users        %,d with interactions (%,d known)%n", s.users(),
                s.userIndexSize()));
        sb.append(String.format(Locale.ROOT, "Items        %,d with interactions (%,d known)%n", s.items(),
                s.itemIndexSize()));
        sb.append(String.format(Locale.ROOT, "Interactions %,d%n", s.interactions()));
        sb.append(String.format(Locale.ROOT, "Density      %.4f%% (%.6f)%n", s.density() * 100, s.density()));
        sb.append(String.format(Locale.ROOT, "Per user     min %d, median %.1f, mean %.1f, max %d%n", s.minPerUser(),
                s.medianPerUser(), s.meanPerUser(), s.maxPerUser()));
        sb.append(String.format(Locale.ROOT, "Per item     min %d, median %.1f, max %d%n", s.minPerItem(),
                s.medianPerItem(), s.maxPerItem()));
        sb.append(String.format(Locale.ROOT, "Popularity   Gini %.3f; top 20%% of items hold %.1f%% of interactions%n",
                s.itemGini(), s.shortHeadShare() * 100));
        sb.append(String.format(Locale.ROOT, "Mean value   %.5f%n", s.meanValue()));
        if (!s.valueHistogram().isEmpty()) {
            sb.append("Values      ");
            for (Map.Entry<Double, Long> e : s.valueHistogram().entrySet()) {
                double v = e.getKey();
                String label = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
                sb.append(String.format(Locale.ROOT, " %s: %,d (%.1f%%)", label, e.getValue(),
                        100.0 * e.getValue() / s.interactions()));
            }
            sb.append(System.lineSeparator());
        }
        if (s.interactions() > 0 && s.lastTimestamp() > 0) {
            sb.append(String.format(Locale.ROOT, "Time span    %s .. %s%n", Instant.ofEpochSecond(s.firstTimestamp()),
                    Instant.ofEpochSecond(s.lastTimestamp())));
        }
        appendAttributes(sb, "Item attrs", d.itemAttributes());
        appendAttributes(sb, "User attrs", d.userAttributes());
        return sb.toString();
    }

    private static void appendAttributes(StringBuilder sb, String title, Attributes a) {
        if (a.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        a.categorical().forEach((name, c) -> parts.add(name + " (" + c.values().size() + " values)"));
        a.numeric().keySet().forEach(name -> parts.add(name + " (numeric)"));
        a.text().keySet().forEach(name -> parts.add(name + " (text)"));
        sb.append(String.format(Locale.ROOT, "%-12s %s%n", title, String.join(", ", parts)));
    }
}
