package org.recworkbench.stats.internal;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.report.AtomicFiles;
import org.recworkbench.report.ReportWriter;
import org.recworkbench.stats.Comparison;
import org.recworkbench.stats.Comparisons;

/** {@code significance.csv}: every comparison against the baseline, with raw and adjusted p-values. */
@Component(service = ReportWriter.class)
public class SignificanceReportWriter implements ReportWriter {

    @Override
    public String id() {
        return "significance";
    }

    @Override
    public List<Path> write(ExperimentResult result, Path folder) {
        List<Comparison> comparisons = Comparisons.of(result);
        String test = result.spec().significance().test();
        String correction = result.spec().significance().correction();
        return List.of(AtomicFiles.write(folder.resolve("significance.csv"), out -> {
            try (CSVWriter csv = new CSVWriter(out, ',', ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
                csv.writeNext(new String[] {"metric", "baseline", "algorithm", "users", "mean_difference", "ci95_low",
                    "ci95_high", "effect_size_dz", "test", "p_value", "correction", "adjusted_p", "significant"},
                        false);
                for (Comparison c : comparisons) {
                    csv.writeNext(new String[] {c.metric(), c.baseline(), c.candidate(), Integer.toString(c.pairs()),
                        num(c.meanDifference()), num(c.ciLow()), num(c.ciHigh()), num(c.effectSize()), test,
                        num(c.pValue()), correction, num(c.adjustedPValue()), Boolean.toString(c.significant())},
                            false);
                }
            }
        }));
    }
    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
