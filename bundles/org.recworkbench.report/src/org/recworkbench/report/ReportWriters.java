package org.recworkbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.recworkbench.core.result.ExperimentResult;

/** Runs every report writer of a finished run. */
public final class ReportWriters {
    private ReportWriters() {
    }

    /**
     * Writes every report, the writers running side by side (they are independent and each writes only its own
     * files), and returns the files written ordered by writer id, so that what a run lists does not depend on
     * the order services happen to come in. A failing writer does not stop the others: once all have finished, the
     * first failure (by writer id) is thrown with the later ones attached as suppressed.
     */
    public static List<Path> writeAll(List<ReportWriter> writers, ExperimentResult result, Path folder) {
        List<CompletableFuture<List<Path>>> running = new ArrayList<>();
        for (ReportWriter w : writers.stream().sorted(Comparator.comparing(ReportWriter::id)).toList()) {
            running.add(CompletableFuture.supplyAsync(() -> w.write(result, folder)));
        }
        List<Path> written = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<List<Path>> r : running) {
            try {
                written.addAll(r.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }
}
