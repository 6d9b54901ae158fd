/**
 * The data model (dense int ids, column-wise interactions with CSR views, attributes, datasets and splits)
 * and the services that produce it: dataset adapters, filters and splitters.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.recworkbench.api.data;
