/**
 * Matrix factorization: biased MF trained by SGD (FunkSVD), SVD++, explicit ALS with biases, implicit ALS
 * with conjugate-gradient solves, and BPR-MF. Every model is a {@link org.recworkbench.algo.support.FactorModel}
 * whose full-ranking scores are one batched product on the compute backend.
 */
package org.recworkbench.algo.mf;
