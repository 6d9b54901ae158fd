package org.recworkbench.ui.model;

import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginDiagnostics;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.SimulationRunner;
import org.recworkbench.report.ReportWriter;

/**
 * The engine's services as the desktop sees them: one tracker per service type, opened on first use and kept for
 * the life of the bundle. Views ask here instead of holding services, so a bundle that goes away is simply
 * absent the next time they ask.
 */
public final class Engine {

    private static final long WAIT_MILLIS = 10_000;

    private static ServiceTracker<PluginRegistry, PluginRegistry> registries;
    private static ServiceTracker<ExperimentRunner, ExperimentRunner> runners;
    private static ServiceTracker<SimulationRunner, SimulationRunner> simulations;
    private static ServiceTracker<ReportWriter, ReportWriter> writers;
    private static ServiceTracker<PluginDiagnostics, PluginDiagnostics> diagnostics;

    private Engine() {
    }

    private static synchronized void open() {
        if (registries != null) {
            return;
        }
        BundleContext context = context();
        registries = new ServiceTracker<>(context, PluginRegistry.class, null);
        runners = new ServiceTracker<>(context, ExperimentRunner.class, null);
        simulations = new ServiceTracker<>(context, SimulationRunner.class, null);
        writers = new ServiceTracker<>(context, ReportWriter.class, null);
        diagnostics = new ServiceTracker<>(context, PluginDiagnostics.class, null);
        diagnostics.open();
        registries.open();
        runners.open();
        simulations.open();
        writers.open();
    }

    public static BundleContext context() {
        return FrameworkUtil.getBundle(Engine.class).getBundleContext();
    }

    /** The plugin registry, waiting a little while the engine starts; empty if it is not running. */
    public static Optional<PluginRegistry> registry() {
        open();
        return Optional.ofNullable(await(registries));
    }

    public static Optional<ExperimentRunner> experiments() {
        open();
        return Optional.ofNullable(await(runners));
    }

    public static Optional<SimulationRunner> simulations() {
        open();
        return Optional.ofNullable(await(simulations));
    }

    /** What is wrong with the installed bundles (empty when the engine is not running). */
    public static Optional<PluginDiagnostics> diagnostics() {
        open();
        return Optional.ofNullable(diagnostics.getService());
    }

    /** Every registered report writer now (results.json, CSV, …), in no particular order. */
    public static List<ReportWriter> reportWriters() {
        open();
        return List.of(writers.getServices(new ReportWriter[0]));
    }

    private static <T> T await(ServiceTracker<T, T> tracker) {
        try {
            return tracker.waitForService(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tracker.getService();
        }
    }
}
