package org.recworkbench.stats;

import java.util.ArrayList;
import java.util.List;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.SignificanceSpec;

/**
 * Compares every successful algorithm of a run with the baseline on every metric that has per-user values,
 * pairing users by index (all algorithms of a run are evaluated on the same users in the same order) and
 * dropping pairs where either value is undefined. p-values are adjusted over all comparisons of the run.
 */
public final class Comparisons {
    /** Bootstrap resamples; 1,000 gives percentile intervals stable to about ±0.01 of their width. */
    static final int RESAMPLES = 1000;

    private Comparisons() {
    }

    public static List<Comparison> of(ExperimentResult result) {
        SignificanceSpec spec = result.spec().significance();
        List<AlgorithmResult> ok = result.algorithms().stream().filter(AlgorithmResult::succeeded).toList();
        if (ok.size() < 2) {
            return List.of();
        }
        AlgorithmResult baseline = spec.baseline() == null ? ok.get(0)
                : ok.stream().filter(a -> a.label().equals(spec.baseline())).findFirst().orElse(null);
        if (baseline == null) {
            return List.of();
        }
        List<Comparison> raw = new ArrayList<>();
        for (AlgorithmResult candidate : ok) {
            if (candidate == baseline) {
                continue;
            }
            for (int m = 0; m < result.metricIds().size(); m++) {
                double[][] pairs = pairs(baseline.perUser()[m], candidate.perUser()[m]);
                if (pairs[0].length < 2) {
                    continue; // a system-level metric, or too few users
                }
                double p = "wilcoxon".equals(spec.test()) ? SignificanceTests.wilcoxon(pairs[0], pairs[1])
                        : SignificanceTests.pairedTTest(pairs[0], pairs[1]);
                double[] ci = SignificanceTests.bootstrapMeanDifference(pairs[0], pairs[1], 0.95, RESAMPLES,
                        result.spec().seed());
                double mean = 0;
                for (int i = 0; i < pairs[0].length; i++) {
                    mean += pairs[1][i] - pairs[0][i];
                }
                raw.add(new Comparison(result.metricIds().get(m), baseline.label(), candidate.label(),
                        pairs[0].length, mean / pairs[0].length, ci[0], ci[1],
                        SignificanceTests.cohensDz(pairs[0], pairs[1]), p, p, false));
            }
        }
        double[] p = raw.stream().mapToDouble(Comparison::pValue).toArray();
        double[] adjusted = switch (spec.correction()) {
            case "holm" -> SignificanceTests.holm(p);
            case "bonferroni" -> SignificanceTests.bonferroni(p);
            default -> p;
        };
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Comparison c = raw.get(i);
            out.add(new Comparison(c.metric(), c.baseline(), c.candidate(), c.pairs(), c.meanDifference(), c.ciLow(),
                    c.ciHigh(), c.effectSize(), c.pValue(), adjusted[i], adjusted[i] < spec.alpha()));
        }
        return out;
    }

    /** The pairs of defined values, as {baseline values, candidate values}. */
    static double[][] pairs(double[] a, double[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                n++;
            }
        }
        double[][] out = new double[2][n];
        int j = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                out[0][j] = a[i];
                out[1][j] = b[i];
                j++;
            }
        }
        return out;
    }
}
