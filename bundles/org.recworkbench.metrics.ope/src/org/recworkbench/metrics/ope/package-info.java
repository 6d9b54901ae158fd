/**
 * Off-policy evaluation: estimate how a target policy would have done from feedback logged under another
 * (behaviour) policy whose action probabilities are known. Bandit estimators ({@link
 * org.recworkbench.metrics.ope.BanditEstimator}: direct method, IPS, self-normalised IPS, doubly robust,
 * Switch-DR) and slate estimators ({@link org.recworkbench.metrics.ope.SlateEstimator}: standard, independent
 * and reward-interaction IPS), bootstrap confidence intervals, cross-fitted reward models, and two studies
 * where the truth is known: the Open Bandit Dataset's two logging policies ({@link
 * org.recworkbench.metrics.ope.ObdStudy}) and logs drawn from a simulator ({@link
 * org.recworkbench.metrics.ope.SimulatedStudy}).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.metrics.ope;
