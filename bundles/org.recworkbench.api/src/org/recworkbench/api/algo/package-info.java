/**
 * Offline recommendation algorithms: the {@link org.recworkbench.api.algo.Recommender} service, its
 * descriptor, and the trained {@link org.recworkbench.api.algo.Model}.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.recworkbench.api.algo;
