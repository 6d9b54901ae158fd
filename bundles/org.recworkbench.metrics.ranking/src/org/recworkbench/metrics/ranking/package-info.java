/**
 * Top-N ranking metrics: Precision, Recall, F1, NDCG (two ideal-DCG conventions), MAP (three AP
 * denominators), MRR, HitRate, R-precision, rank-biased precision, AUC and GAUC.
 */
package org.recworkbench.metrics.ranking;
