package org.recworkbench.core.internal.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.SimulationContext;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunningSimulation;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.SimulationRunner;
import org.recworkbench.core.result.ArmResult;
import org.recworkbench.core.result.SimulationResult;
import org.recworkbench.core.spec.SimulationSpec;
import org.recworkbench.core.spec.SimulationSpec.PolicySpec;
import org.recworkbench.core.spec.SimulationSpec.VariantSpec;

/**
 * Checks the whole spec before building anything (unknown simulator, policy, fallback or parameter fails with
 * the field named), loads the dataset if any, then runs each variant's lanes in parallel and writes
 * {@code spec.json}, {@code timeseries.csv}, {@code summary.csv} and checkpoints under the output folder.
 */
@Component(service = SimulationRunner.class)
public class DefaultSimulationRunner implements SimulationRunner {

    private final PluginRegistry registry;
    private final ExperimentRunner experiments;

    @Activate
    public DefaultSimulationRunner(@Reference PluginRegistry registry, @Reference ExperimentRunner experiments) {
        this.registry = registry;
        this.experiments = experiments;
    }

    @Override
    public SimulationResult run(SimulationSpec spec, Path output, boolean resume, SimulationListener listener,
            ProgressMonitor monitor) {
        return execute(spec, output, resume, listener, monitor, new PolicyBinder(registry, spec.fallback(),
                spec.seed()));
    }

