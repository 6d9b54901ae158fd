/**
 * Interactive recommendation: policies that act and learn online, and user simulators that respond.
 *
 * <p>Both kinds of plugin are <em>factories</em> registered as OSGi services ({@link PolicyFactory},
 * {@link Simulator}); every simulation run creates its own {@link Policy} and {@link Environment} instances,
 * so two runs, or two arms of an A/B split, never share learning state, and a policy bundle can be replaced
 * while a run is in progress (the engine creates an instance of the new service between two steps).
 *
 * <p>2.0 replaced the 1.0 singleton {@code Policy}/{@code Environment} services, which had no implementations.
 *
 * @since 2.0
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.recworkbench.api.interactive;
