/**
 * Paired significance tests over per-user metric values (paired t-test, Wilcoxon signed-rank), bootstrap
 * confidence intervals, effect sizes and multiple-comparison corrections (Holm, Bonferroni).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.stats;
