/**
 * Bandit policies: the classic non-contextual ones (ε-greedy, UCB1, Bernoulli and Gaussian Thompson
 * sampling), linear contextual ones (LinUCB disjoint and hybrid, linear Thompson sampling), budget-constrained
 * ones (HATCH and the greedy reward/cost baseline) and slate policies (in-slate Thompson sampling, top-k
 * greedy). Each is a {@link org.recworkbench.api.interactive.PolicyFactory} service.
 *
 * <p>Arms are items. Slates are filled best-first from the step's candidates; every shown item learns from its
 * own slot's feedback (semi-bandit feedback). Ties are broken by scanning the candidates from a random offset.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.algo.bandit;
