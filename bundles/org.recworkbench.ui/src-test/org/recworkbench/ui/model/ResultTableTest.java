package org.recworkbench.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SpecReader;

class ResultTableTest {

    private static final int USERS = 50;

    /**
     * Three algorithms on 50 users. Per-user differences from the baseline: "better" +0.4/+0.6 alternating (mean
     * 0.5, sd 0.101: t = 0.5 / (0.101 / sqrt 50) ≈ 35, p far below 0.05 after any correction); "worse" the
     * mirror image; "same" ±0.1 alternating (mean 0: t = 0, p = 1).
     */
    private static ResultTable table() {
        ExperimentSpec spec = new SpecReader().parse("""
                name: t
                dataset: {adapter: synthetic}
                algorithms: [{id: a, label: base_line}, {id: b, label: better}, {id: c, label: worse},
                  {id: d, label: same}]
                metrics: [NDCG@10]
                """, false, "test");
        double[] base = new double[USERS];
        double[] better = new double[USERS];
        double[] worse = new double[USERS];
        double[] same = new double[USERS];
        for (int u = 0; u < USERS; u++) {
            base[u] = 0.2 + 0.001 * u;
            better[u] = base[u] + (u % 2 == 0 ? 0.4 : 0.6);
            worse[u] = base[u] - (u % 2 == 0 ? 0.4 : 0.6);
            same[u] = base[u] + (u % 2 == 0 ? 0.1 : -0.1);
        }
        List<AlgorithmResult> algorithms = List.of(result("base_line", base), result("better", better),
                result("worse", worse), result("same", same), AlgorithmResult.failed("broken", "e", Map.of(),
                        AlgorithmResult.Status.FAILED, "out of memory", 0, 0));
        return ResultTable.of(new ExperimentResult(spec, null, "", "", 0, 0, USERS, 0, "cpu", List.of("NDCG@10"),
                algorithms, null, Instant.EPOCH, 1.0, null));
    }

    private static AlgorithmResult result(String label, double[] values) {
        int[] users = new int[USERS];
        for (int u = 0; u < USERS; u++) {
            users[u] = u;
        }
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return new AlgorithmResult(label, label, Map.of(), AlgorithmResult.Status.SUCCEEDED, null, List.of("NDCG@10"),
                Map.of("NDCG@10", mean), users, new double[][] {values}, 0, 0, Map.of(), null);
    }

    @Test
    void markersShowTheDirectionOfSignificantDifferencesOnly() {
        ResultTable t = table();
        assertEquals("base_line", t.baseline());
        assertEquals("", t.marker(0, 0));
        assertEquals("▲", t.marker(1, 0));
        assertEquals("▼", t.marker(2, 0));
        assertEquals("", t.marker(3, 0));
        assertEquals("", t.marker(4, 0));
        assertTrue(Double.isNaN(t.value(4, 0)));
        assertEquals(0, t.perUser(4, 0).length);
    }

    @Test
    void bestFollowsTheMetricsDirectionAndSkipsFailures() {
        ResultTable t = table();
        assertEquals(1, t.best(0, true));
        assertEquals(2, t.best(0, false));
    }

    @Test
    void latexBoldsTheBestEscapesLabelsAndMarksSignificance() {
        String latex = table().toLatex(id -> true);
        assertTrue(latex.startsWith("\\begin{tabular}{lr}\n\\toprule\nAlgorithm & NDCG@10 \\\\\n\\midrule\n"), latex);
        // means: base 0.2245, better 0.7245, worse -0.2755, same 0.2245 (±0.1 alternating cancels)
        assertTrue(latex.contains("base\\_line & 0.2245 \\\\\n"), latex);
        assertTrue(latex.contains("better & \\textbf{0.7245}$^{\\dagger}$ \\\\\n"), latex);
        assertTrue(latex.contains("worse & -0.2755$^{\\dagger}$ \\\\\n"), latex);
        assertTrue(latex.contains("broken & -- \\\\\n"), latex);
        assertEquals("50\\% \\& \\$x\\_1 \\textasciitilde{}", ResultTable.latex("50% & $x_1 ~"));
    }

    @Test
    void csvHasValueAndAdjustedPColumnsPerMetric() {
        List<String> lines = table().toCsv().lines().toList();
        assertEquals("algorithm,status,NDCG@10,NDCG@10 adjusted p", lines.get(0));
        assertTrue(lines.get(1).startsWith("base_line,SUCCEEDED,0.2245"), lines.get(1));
        assertTrue(lines.get(1).endsWith(","), "the baseline has no p-value: " + lines.get(1));
        assertEquals("broken,FAILED,,", lines.get(5));
        double p = Double.parseDouble(lines.get(4).split(",")[3]);
        assertEquals(1.0, p, 1e-9, "mean difference 0: t = 0, p = 1 (Holm keeps 1 at 1)");
    }
}
