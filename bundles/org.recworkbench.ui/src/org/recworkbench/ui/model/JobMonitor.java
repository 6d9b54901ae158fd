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

    @Override
    public synchronized void begin(String task, long totalWork) {
        monitor.subTask(task);
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
