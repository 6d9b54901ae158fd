/**
 * Compute backends: the dense kernels that dominate evaluation and training cost.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.recworkbench.api.compute;