    @Override
    public RunningSimulation start(SimulationSpec spec, Path output, boolean resume, SimulationListener listener,
            ProgressMonitor monitor) {
        spec.validate();
        PolicyBinder binder = new PolicyBinder(registry, spec.fallback(), spec.seed());
        check(spec, binder);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ProgressMonitor stoppable = new ProgressMonitor() {
            @Override
            public void begin(String task, long totalWork) {
                monitor.begin(task, totalWork);
            }

            @Override
            public void worked(long work) {
                monitor.worked(work);
            }

            @Override
            public void done() {
                monitor.done();
            }

            @Override
            public void report(String name, long step, double value) {
                monitor.report(name, step, value);
            }

            @Override
            public boolean isCanceled() {
                return stop.get() || monitor.isCanceled();
            }
        };
        CompletableFuture<SimulationResult> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(execute(spec, output, resume, listener, stoppable, binder));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "recwb-simulation-" + spec.name());
        thread.setDaemon(true);
        thread.start();
        return new RunningSimulation() {
            @Override
            public void swap(String arm, String policyId) {
                if (spec.policies().stream().noneMatch(p -> p.label().equals(arm))) {
                    throw new InvalidSpecException("arm", "no arm '" + arm + "'; arms: "
                            + spec.policies().stream().map(PolicySpec::label).toList());
                }
                if (registry.policy(policyId).isEmpty()) {
                    throw new InvalidSpecException("policy", "no policy '" + policyId + "'");
                }
                binder.override(arm, policyId);
            }

            @Override
            public void cancel() {
                stop.set(true);
            }

            @Override
            public CompletableFuture<SimulationResult> result() {
                return result;
            }
        };
    }

    /** Everything that can be checked before a world is built; returns the simulator and its variants. */
    private Checked check(SimulationSpec spec, PolicyBinder binder) {
        Simulator simulator = registry.simulator(spec.simulator().id()).orElseThrow(() -> new InvalidSpecException(
                "simulator.id", "no simulator '" + spec.simulator().id() + "'; installed: "
                        + registry.simulators().stream().map(s -> s.descriptor().id()).toList()));
        Map<String, Parameters> variantParams = new LinkedHashMap<>();
        for (int i = 0; i < spec.variants().size(); i++) {
            VariantSpec v = spec.variants().get(i);
            Map<String, Object> merged = new LinkedHashMap<>(spec.simulator().params());
            merged.putAll(v.params());
            String where = v.params().isEmpty() ? "simulator.params" : "variants[" + i + "].params";
            variantParams.put(v.name(), Parameters.validate(where, simulator.descriptor().parameters(), merged));
        }
        List<PolicySpec> policies = spec.policies();
        for (int i = 0; i < policies.size(); i++) {
            binder.check(new SimulationArm(policies.get(i), List.of("reward"), 0, 0), i);
        }
        if (spec.fallback() != null && registry.policy(spec.fallback()).isEmpty()) {
            throw new InvalidSpecException("fallback", "no policy '" + spec.fallback() + "'");
        }
        return new Checked(simulator, variantParams);
    }

    private record Checked(Simulator simulator, Map<String, Parameters> variantParams) {
    }

    private SimulationResult execute(SimulationSpec spec, Path output, boolean resume, SimulationListener listener,
            ProgressMonitor monitor, PolicyBinder binder) {
        long started = System.nanoTime();
        spec.validate();
        Checked checked = check(spec, binder);
        // the output folder is checked (and an earlier run's files cleared) before any data is read
        SimulationFolder.prepare(output, spec, resume);
        Simulator simulator = checked.simulator();
        Map<String, Parameters> variantParams = checked.variantParams();
        List<PolicySpec> policies = spec.policies();
        Optional<Dataset> dataset = spec.dataset() == null ? Optional.empty()
                : Optional.of(experiments.loadDataset(spec.dataset(), spec.filters(), monitor));
        dataset.ifPresent(d -> d.warnings().values().forEach(w -> listener.onEvent(new SimulationListener.Notice(
                "warning: " + w))));
        boolean replicate = spec.traffic().equals("replicate");
        int lanes = replicate ? policies.size() : 1;
        monitor.begin("simulate " + spec.name(), spec.steps() * lanes * spec.variants().size());
        List<ArmResult> results = new ArrayList<>();
        TimeSeriesCsv csv = null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(lanes,
                Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "recwb-simulation");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (VariantSpec variant : spec.variants()) {
                if (monitor.isCanceled() && !results.isEmpty()) {
                    break; // stopped during an earlier variant: the later ones are not started
                }
                long envSeed = SeededRandom.derived(spec.seed(), "environment:" + variant.name()).nextLong();
                List<SimulationLane> laneList = new ArrayList<>();
                for (int lane = 0; lane < lanes; lane++) {
                    Environment env = simulator.create(new SimulationContext(envSeed, dataset, monitor),
                            variantParams.get(variant.name()));
                    List<String> rewardNames = env.info().rewardNames();
                    if (csv == null) {
                        csv = openCsv(spec, output, resume, rewardNames, lanes);
                    }
                    List<SimulationArm> arms = new ArrayList<>();
                    double totalShare = policies.stream().mapToDouble(PolicySpec::share).sum();
                    for (int a = 0; a < policies.size(); a++) {
                        if (replicate && a != lane) {
                            continue;
                        }
                        PolicySpec p = policies.get(a);
                        double fraction = replicate ? 1 : p.share() / totalShare;
                        double budget = spec.budget() == null ? Double.POSITIVE_INFINITY : spec.budget() * fraction;
                        arms.add(new SimulationArm(p, rewardNames, budget, Math.round(spec.steps() * fraction)));
                    }
                    Path checkpointFile = Checkpoint.file(output, variant.name(), lane);
                    long checkpointEvery = spec.checkpoint() == null ? 0 : spec.checkpoint().every();
                    SimulationLane.Setup setup = new SimulationLane.Setup(variant.name(), lane, spec.steps(),
                            spec.recordEvery(), checkpointEvery, spec.regret(), spec.seed(), checkpointFile);
                    SimulationLane l = new SimulationLane(setup, env, arms, binder, csv, listener, monitor);
                    if (resume && Files.isRegularFile(checkpointFile)) {
                        l.restore(Checkpoint.read(checkpointFile, arms.size()));
                    } else {
                        l.startFresh();
                    }
                    laneList.add(l);
                }
                List<Future<List<SimulationArm>>> futures = new ArrayList<>();
                for (SimulationLane l : laneList) {
                    futures.add(pool.submit(l));
                }
                for (Future<List<SimulationArm>> f : futures) {
                    for (SimulationArm arm : f.get()) {
                        results.add(arm.result(variant.name(), spec.regret()));
                    }
                }
            }
            writeSummary(output, results);
        } catch (IOException e) {
            throw new RecWorkbenchException("simulation " + spec.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecWorkbenchException("simulation " + spec.name() + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new RecWorkbenchException("simulation " + spec.name() + ": " + cause, cause);
        } finally {
            pool.shutdownNow();
            if (csv != null) {
                try {
                    csv.close();
                } catch (IOException e) {
                    listener.onEvent(new SimulationListener.Notice("cannot close the time series: " + e.getMessage()));
                }
            }
            monitor.done();
        }
        return new SimulationResult(spec.name(), spec.seed(), spec.steps(), spec.traffic(), spec.simulator().id(),
                results, (System.nanoTime() - started) / 1e9, output.toString());
    }

    private static TimeSeriesCsv openCsv(SimulationSpec spec, Path output, boolean resume, List<String> rewardNames,
            int lanes) throws IOException {
        List<String> variants = spec.variants().stream().map(VariantSpec::name).toList();
        List<String> arms = spec.policies().stream().map(PolicySpec::label).toList();
        if (!resume) {
            return TimeSeriesCsv.create(output, rewardNames, variants, arms);
        }
        Map<String, Long> resumeSteps = new HashMap<>();
        boolean replicate = spec.traffic().equals("replicate");
        for (VariantSpec v : spec.variants()) {
            for (int lane = 0; lane < lanes; lane++) {
                long step = Checkpoint.step(Checkpoint.file(output, v.name(), lane));
                if (step < 0) {
                    continue;
                }
                for (int a = 0; a < spec.policies().size(); a++) {
                    if (!replicate || a == lane) {
                        resumeSteps.put(v.name() + "/" + spec.policies().get(a).label(), step);
                    }
                }
            }
        }
        return TimeSeriesCsv.resume(output, rewardNames, resumeSteps, variants, arms);
    }

    private static void writeSummary(Path output, List<ArmResult> results) {
        List<String> lines = new ArrayList<>();
        List<String> rewardNames = results.isEmpty() ? List.of() : new ArrayList<>(results.get(0).rewards().keySet());
        StringBuilder header = new StringBuilder("variant,arm,policy_id,policies,steps");
        rewardNames.forEach(r -> header.append(',').append(r));
        header.append(",regret,shown,ctr,budget_spent,blocked,sessions,mean_session_length,status");
        lines.add(header.toString());
        for (ArmResult r : results) {
            StringBuilder sb = new StringBuilder();
            sb.append(TimeSeriesCsv.quote(r.variant())).append(',').append(TimeSeriesCsv.quote(r.label())).append(',')
                    .append(r.policyId()).append(',').append(TimeSeriesCsv.quote(String.join(" -> ", r.policies())))
                    .append(',').append(r.steps());
            for (String name : rewardNames) {
                sb.append(',').append(TimeSeriesCsv.number(r.rewards().getOrDefault(name, Double.NaN)));
            }
            sb.append(',').append(TimeSeriesCsv.number(r.regret())).append(',').append(r.shown()).append(',')
                    .append(TimeSeriesCsv.number(r.ctr())).append(',').append(TimeSeriesCsv.number(r.budgetSpent()))
                    .append(',').append(r.blocked()).append(',').append(r.sessions()).append(',')
                    .append(TimeSeriesCsv.number(r.meanSessionLength())).append(',')
                    .append(TimeSeriesCsv.quote(r.succeeded() ? "ok" : r.failure()));
            lines.add(sb.toString());
        }
        try {
            // written last and whole: a folder with a summary holds a finished run
            Path tmp = output.resolve(SimulationFolder.SUMMARY + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, output.resolve(SimulationFolder.SUMMARY), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write summary.csv: " + e.getMessage(), e);
        }
    }
}
