package org.recworkbench.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SpecReader;
import org.recworkbench.stats.Comparison;
import org.recworkbench.stats.Comparisons;

/**
 * The results of one run as the Results view shows and exports them: algorithms × metrics with their aggregate
 * values, per-user values for distributions, and the significance comparisons against the baseline (computed by
 * the same {@link Comparisons} as the command line, so both show the same markers).
 */
public final class ResultTable {

    private final String name;
    private final Instant started;
    private final double seconds;
    private final List<String> metrics;
    private final List<AlgorithmResult> algorithms;
    private final List<Comparison> comparisons;

    private ResultTable(ExperimentResult result) {
        this.name = result.spec().name();
        this.started = result.started();
        this.seconds = result.seconds();
        this.metrics = result.metricIds();
        this.algorithms = result.algorithms();
        this.comparisons = Comparisons.of(result);
    }

    public static ResultTable of(ExperimentResult result) {
        return new ResultTable(result);
    }

    /**
     * Reads a run's {@code results.json} back (runs of earlier sessions): aggregates, per-user values in the
     * file's user order, and the spec, from which the comparisons are recomputed.
     *
     * @throws RecWorkbenchException naming the file and what is missing or malformed
     */
    public static ResultTable read(Path resultsJson) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(resultsJson.toFile());
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot read " + resultsJson + ": " + e.getMessage(), e);
        }
        JsonNode specNode = root.path("spec");
        JsonNode metricNode = root.path("metrics");
        if (!specNode.isObject() || !metricNode.isArray() || !root.path("algorithms").isArray()) {
            throw new RecWorkbenchException(resultsJson + ": expected the fields spec, metrics and algorithms of a "
                    + "RecWorkbench results.json");
        }
        ExperimentSpec spec = new SpecReader().parse(specNode.toString(), true, resultsJson + " (spec)");
        List<String> metricIds = new ArrayList<>();
        metricNode.forEach(m -> metricIds.add(m.asText()));
        List<String> userOrder = new ArrayList<>();
        for (JsonNode a : root.path("algorithms")) {
            if (userOrder.isEmpty() && a.path("perUser").isObject()) {
                a.path("perUser").fieldNames().forEachRemaining(userOrder::add);
            }
        }
        Map<String, Integer> userIndex = new LinkedHashMap<>();
        userOrder.forEach(u -> userIndex.put(u, userIndex.size()));
        List<AlgorithmResult> algorithms = new ArrayList<>();
        for (JsonNode a : root.path("algorithms")) {
            AlgorithmResult.Status status = AlgorithmResult.Status.valueOf(a.path("status").asText("FAILED"));
            Map<String, Object> params = mapper.convertValue(a.path("params"),
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {
                    });
            if (status != AlgorithmResult.Status.SUCCEEDED) {
                algorithms.add(AlgorithmResult.failed(a.path("label").asText(), a.path("id").asText(),
                        params == null ? Map.of() : params, status, a.path("failure").asText(""),
                        a.path("fitSeconds").asDouble(), a.path("evaluateSeconds").asDouble()));
                continue;
            }
            Map<String, Double> aggregates = new LinkedHashMap<>();
            for (String m : metricIds) {
                JsonNode v = a.path("aggregates").path(m);
                aggregates.put(m, v.isNumber() ? v.asDouble() : Double.NaN);
            }
            int[] users = new int[userOrder.size()];
            double[][] perUser = new double[metricIds.size()][userOrder.size()];
            for (double[] row : perUser) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            for (int j = 0; j < users.length; j++) {
                users[j] = j;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.path("perUser").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Integer j = userIndex.get(e.getKey());
                for (int m = 0; j != null && m < metricIds.size(); m++) {
                    JsonNode v = e.getValue().path(metricIds.get(m));
                    perUser[m][j] = v.isNumber() ? v.asDouble() : Double.NaN;
                }
            }
            algorithms.add(new AlgorithmResult(a.path("label").asText(), a.path("id").asText(),
                    params == null ? Map.of() : params, status, null, metricIds, aggregates, users, perUser,
                    a.path("fitSeconds").asDouble(), a.path("evaluateSeconds").asDouble(), Map.of(), null));
        }
        Instant started = Instant.parse(root.path("started").asText(Instant.EPOCH.toString()));
        return new ResultTable(new ExperimentResult(spec, null, "", root.path("protocol").asText(""), 0, 0,
                userOrder.size(), 0, root.path("backend").asText(""), metricIds, algorithms, null, started,
                root.path("seconds").asDouble(Double.NaN), null));
    }

    public String name() {
        return name;
    }

    public Instant started() {
        return started;
    }

    public double seconds() {
        return seconds;
    }

    public List<String> metrics() {
        return metrics;
    }

    public List<AlgorithmResult> algorithms() {
        return algorithms;
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    /** The aggregate of algorithm {@code a} on metric {@code m}; NaN if it failed or the value is undefined. */
    public double value(int a, int m) {
        Double v = algorithms.get(a).aggregates().get(metrics.get(m));
        return v == null ? Double.NaN : v;
    }

    /** The defined per-user values of algorithm {@code a} on metric {@code m} (empty for system-level metrics). */
    public double[] perUser(int a, int m) {
        AlgorithmResult r = algorithms.get(a);
        if (!r.succeeded() || r.perUser().length <= m) {
            return new double[0];
        }
        return java.util.Arrays.stream(r.perUser()[m]).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The comparison of algorithm {@code a} with the baseline on metric {@code m}, or null (baseline, no test). */
    public Comparison comparison(int a, int m) {
        String label = algorithms.get(a).label();
        String metric = metrics.get(m);
        return comparisons.stream().filter(c -> c.candidate().equals(label) && c.metric().equals(metric))
                .findFirst().orElse(null);
    }

    /** The label of the algorithm the others were compared with, or null when there was no comparison. */
    public String baseline() {
        return comparisons.isEmpty() ? null : comparisons.get(0).baseline();
    }

    /**
     * The marker shown next to a value: {@code ▲} significantly above the baseline, {@code ▼} significantly below
     * (adjusted p below alpha), nothing otherwise.
     */
    public String marker(int a, int m) {
        Comparison c = comparison(a, m);
        if (c == null || !c.significant()) {
            return "";
        }
        return c.meanDifference() > 0 ? "▲" : "▼";
    }

    /** Index of the best algorithm on metric {@code m}, or -1 if none has a value. */
    public int best(int m, boolean higherIsBetter) {
        int best = -1;
        for (int a = 0; a < algorithms.size(); a++) {
            double v = value(a, m);
            if (!Double.isNaN(v) && (best < 0 || (higherIsBetter ? v > value(best, m) : v < value(best, m)))) {
                best = a;
            }
        }
        return best;
    }

    /**
     * The table as CSV: one row per algorithm, each metric's value followed by the adjusted p-value of its
     * comparison with the baseline (empty for the baseline itself).
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder("algorithm,status");
        for (String m : metrics) {
            out.append(',').append(csv(m)).append(',').append(csv(m + " adjusted p"));
        }
        out.append('\n');
        for (int a = 0; a < algorithms.size(); a++) {
            out.append(csv(algorithms.get(a).label())).append(',').append(algorithms.get(a).status());
            for (int m = 0; m < metrics.size(); m++) {
                Comparison c = comparison(a, m);
                out.append(',').append(number(value(a, m))).append(',')
                        .append(c == null ? "" : number(c.adjustedPValue()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The table as a LaTeX {@code booktabs} tabular: the best value per metric in bold, a dagger on values that
     * differ significantly from the baseline's.
     */
    public String toLatex(Predicate<String> higherIsBetter) {
        StringBuilder out = new StringBuilder("\\begin{tabular}{l").append("r".repeat(metrics.size()))
                .append("}\n\\toprule\nAlgorithm");
        for (String m : metrics) {
            out.append(" & ").append(latex(m));
        }
        out.append(" \\\\\n\\midrule\n");
        int[] best = new int[metrics.size()];
        for (int m = 0; m < metrics.size(); m++) {
            best[m] = best(m, higherIsBetter.test(metrics.get(m)));
        }
        for (int a = 0; a < algorithms.size(); a++) {
            out.append(latex(algorithms.get(a).label()));
            for (int m = 0; m < metrics.size(); m++) {
                double v = value(a, m);
                String cell = Double.isNaN(v) ? "--" : String.format(Locale.ROOT, "%.4f", v);
                if (a == best[m]) {
                    cell = "\\textbf{" + cell + "}";
                }
                if (!marker(a, m).isEmpty()) {
                    cell += "$^{\\dagger}$";
                }
                out.append(" & ").append(cell);
            }
            out.append(" \\\\\n");
        }
        out.append("\\bottomrule\n\\end{tabular}\n");
        String base = baseline();
        if (base != null) {
            out.append("% \\dagger: significantly different from ").append(base).append(" (adjusted p < alpha)\n");
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Escapes LaTeX's special characters in a label or metric id. */
    static String latex(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
