package org.recworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginDiagnostics;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.SimulationRunner;
import org.recworkbench.core.spec.SpecReader;
import org.recworkbench.report.ReportWriter;

/**
 * The headless product's application. The extension registry creates it (not DS), so it looks the
 * engine's services up with trackers, waiting until SCR has activated them, then hands the command line
 * to picocli and returns its exit code as the process's.
 */
public class CliApplication implements IApplication {

    private static final long SERVICE_TIMEOUT_MS = 30_000;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        // the spec reader's Jackson mappers (~400 classes) are built on another core while the services bind
        CompletableFuture<SpecReader> specReader = CompletableFuture.supplyAsync(SpecReader::new);
        BundleContext bc = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<PluginRegistry, PluginRegistry> registry = new ServiceTracker<>(bc, PluginRegistry.class, null);
        ServiceTracker<ExperimentRunner, ExperimentRunner> runner = new ServiceTracker<>(bc, ExperimentRunner.class,
                null);
        ServiceTracker<ReportWriter, ReportWriter> writers = new ServiceTracker<>(bc, ReportWriter.class, null);
        ServiceTracker<SimulationRunner, SimulationRunner> simulations = new ServiceTracker<>(bc,
                SimulationRunner.class, null);
        ServiceTracker<PluginDiagnostics, PluginDiagnostics> diagnostics = new ServiceTracker<>(bc,
                PluginDiagnostics.class, null);
        diagnostics.open();
        registry.open();
        runner.open();
        simulations.open();
        writers.open();
        try {
            PluginRegistry r = registry.waitForService(SERVICE_TIMEOUT_MS);
            ExperimentRunner e = runner.waitForService(SERVICE_TIMEOUT_MS);
            if (r == null || e == null) {
                System.err.println("recwb: the engine did not start within " + SERVICE_TIMEOUT_MS / 1000
                        + " s (is org.recworkbench.core installed and SCR running?)");
                return 1;
            }
            waitForComponents(bc);
            // from the process's start time, not the JVM's MXBean: loading java.management costs every command ~15 ms
            long ready = ProcessHandle.current().info().startInstant()
                    .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
            SimulationRunner sims = simulations.waitForService(SERVICE_TIMEOUT_MS);
            return Recwb.execute(new Recwb.Services(r, e, sims, () -> snapshot(writers), specReader::join, ready,
                    diagnostics.getService()), args == null ? new String[0] : args, System.out, System.err);
        } finally {
            diagnostics.close();
            writers.close();
            simulations.close();
            runner.close();
            registry.close();
        }
    }

    private static List<ReportWriter> snapshot(ServiceTracker<ReportWriter, ReportWriter> tracker) {
        Object[] services = tracker.getServices();
        List<ReportWriter> out = new ArrayList<>();
        if (services != null) {
            for (Object s : services) {
                out.add((ReportWriter) s);
            }
        }
        return out;
    }

    /**
     * Waits until SCR has read the components of every started bundle that declares any. SCR does that
     * synchronously when a bundle starts, registering the services of every satisfied component, and the framework
     * starts the product's bundles before the application; so this returns at the first look, and afterwards
     * every plugin present at start is in the registry. A bundle whose declarations SCR could not read (a missing
     * or malformed component file) never gets there: after 0.2 s the command goes on, and the engine's
     * {@link PluginDiagnostics} names that bundle among the problems the command warns about.
     */
    private static void waitForComponents(BundleContext bc) throws InterruptedException {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker = new ServiceTracker<>(bc,
                ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.waitForService(2_000);
            if (scr == null) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (!unread(bc.getBundles(), b -> !scr.getComponentDescriptionDTOs(b).isEmpty()).isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            tracker.close();
        }
    }

    private static final String SERVICE_COMPONENT = "Service-Component";

    /** The started bundles that declare components but have none described (per {@code described}). */
    static List<Bundle> unread(Bundle[] bundles, Predicate<Bundle> described) {
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : bundles) {
            boolean started = b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
            if (started && b.getHeaders("").get(SERVICE_COMPONENT) != null && !described.test(b)) {
                out.add(b);
            }
        }
        return out;
    }

    @Override
    public void stop() {
        // the command runs to completion or is interrupted by the JVM shutting down
    }

}
