package org.recworkbench.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.recworkbench.api.ProgressMonitor;

/**
 * A progress bar on the terminal ({@code [#####-----] 52% evaluate item-knn 3120/6000 1.2s}), redrawn in
 * place at most ten times a second. When stderr is not a terminal, only the start and end of each task are
 * printed, so logs stay readable. Thread safe.
 */
final class TerminalProgress implements ProgressMonitor {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final AtomicBoolean canceled = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private volatile String task = "";
    private volatile long total = -1;
    private volatile long started;
    private volatile long lastDraw;
    /** The latest reported values of the task ("loss 0.4173"), shown after the bar and on its done line. */
    private final java.util.Map<String, Double> reported = new java.util.LinkedHashMap<>();

    TerminalProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** The task most recently begun by any progress bar of this process, for a crash's one-line message. */
    private static volatile String lastTask;

    static String lastTask() {
        return lastTask;
    }

    @Override
    public synchronized void begin(String newTask, long totalWork) {
        task = newTask;
        lastTask = newTask;
        total = totalWork;
        done.set(0);
        reported.clear();
        started = System.nanoTime();
        lastDraw = 0;
        if (!interactive) {
            out.println("  " + newTask + " ...");
        } else {
            draw(true);
        }
    }

    @Override
    public void worked(long work) {
        done.addAndGet(work);
        if (interactive && System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw(false);
        }
    }

    @Override
    public synchronized void done() {
        double seconds = (System.nanoTime() - started) / 1e9;
        if (interactive) {
            out.print("\r\033[K");
        }
        out.printf("  %s done in %.2f s%s%n", task, seconds, reported.isEmpty() ? "" : " (" + values() + ")");
        out.flush();
    }

    @Override
    public synchronized void report(String name, long step, double value) {
        reported.put(name, value);
        if (interactive) {
            draw(true);
        }
    }

    private String values() {
        StringBuilder sb = new StringBuilder();
        reported.forEach((name, value) -> sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.4g", value)));
        return sb.toString();
    }

    @Override
    public boolean isCanceled() {
        return canceled.get();
    }

    void cancel() {
        canceled.set(true);
    }

    private synchronized void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw <= REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        long d = done.get();
        double seconds = (now - started) / 1e9;
        StringBuilder sb = new StringBuilder("\r\033[K");
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, d * WIDTH / total);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
            sb.append(String.format("%3d%% ", Math.min(100, d * 100 / total)));
            sb.append(task).append(' ').append(d).append('/').append(total);
        } else {
            sb.append("[").append(" ".repeat((int) (seconds * 4) % WIDTH)).append("*").append("] ").append(task);
        }
        sb.append(String.format(" %.1fs", seconds));
        if (!reported.isEmpty()) {
            sb.append(' ').append(values());
        }
        out.print(sb);
        out.flush();
    }
}
