/**
 * Interactive recommendation: policies that act and learn online, and environments (user simulators)
 * that respond. A first cut; the loop itself lives in the engine.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.recworkbench.api.interactive;
