package org.recworkbench.core.spec;

import java.util.List;
import org.recworkbench.api.InvalidSpecException;

/**
 * How results are compared: every algorithm against the {@code baseline} (a label; default the first
 * algorithm) on every metric with per-user values, by a paired {@code test} ({@code t-test} or
 * {@code wilcoxon}), with p-values adjusted for the number of comparisons ({@code holm}, {@code bonferroni} or
 * {@code none}) and compared to {@code alpha}.
 */
public record SignificanceSpec(String baseline, String test, String correction, Double alpha) {

    public static final List<String> TESTS = List.of("t-test", "wilcoxon");
    public static final List<String> CORRECTIONS = List.of("holm", "bonferroni", "none");
    public static final SignificanceSpec DEFAULT = new SignificanceSpec(null, null, null, null);

    public SignificanceSpec {
        test = test == null ? "t-test" : test;
        correction = correction == null ? "holm" : correction;
        alpha = alpha == null ? 0.05 : alpha;
    }

    /** @throws InvalidSpecException naming the field */
    void validate() {
        if (!TESTS.contains(test)) {
            throw new InvalidSpecException("significance.test", "got '" + test + "', expected one of " + TESTS);
        }
        if (!CORRECTIONS.contains(correction)) {
            throw new InvalidSpecException("significance.correction", "got '" + correction + "', expected one of "
                    + CORRECTIONS);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidSpecException("significance.alpha", "got " + alpha + ", expected a number in (0, 1)");
        }
    }
}
