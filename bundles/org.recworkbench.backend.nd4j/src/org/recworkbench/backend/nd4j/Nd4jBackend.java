package org.recworkbench.backend.nd4j;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.compute.PreparedMatrix;
import org.recworkbench.dl4j.DeepLearning;

/**
 * Dense kernels on ND4J 1.0.0-M2.1 and the OpenBLAS it ships: the factor product is one {@code sgemm} into
 * off-heap buffers reused per thread, the SPD inverse is LAPACK's Cholesky ({@code spotrf} + {@code spotri});
 * top-k stays the API's filtered Java selection (ND4J's top-k op is slower and ignores k). Whether the natives
 * load is decided once, on first need: if they do not (other OS or CPU, no space for JavaCPP's cache, or
 * {@code -Drecwb.backend.nd4j=off} or {@code -Drecwb.dl4j=off}), the service stays registered but unavailable, with
 * the reason in its description, and the engine falls back to the next backend and says why. ND4J itself is started by
 * the {@link DeepLearning} service of {@code org.recworkbench.dl4j}. This class names no ND4J or JavaCPP type
 * (loading JavaCPP's classes already loads natives): the kernels live in {@link Nd4jKernels}, loaded only after a
 * successful start.
 */
@Component(service = ComputeBackend.class)
public class Nd4jBackend implements ComputeBackend {

    /** System property that turns the backend off ({@code off}) without uninstalling it. */
    public static final String SWITCH = "recwb.backend.nd4j";

    /** Below this many multiply-adds the JNI round trip costs more than it saves. */
    private static final long NATIVE_MIN_WORK = 1L << 16;

    private final DeepLearning runtime;

    /**
     * ND4J is started by the {@link DeepLearning} service (one per process, shared with the neural bundles) on the
     * first availability question, not here: loading the 323 MB native library takes about half a second, which
     * commands that never compute (help, list, describe) should not pay.
     */
    @Activate
    public Nd4jBackend(@Reference DeepLearning runtime) {
        this.runtime = runtime;
    }

    /** @return null when ND4J works, else why not */
    private String failure() {
        if ("off".equalsIgnoreCase(System.getProperty(SWITCH, ""))) {
            return "turned off by -D" + SWITCH + "=off";
        }
        return runtime.unavailableReason();
    }

    @Override
    public String id() {
        return "nd4j";
    }

    @Override
    public String description() {
        String why = failure();
        return why == null ? "ND4J " + DeepLearning.VERSION + " on OpenBLAS (sgemm, Cholesky inverse)"
                : "ND4J " + DeepLearning.VERSION + ", not available here: " + why;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean isAvailable() {
        return failure() == null;
    }

    @Override
    public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
        requireAvailable();
        if ((long) m * n * d < NATIVE_MIN_WORK) {
            smallProduct(a, m, b, n, d, out);
            return;
        }
        Nd4jKernels.multiplyTransposed(a, m, b, n, d, out);
    }

    /** Copies the operand off-heap once, so that products against it copy only the left operand and the result. */
    @Override
    public PreparedMatrix prepare(float[] b, int n, int d) {
        requireAvailable();
        return new PreparedMatrix(b, n, d, Nd4jKernels.offHeap(b, n, d));
    }

    @Override
    public void multiplyTransposed(float[] a, int m, PreparedMatrix b, float[] out) {
        requireAvailable();
        if ((long) m * b.rows() * b.columns() < NATIVE_MIN_WORK || !Nd4jKernels.isOffHeap(b.handle())) {
            multiplyTransposed(a, m, b.values(), b.rows(), b.columns(), out); // small, or another backend's
            return;
        }
        Nd4jKernels.multiplyTransposed(a, m, b.handle(), b.columns(), out);
    }

    /** LAPACK's Cholesky inverse ({@link Nd4jKernels#invertSymmetricPositiveDefinite}). */
    @Override
    public void invertSymmetricPositiveDefinite(float[] a, int n, ProgressMonitor monitor) {
        requireAvailable();
        if ((long) n * n > a.length) {
            throw new IllegalArgumentException(n + "x" + n + " matrix in an array of " + a.length);
        }
        monitor.checkCanceled();
        Nd4jKernels.invertSymmetricPositiveDefinite(a, n);
        monitor.worked(n);
    }

    private void requireAvailable() {
        String why = failure();
        if (why != null) {
            throw new IllegalStateException("the nd4j backend is not available: " + why);
        }
    }

    private static void smallProduct(float[] a, int m, float[] b, int n, int d, float[] out) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int x = 0; x < d; x++) {
                    s += a[i * d + x] * b[j * d + x];
                }
                out[i * n + j] = s;
            }
        }
    }
}
