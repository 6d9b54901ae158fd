package org.recworkbench.stats;

/**
 * One algorithm against the baseline on one metric, over the users where both have a value: the mean
 * difference (candidate - baseline), its bootstrap 95% interval, the paired effect size d_z, the raw and
 * adjusted p-values of the chosen test, and whether the adjusted p-value is below alpha.
 */
public record Comparison(String metric, String baseline, String candidate, int pairs, double meanDifference,
        double ciLow, double ciHigh, double effectSize, double pValue, double adjustedPValue, boolean significant) {
}
