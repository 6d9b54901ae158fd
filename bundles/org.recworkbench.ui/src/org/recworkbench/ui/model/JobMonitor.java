package org.recworkbench.ui.model;

import org.eclipse.core.runtime.IProgressMonitor;
import org.recworkbench.api.ProgressMonitor;

/**
 * The engine's progress reports on an Eclipse job's monitor (its progress bar and its Cancel button). The
 * engine may begin several tasks in a row; each restarts the bar's sub-task.
 */
public final class JobMonitor implements ProgressMonitor {

    private final IProgressMonitor monitor;

    public JobMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    private String task = "";

    @Override
    public synchronized void begin(String task, long totalWork) {
        this.task = task;
        monitor.subTask(task);
    }

    /** Shown in the job's sub-task line: "fit sasrec: loss 0.4173 (epoch 12)". */
    @Override
    public synchronized void report(String name, long step, double value) {
        monitor.subTask(String.format(java.util.Locale.ROOT, "%s: %s %.4g (%s %d)", task, name, value,
                task.startsWith("fit") ? "epoch" : "step", step));
    }

    @Override
    public void worked(long work) {
        // the job's bar is indeterminate: the engine's task sizes are not known when the job begins
    }

    @Override
    public void done() {
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
