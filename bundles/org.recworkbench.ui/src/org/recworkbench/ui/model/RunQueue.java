package org.recworkbench.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.recworkbench.api.OperationCanceledException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.OutputFolder;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.report.AtomicFiles;
import org.recworkbench.report.ReportWriters;

/**
 * The desktop's experiment runs: each is an Eclipse {@link Job} (so it shows in progress views and can be
 * canceled); a shared scheduling rule runs them one after another, since one experiment already uses every core.
 * Each run writes its spec and every registered report into {@code <workspace>/runs/<started>-<name>/}; those
 * folders are the run history the next session reads back.
 */
public final class RunQueue {

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.systemDefault());

    /** One run at a time: the rule conflicts only with itself. */
    private static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private static RunQueue instance;

    private final java.util.function.Supplier<Path> workspace;
    private final List<RunRecord> runs = new CopyOnWriteArrayList<>();
    private final List<Consumer<RunRecord>> listeners = new CopyOnWriteArrayList<>();
    private final Map<RunRecord, Job> jobs = new ConcurrentHashMap<>();
    private final List<Consumer<RunRecord>> focusListeners = new CopyOnWriteArrayList<>();
    private volatile RunRecord focused;

    /** A queue on a fixed workspace, with the history found there. */
    public RunQueue(Path workspace) {
        this(() -> workspace);
    }

    /** A queue whose new runs go to the workspace {@code workspace} names when each run is queued. */
    private RunQueue(java.util.function.Supplier<Path> workspace) {
        this.workspace = workspace;
        runs.addAll(history(workspace.get().resolve("runs")));
    }

    /**
     * The queue of this desktop session: the history of the preferences' workspace at start, new runs in the
     * workspace the preferences name when they are queued (a changed preference applies to the next run).
     */
    public static synchronized RunQueue get() {
        if (instance == null) {
            instance = new RunQueue(() -> DesktopPreferences.load().workspace());
        }
        return instance;
    }

    /** Every run, oldest first: earlier sessions' runs, then this session's. */
    public List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    /** Hears every change of every run (state, stage, progress, log), on the job's thread. */
    public void addListener(Consumer<RunRecord> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<RunRecord> listener) {
        listeners.remove(listener);
    }

    /** The run whose results the views show: the one picked in the Runs view, else the last one to finish. */
    public RunRecord focused() {
        return focused;
    }

    /** Shows a run's results in the views that follow the focus. */
    public void focus(RunRecord run) {
        focused = run;
        for (Consumer<RunRecord> l : focusListeners) {
            l.accept(run);
        }
    }

    /** Hears which run the views should show, on the thread that changed it. */
    public void addFocusListener(Consumer<RunRecord> listener) {
        focusListeners.add(listener);
    }

    public void removeFocusListener(Consumer<RunRecord> listener) {
        focusListeners.remove(listener);
    }

    /**
     * Queues a run of a validated spec; {@code specText} is what the editor shows and is saved as the run's
     * {@code spec.yaml}, so the run can be repeated from the command line.
     */
    public RunRecord submit(ExperimentSpec spec, String specText) {
        Instant now = Instant.now();
        String safe = spec.name().replaceAll("[^A-Za-z0-9._-]", "_");
        Path runsFolder = workspace.get().resolve("runs");
        Path folder = runsFolder.resolve(FOLDER_TIME.format(now) + "-" + safe);
        for (int i = 2; Files.exists(folder); i++) {
            folder = runsFolder.resolve(FOLDER_TIME.format(now) + "-" + safe + "-" + i);
        }
        RunRecord run = new RunRecord(spec.name(), folder, RunRecord.State.QUEUED, now);
        run.log("queued " + spec.name());
        runs.add(run);
        Job job = new Job("Run " + spec.name()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return execute(run, spec, specText, monitor);
            }
        };
        job.setRule(ONE_AT_A_TIME);
        job.setUser(true);
        jobs.put(run, job);
        changed(run);
        job.schedule();
        return run;
    }

    /** Asks a queued or running run to stop; a running one stops at its next batch and keeps what it finished. */
    public void cancel(RunRecord run) {
        Job job = jobs.get(run);
        if (job != null) {
            job.cancel();
            if (run.state == RunRecord.State.QUEUED) {
                finish(run, RunRecord.State.CANCELED, "canceled before it started");
            }
        }
    }

    private IStatus execute(RunRecord run, ExperimentSpec spec, String specText, IProgressMonitor monitor) {
        if (monitor.isCanceled() || run.state.finished()) {
            finish(run, RunRecord.State.CANCELED, "canceled before it started");
            return Status.CANCEL_STATUS;
        }
        ExperimentRunner runner = Engine.experiments().orElse(null);
        if (runner == null) {
            finish(run, RunRecord.State.FAILED, "the experiment engine (org.recworkbench.core) is not running");
            return Status.OK_STATUS;
        }
        run.state = RunRecord.State.RUNNING;
        run.started = Instant.now();
        run.log("started in " + run.folder());
        changed(run);
        JobProgress progress = new JobProgress(run, monitor, 3 + 2 * spec.algorithms().size());
        long t0 = System.nanoTime();
        // written into a staging folder that becomes the run's folder only when complete: a run that fails or dies
        // with the desktop leaves no half folder for the history to trip over
        try (OutputFolder output = OutputFolder.prepare(run.folder())) {
            AtomicFiles.write(output.staging().resolve("spec.yaml"), out -> out.write(specText));
            ExperimentResult result = runner.run(spec, event -> onEvent(run, progress, event), progress);
            run.result = result;
            run.table = ResultTable.of(result);
            for (Path written : ReportWriters.writeAll(Engine.reportWriters(), result, output.staging())) {
                run.log("wrote " + written.getFileName());
            }
            output.commit();
            run.seconds = (System.nanoTime() - t0) / 1e9;
            boolean canceled = monitor.isCanceled() || result.algorithms().stream()
                    .anyMatch(a -> a.status() == AlgorithmResult.Status.CANCELED);
            long failed = result.algorithms().stream().filter(a -> a.status() == AlgorithmResult.Status.FAILED)
                    .count();
            finish(run, canceled ? RunRecord.State.CANCELED : failed > 0 ? RunRecord.State.FAILED
                    : RunRecord.State.SUCCEEDED, failed > 0 ? failed + " of " + result.algorithms().size()
                            + " algorithms failed" : null);
        } catch (OperationCanceledException e) {
            run.seconds = (System.nanoTime() - t0) / 1e9;
            finish(run, RunRecord.State.CANCELED, "canceled during " + run.stage);
        } catch (RuntimeException e) {
            run.seconds = (System.nanoTime() - t0) / 1e9;
            finish(run, RunRecord.State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            monitor.done();
        }
        return Status.OK_STATUS; // failures are reported in the Runs view, not as job error dialogs
    }

    private void onEvent(RunRecord run, JobProgress progress, RunListener.RunEvent event) {
        if (event instanceof RunListener.StageStarted s) {
            progress.stage(s.stage());
            run.log(s.stage());
        } else if (event instanceof RunListener.Notice n) {
            run.log("note: " + n.message());
        } else if (event instanceof RunListener.DataWarning w) {
            run.log("warning: " + w.message());
        } else if (event instanceof RunListener.AlgorithmFinished f) {
            AlgorithmResult a = f.result();
            run.log(a.label() + " " + a.status().name().toLowerCase() + (a.failure() == null
                    ? String.format(" (fit %.2f s, evaluate %.2f s)", a.fitSeconds(), a.evaluateSeconds())
                    : ": " + a.failure()));
        } else {
            return;
        }
        changed(run);
    }

    private void finish(RunRecord run, RunRecord.State state, String failure) {
        jobs.remove(run);
        run.state = state;
        run.failure = failure;
        if (state == RunRecord.State.SUCCEEDED) {
            run.progress = 1;
        }
        run.log(state.name().toLowerCase() + (failure == null ? "" : ": " + failure)
                + (Double.isNaN(run.seconds) ? "" : String.format(" after %.1f s", run.seconds)));
        changed(run);
        if (run.table != null) {
            focus(run);
        }
    }

    void changed(RunRecord run) {
        for (Consumer<RunRecord> l : listeners) {
            l.accept(run);
        }
    }

    /**
     * Runs of earlier sessions, oldest first: one per {@code runs/<folder>/results.json}; a file that cannot be
     * read is listed as a failed run that says why.
     */
    private static List<RunRecord> history(Path runsFolder) {
        List<RunRecord> found = new ArrayList<>();
        if (!Files.isDirectory(runsFolder)) {
            return found;
        }
        try (Stream<Path> folders = Files.list(runsFolder)) {
            for (Path folder : folders.sorted().toList()) {
                Path json = folder.resolve("results.json");
                if (!Files.isRegularFile(json)) {
                    continue;
                }
                try {
                    ResultTable table = ResultTable.read(json);
                    RunRecord run = new RunRecord(table.name(), folder, RunRecord.State.SUCCEEDED, table.started());
                    run.table = table;
                    run.seconds = table.seconds();
                    run.progress = 1;
                    run.log("from " + json);
                    found.add(run);
                } catch (RuntimeException e) {
                    // listed as failed with the reason, so the user sees it; the file stays untouched
                    RunRecord run = new RunRecord(folder.getFileName().toString(), folder, RunRecord.State.FAILED,
                            null);
                    run.failure = e.getMessage();
                    run.log("cannot read " + json + ": " + e.getMessage());
                    found.add(run);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** Adapts the engine's progress reports to the job's monitor and the run's stage-weighted progress. */
    private final class JobProgress implements ProgressMonitor {
        private static final int TICKS = 1000;
        private final RunRecord run;
        private final IProgressMonitor monitor;
        private final int stages;
        private int stagesStarted;
        private long total = -1;
        private long done;
        private int ticksReported;
        private long lastNotified;

        JobProgress(RunRecord run, IProgressMonitor monitor, int stages) {
            this.run = run;
            this.monitor = monitor;
            this.stages = stages;
            monitor.beginTask(run.name(), TICKS);
        }

        synchronized void stage(String stage) {
            stagesStarted++;
            run.stage = stage;
            total = -1;
            done = 0;
            update();
        }

        @Override
        public synchronized void begin(String task, long totalWork) {
            monitor.subTask(task);
            total = totalWork;
            done = 0;
            update();
        }

        @Override
        public synchronized void worked(long work) {
            done += work;
            update();
        }

        @Override
        public void done() {
        }

        @Override
        public boolean isCanceled() {
            return monitor.isCanceled();
        }

        private void update() {
            double within = total > 0 ? Math.min(1, done / (double) total) : 0;
            double overall = Math.min(1, (Math.max(0, stagesStarted - 1) + within) / stages);
            run.progress = overall;
            int ticks = (int) (overall * TICKS);
            if (ticks > ticksReported) {
                monitor.worked(ticks - ticksReported);
                ticksReported = ticks;
            }
            long now = System.nanoTime();
            if (now - lastNotified > 100_000_000L) { // views redraw at most ten times a second
                lastNotified = now;
                changed(run);
            }
        }
    }
}
