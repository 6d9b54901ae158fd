package org.recworkbench.ui.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.recworkbench.core.result.ExperimentResult;

/**
 * One experiment run as the desktop tracks it: queued, running (with its stage and progress), or finished with
 * its result and report folder. Runs of earlier sessions come back from their {@code results.json} as history.
 * Written by the run's job thread, read by the views: fields are volatile and the log is synchronized.
 */
public final class RunRecord {

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELED;

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    private final String name;
    private final Path folder;
    private final List<String> log = new ArrayList<>();
    volatile State state;
    volatile Instant started;
    volatile double seconds = Double.NaN;
    volatile String stage = "";
    volatile double progress;
    volatile String failure;
    volatile ExperimentResult result;
    volatile ResultTable table;

    RunRecord(String name, Path folder, State state, Instant started) {
        this.name = name;
        this.folder = folder;
        this.state = state;
        this.started = started;
    }

    public String name() {
        return name;
    }

    /** Where the run's spec and reports are written. */
    public Path folder() {
        return folder;
    }

    public State state() {
        return state;
    }

    public Instant started() {
        return started;
    }

    /** Wall-clock seconds of a finished run, NaN before. */
    public double seconds() {
        return seconds;
    }

    /** The stage now running, e.g. {@code fit:item-knn}. */
    public String stage() {
        return stage;
    }

    /** Overall progress in [0, 1]: finished stages plus the running stage's share. */
    public double progress() {
        return progress;
    }

    /** Why the run failed, or null. */
    public String failure() {
        return failure;
    }

    /** The engine's result of a run of this session (null for runs read back from an earlier session). */
    public ExperimentResult result() {
        return result;
    }

    /** The results table of a finished run (read from its results.json for runs of earlier sessions). */
    public ResultTable table() {
        return table;
    }

    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    synchronized void log(String line) {
        log.add(line);
    }
}
