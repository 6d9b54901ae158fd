/**
 * Core vocabulary shared by every plugin: parameters and their descriptors, progress and cancellation,
 * and the exception family.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.recworkbench.api;
