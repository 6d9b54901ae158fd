package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;

/**
 * While a run is evaluating a slow algorithm, a new algorithm bundle is installed from its jar and the slow
 * algorithm's bundle is uninstalled. The registry reflects both at once, the run finishes with the removed
 * algorithm reported as failed (not hung), and the next run uses the new algorithm.
 */
class HotSwapTest {

    @Test
    void installAndUninstallWhileARunIsInProgress() throws Exception {
        BundleContext context = Services.context();
        PluginRegistry registry = Services.await(PluginRegistry.class);
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        assertTrue(Services.eventually(() -> registry.recommender("slow-popular").isPresent()));
        Path jar = Path.of(System.getProperty("recworkbench.newalgo.jar", "missing"));
        assertTrue(Files.isRegularFile(jar), "new algorithm bundle not built: " + jar);

        CountDownLatch slowEvaluating = new CountDownLatch(1);
        RunListener listener = event -> {
            if (event instanceof RunListener.StageStarted s && s.stage().equals("evaluate:slow-popular")) {
                slowEvaluating.countDown();
            }
        };
        // 2,000 test users in batches of up to 512: at least 4 batches of 300 ms each on one thread
        CompletableFuture<ExperimentResult> run = CompletableFuture.supplyAsync(() -> runner.run(
                Specs.synthetic(2000, 500, 40_000, 1, Specs.algo("most-popular"), Specs.algo("slow-popular")),
                listener, ProgressMonitor.NONE));
        assertTrue(slowEvaluating.await(60, TimeUnit.SECONDS), "the slow algorithm never started evaluating");

        Bundle added = context.installBundle(jar.toUri().toString());
        added.start();
        Bundle slow = bundle(context, "org.recworkbench.testing.slowalgo");
        slow.uninstall();

        // the registry reflects the change at once, without any restart
        assertTrue(Services.eventually(() -> registry.recommender("recent-popular").isPresent()));
        assertFalse(registry.recommender("slow-popular").isPresent());

        ExperimentResult result = run.get(60, TimeUnit.SECONDS);
        AlgorithmResult popular = result.algorithms().get(0);
        AlgorithmResult removed = result.algorithms().get(1);
        assertEquals(AlgorithmResult.Status.SUCCEEDED, popular.status(), popular.failure());
        assertEquals(AlgorithmResult.Status.FAILED, removed.status());
        assertTrue(removed.failure().contains("uninstalled"), removed.failure());

        ExperimentResult next = runner.run(Specs.synthetic(300, 200, 6000, 1, Specs.algo("recent-popular"),
                Specs.algo("random")), RunListener.NONE, ProgressMonitor.NONE);
        assertTrue(next.algorithms().get(0).succeeded(), next.algorithms().get(0).failure());
        added.uninstall();
    }

    private static Bundle bundle(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        assertNotNull(null, symbolicName + " is not installed");
        return null;
    }
}
