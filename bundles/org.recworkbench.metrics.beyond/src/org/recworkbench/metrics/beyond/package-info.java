/**
 * Beyond-accuracy metrics (coverage, concentration, novelty, diversity, unexpectedness, serendipity) and
 * popularity-bias metrics (ARP, APLT, ACLT, PopRSP, PopREO).
 */
package org.recworkbench.metrics.beyond;
