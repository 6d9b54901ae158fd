package org.recworkbench.cli.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a command: cancels its progress monitor so that the work stops at its next check,
 * and holds the exiting JVM for up to 10 s until {@link #close()} says the command has written its table and
 * files. Use in try-with-resources around the work and the report.
 */
final class CancelOnExit implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnExit(TerminalProgress progress) {
        hook = new Thread(() -> {
            progress.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "recwb-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown(); // only now may an exiting JVM go: the table and the files are written
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting (Ctrl-C): the hook is running and waits for us
        }
    }
}
