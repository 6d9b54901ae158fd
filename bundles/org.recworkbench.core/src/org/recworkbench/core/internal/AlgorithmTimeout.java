package org.recworkbench.core.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.recworkbench.api.OperationCanceledException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.spec.Durations;

/**
 * Runs one algorithm (search, fit and evaluation) on a thread of its own and gives up on it after its timeout. A
 * plugin cannot be killed, so giving up means: its monitor reports cancellation (a cooperative fit stops at its
 * next check), its thread is interrupted, its events no longer reach the run's listener (a model it finishes late
 * is not saved), and the run goes on with the next algorithm. A fit that ignores all of that keeps its daemon
 * thread until the process ends; the failure says so.
 */
final class AlgorithmTimeout {
    /** How long a timed-out algorithm gets to notice the cancellation before the run moves on. */
    private static final long GRACE_MS = 2_000;

    private AlgorithmTimeout() {
    }

    static AlgorithmResult run(String label, Duration timeout, RunListener listener, ProgressMonitor monitor,
            BiFunction<RunListener, ProgressMonitor, AlgorithmResult> work, Function<String, AlgorithmResult> failed) {
        TimedMonitor timed = new TimedMonitor(monitor);
        RunListener gated = event -> {
            if (!timed.expired) {
                listener.onEvent(event);
            }
        };
        FutureTask<AlgorithmResult> task = new FutureTask<>(() -> work.apply(gated, timed));
        Thread thread = new Thread(task, "recwb-algorithm-" + label);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            timed.expired = true;
            thread.interrupt();
            try {
                thread.join(GRACE_MS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return failed.apply("timed out after " + Durations.text(timeout) + " (the algorithm's timeout)"
                    + (thread.isAlive() ? "; it did not stop when asked and keeps running in the background until "
                            + "the process ends" : ""));
        } catch (InterruptedException e) {
            timed.expired = true;
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new OperationCanceledException("interrupted while waiting for " + label);
        } catch (ExecutionException e) {
            // runOne reports every exception as a result; what is left are errors such as OutOfMemoryError
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The run's monitor, which also reports cancellation once the algorithm's time is up. */
    private static final class TimedMonitor implements ProgressMonitor {
        private final ProgressMonitor parent;
        volatile boolean expired;

        TimedMonitor(ProgressMonitor parent) {
            this.parent = parent;
        }

        @Override
        public void begin(String task, long totalWork) {
            if (!expired) {
                parent.begin(task, totalWork);
            }
        }

        @Override
        public void worked(long work) {
            if (!expired) {
                parent.worked(work);
            }
        }

        @Override
        public void done() {
            if (!expired) {
                parent.done();
            }
        }

        @Override
        public void report(String name, long step, double value) {
            if (!expired) {
                parent.report(name, step, value);
            }
        }

        @Override
        public boolean isCanceled() {
            return expired || parent.isCanceled();
        }
    }
}
