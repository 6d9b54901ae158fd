/**
 * Individual item exposure fairness: the measures analysed by Rampisela et al. (ACM TORS 2023) in their
 * original and corrected forms, and expected exposure (Diaz et al. 2020).
 */
package org.recworkbench.metrics.fairness;
