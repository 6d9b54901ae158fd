/** Top-N ranking metrics: Precision, Recall, NDCG, MAP, MRR and HitRate at cutoffs. */
package org.recworkbench.metrics.ranking;
