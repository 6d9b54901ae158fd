/**
 * The embedded default dataset: a seeded latent-factor generator with long-tailed item popularity,
 * item genres and prices, ratings and timestamps. {@link org.recworkbench.data.synthetic.SyntheticGenerator}
 * can be used directly (e.g. by benchmarks) as well as through the {@code synthetic} adapter service.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.data.synthetic;
