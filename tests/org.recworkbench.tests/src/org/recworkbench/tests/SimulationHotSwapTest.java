package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunningSimulation;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.SimulationRunner;
import org.recworkbench.core.result.ArmResult;
import org.recworkbench.core.result.SimulationResult;
import org.recworkbench.core.spec.SimulationSpec;
import org.recworkbench.core.spec.SimulationSpec.PolicySpec;
import org.recworkbench.core.spec.SimulationSpec.SimulatorSpec;

/**
 * A policy bundle installed, updated or uninstalled while a simulation runs at full speed takes over between two
 * steps: the arm serves every step exactly once (its step count equals the lane's step when the test stops the
 * run), and the time series records the switch at the step it happened. Removing the running policy falls back to the configured default.
 */
class SimulationHotSwapTest {

    /** Never reached: each test stops its run with {@code cancel()} once the swaps it waits for have happened. */
    private static final long STEPS = 500_000_000;

    private static SimulationSpec spec(String policy, String fallback) {
        return new SimulationSpec("hot-swap", 7L, new SimulatorSpec("latent-factor",
                Map.of("users", 2000, "items", 200, "slate-size", 3)), null, null, null,
                List.of(new PolicySpec(policy, "arm", Map.of(), null)), STEPS, "replicate", null, fallback, 50_000L,
                false, null, null);
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("recworkbench.newpolicy.jar", "missing"));
        assertTrue(Files.isRegularFile(jar), "test policy bundle not built: " + jar);
        return jar;
    }

    @Test
    void anUpdatedPolicyTakesOverBetweenTwoSteps(@TempDir Path out) throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        SimulationRunner runner = Services.await(SimulationRunner.class);
        assertTrue(Services.eventually(() -> registry.policy("ucb1").isPresent()));
        CountDownLatch running = new CountDownLatch(1);
        List<SimulationListener.Swapped> swaps = new java.util.concurrent.CopyOnWriteArrayList<>();
        SimulationListener listener = listener(running, swaps);
        RunningSimulation run = runner.start(spec("ucb1", null), out, false, listener, ProgressMonitor.NONE);
        assertTrue(running.await(60, TimeUnit.SECONDS), "the simulation never got going");
        Bundle patch = Services.context().installBundle(jar().toUri().toString());
        try {
            patch.start();
            assertTrue(Services.eventually(() -> !swaps.isEmpty()), "the running simulation did not switch");
            // updating the bundle re-registers its services: the arm follows the new registration
            int before = swaps.size();
            patch.update();
            assertTrue(Services.eventually(() -> swaps.size() > before
                    && swaps.get(swaps.size() - 1).to().contains("org.recworkbench.testing.newpolicy")),
                    "the arm did not follow the updated bundle: " + swaps);
            int beforeUninstall = swaps.size();
            patch.uninstall(); // and back: the original ucb1 is preferred again
            assertTrue(Services.eventually(() -> swaps.size() > beforeUninstall));
            run.cancel();
            SimulationResult result = run.result().get(120, TimeUnit.SECONDS);
            ArmResult arm = result.arms().get(0);
            long stoppedAt = stoppedAt(arm);
            assertEquals(stoppedAt, arm.steps(), "every step served exactly once");
            List<String> served = arm.policies();
            assertEquals(swaps.size() + 1, served.size(), served.toString());
            assertTrue(served.get(0).contains("org.recworkbench.algo.bandit"), served.toString());
            assertTrue(served.get(1).contains("org.recworkbench.testing.newpolicy"), served.toString());
            assertTrue(served.get(served.size() - 1).contains("org.recworkbench.algo.bandit"), served.toString());
            assertEquals("updated", swaps.get(0).reason());
            checkTimeSeries(out.resolve("timeseries.csv"), swaps.get(0).step(), "org.recworkbench.testing.newpolicy",
                    stoppedAt);
        } finally {
            if (patch.getState() != Bundle.UNINSTALLED) {
                patch.uninstall();
            }
        }
    }

    @Test
    void removingTheRunningPolicyFallsBackToTheDefault(@TempDir Path out) throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        SimulationRunner runner = Services.await(SimulationRunner.class);
        Bundle canary = Services.context().installBundle(jar().toUri().toString());
        try {
            canary.start();
            assertTrue(Services.eventually(() -> registry.policy("canary").isPresent()));
            CountDownLatch running = new CountDownLatch(1);
            List<SimulationListener.Swapped> swaps = new java.util.concurrent.CopyOnWriteArrayList<>();
            SimulationListener listener = listener(running, swaps);
            RunningSimulation run = runner.start(spec("canary", "epsilon-greedy"), out, false, listener,
                    ProgressMonitor.NONE);
            assertTrue(running.await(60, TimeUnit.SECONDS), "the simulation never got going");
            canary.uninstall();
            assertTrue(Services.eventually(() -> !swaps.isEmpty()), "the arm did not fall back");
            run.cancel();
            SimulationResult result = run.result().get(120, TimeUnit.SECONDS);
            ArmResult arm = result.arms().get(0);
            long stoppedAt = stoppedAt(arm);
            assertEquals(stoppedAt, arm.steps());
            assertEquals("fallback", swaps.get(0).reason());
            assertTrue(arm.policies().get(1).startsWith("epsilon-greedy (org.recworkbench.algo.bandit"),
                    arm.policies().toString());
            checkTimeSeries(out.resolve("timeseries.csv"), swaps.get(0).step(), "epsilon-greedy", stoppedAt);
        } finally {
            if (canary.getState() != Bundle.UNINSTALLED) {
                canary.uninstall();
            }
        }
    }

    /**
     * The CSV has the switch at the step it happened, and the arm's own step count equals the lane's step on
     * every row: nothing lost, nothing served twice.
     */
    /** Opens {@code running} once the run passed step 100,000 and collects its swaps. */
    private static SimulationListener listener(CountDownLatch running, List<SimulationListener.Swapped> swaps) {
        return e -> {
            if (e instanceof SimulationListener.Recorded r && r.point().step() >= 100_000) {
                running.countDown();
            }
            if (e instanceof SimulationListener.Swapped s) {
                swaps.add(s);
            }
        };
    }

    /** The lane step at which {@code cancel()} stopped the run (the arm's only failure). */
    private static long stoppedAt(ArmResult arm) {
        assertTrue(arm.failure() != null && arm.failure().startsWith("canceled at step "), arm.failure());
        return Long.parseLong(arm.failure().substring("canceled at step ".length()));
    }

    private static void checkTimeSeries(Path csv, long swapStep, String newPolicy, long lastStep) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int policy = header.indexOf("policy");
        int step = header.indexOf("step");
        int armSteps = header.indexOf("arm_steps");
        int event = header.indexOf("event");
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        String[] swap = rows.stream().filter(r -> r[event].startsWith("swap:") || r[event].startsWith("fallback:"))
                .findFirst().orElseThrow();
        assertEquals(swapStep, Long.parseLong(swap[step]));
        assertTrue(swap[policy].contains(newPolicy), swap[policy]);
        long previous = -1;
        for (String[] r : rows) {
            long s = Long.parseLong(r[step]);
            assertEquals(s, Long.parseLong(r[armSteps]), "arm steps at lane step " + s);
            assertTrue(s >= previous, "rows in step order");
            previous = s;
            if (s < swapStep) {
                assertFalse(r[policy].contains(newPolicy), "before the swap at " + swapStep + ": " + r[policy]);
            }
        }
        assertEquals(lastStep, previous);
    }
}
