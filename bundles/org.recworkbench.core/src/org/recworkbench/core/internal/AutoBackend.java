package org.recworkbench.core.internal;

import java.util.List;
import java.util.function.Supplier;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.compute.PreparedMatrix;

/**
 * The {@code auto} backend of one run: the best available backend, chosen when a model first calls a kernel.
 * Asking whether a native backend is available starts it (ND4J loads a 323 MB library), which runs of item–item
 * models never need; their top-k selection is the API's Java code, the same on every backend by contract, so
 * it does not resolve. What was chosen, and what was passed over, the runner reads after each algorithm.
 */
final class AutoBackend implements ComputeBackend {

    /** The backend id reported when no model called a kernel. */
    static final String NONE = "none";

    private final Supplier<List<ComputeBackend>> backends;
    private volatile ComputeBackend chosen;
    private String notice;
    private boolean noticeTaken;

    AutoBackend(Supplier<List<ComputeBackend>> backendsBestFirst) {
        this.backends = backendsBestFirst;
    }

    private ComputeBackend chosen() {
        ComputeBackend c = chosen;
        if (c == null) {
            synchronized (this) {
                if (chosen == null) {
                    List<ComputeBackend> all = backends.get();
                    ComputeBackend best = all.stream().filter(ComputeBackend::isAvailable).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no compute backend is available"));
                    List<String> skipped = all.stream()
                            .filter(b -> !b.isAvailable() && b.priority() > best.priority())
                            .map(b -> b.id() + " (" + b.description() + ")").toList();
                    notice = skipped.isEmpty() ? null : "compute backend " + best.id() + " computes; passed over: "
                            + String.join(", ", skipped);
                    chosen = best;
                }
                c = chosen;
            }
        }
        return c;
    }

    /** Why a better backend was passed over, once, after the choice was made; null otherwise. */
    synchronized String takeNotice() {
        if (chosen == null || noticeTaken) {
            return null;
        }
        noticeTaken = true;
        return notice;
    }

    /** The id of the backend that ran kernels, or {@value #NONE}. */
    String chosenId() {
        ComputeBackend c = chosen;
        return c == null ? NONE : c.id();
    }

    @Override
    public String id() {
        return chosen().id();
    }

    @Override
    public String description() {
        return chosen().description();
    }

    @Override
    public int priority() {
        return chosen().priority();
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
        chosen().multiplyTransposed(a, m, b, n, d, out);
    }

    @Override
    public PreparedMatrix prepare(float[] b, int n, int d) {
        return chosen().prepare(b, n, d);
    }

    @Override
    public void multiplyTransposed(float[] a, int m, PreparedMatrix b, float[] out) {
        chosen().multiplyTransposed(a, m, b, out);
    }

    @Override
    public void topK(float[] scores, int rows, int cols, int k, int[] outItems, float[] outScores) {
        ComputeBackend c = chosen;
        if (c == null) {
            TopK.selectRows(scores, rows, cols, k, outItems, outScores);
        } else {
            c.topK(scores, rows, cols, k, outItems, outScores);
        }
    }

    @Override
    public void invertSymmetricPositiveDefinite(float[] a, int n, ProgressMonitor monitor) {
        chosen().invertSymmetricPositiveDefinite(a, n, monitor);
    }
}
