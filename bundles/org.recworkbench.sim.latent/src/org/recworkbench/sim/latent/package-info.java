/**
 * A latent-factor user simulator: users and items have latent vectors (drawn, or fitted on a dataset), a
 * click model turns affinities into clicks on a slate, and session dynamics (boredom, leaving, novelty-seeking)
 * make long-term engagement depend on the policy. See {@link org.recworkbench.sim.latent.LatentFactorSimulator}.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.sim.latent;
