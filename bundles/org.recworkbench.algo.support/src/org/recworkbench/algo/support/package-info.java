/**
 * Building blocks shared by algorithm bundles: top-k neighbourhoods from weighted co-occurrence walks over the
 * interaction graph (item-kNN similarities, RP3beta transition probabilities, user-kNN), and the sparse
 * neighbourhood models that score with them. Not API: bundles of this project import it at the 0.1 version.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.algo.support;
