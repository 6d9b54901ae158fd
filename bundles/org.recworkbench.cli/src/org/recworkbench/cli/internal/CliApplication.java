package org.recworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.SimulationRunner;
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
        BundleContext bc = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<PluginRegistry, PluginRegistry> registry = new ServiceTracker<>(bc, PluginRegistry.class, null);
        ServiceTracker<ExperimentRunner, ExperimentRunner> runner = new ServiceTracker<>(bc, ExperimentRunner.class,
                null);
        ServiceTracker<ReportWriter, ReportWriter> writers = new ServiceTracker<>(bc, ReportWriter.class, null);
        ServiceTracker<SimulationRunner, SimulationRunner> simulations = new ServiceTracker<>(bc,
                SimulationRunner.class, null);
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
            // plugins register asynchronously; give bundles started with the engine a moment to settle
            waitForQuiet(r, bc);
            long ready = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            SimulationRunner sims = simulations.waitForService(SERVICE_TIMEOUT_MS);
            return Recwb.execute(new Recwb.Services(r, e, sims, () -> snapshot(writers), ready),
                    args == null ? new String[0] : args, System.out, System.err);
        } finally {
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
     * Waits until the number of registered plugins stops changing for a short while (at most 2 s). Backends are
     * counted by their service registrations: asking the registry would start native backends.
     */
    private static void waitForQuiet(PluginRegistry r, BundleContext bc) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        int last = -1;
        int stable = 0;
        while (System.nanoTime() < deadline && stable < 3) {
            int now = r.recommenders().size() + r.datasetAdapters().size() + r.metricSets().size()
                    + backendRegistrations(bc) + r.splitters().size() + r.policies().size() + r.simulators().size();
            stable = now == last && now > 0 ? stable + 1 : 0;
            last = now;
            Thread.sleep(20);
        }
    }

    private static int backendRegistrations(BundleContext bc) {
        try {
            return bc.getServiceReferences(ComputeBackend.class, null).size();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
    }

    @Override
    public void stop() {
        // the command runs to completion or is interrupted by the JVM shutting down
    }

}
