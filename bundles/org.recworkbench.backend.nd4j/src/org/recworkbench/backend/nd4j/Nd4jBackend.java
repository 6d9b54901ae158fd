package org.recworkbench.backend.nd4j;

import java.io.File;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.compute.PreparedMatrix;

/**
 * Dense kernels on ND4J 1.0.0-M2.1 and the OpenBLAS it ships: the factor product is one {@code sgemm} into
 * off-heap buffers reused per thread, the SPD inverse is LAPACK's Cholesky ({@code spotrf} + {@code spotri});
 * top-k stays the API's filtered Java selection (ND4J's top-k op is slower and ignores k). Whether the natives
 * load is decided once, on first need: if they do not (other OS or CPU, no space for JavaCPP's cache, or
 * {@code -Drecwb.backend.nd4j=off}), the service stays registered but unavailable, with the reason in its
 * description, and the engine falls back to the next backend and says why. This class names no ND4J or JavaCPP
 * type (loading JavaCPP's classes already loads natives): the kernels live in {@link Nd4jKernels}, loaded only
 * after a successful start.
 */
@Component(service = ComputeBackend.class)
public class Nd4jBackend implements ComputeBackend {

    /** System property that turns the backend off ({@code off}) without uninstalling it. */
    public static final String SWITCH = "recwb.backend.nd4j";

    /** Below this many multiply-adds the JNI round trip costs more than it saves. */
    private static final long NATIVE_MIN_WORK = 1L << 16;

    /** Why the natives cannot be used (null: they can); started on first need. */
    private final AtomicReference<CompletableFuture<String>> failure = new AtomicReference<>();
    private volatile ClassLoader loader;

    /**
     * Only notes where JavaCPP extracts its natives: loading the 323 MB native library takes about half a second,
     * which commands that never compute (help, list, describe) should not pay, so ND4J starts on the first
     * question about availability (a run's {@code auto} backend asks when a model first calls a kernel).
     */
    @Activate
    void activate(BundleContext context) {
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            // natives are extracted once per installation, not into the user's home
            File cache = context.getDataFile("javacpp");
            if (cache != null) {
                System.setProperty("org.bytedeco.javacpp.cachedir", cache.getAbsolutePath());
            }
        }
        loader = Nd4jBackend.class.getClassLoader();
    }

    /** Loads ND4J with this loader and checks a tiny product, now, on this thread (tests). */
    void start(ClassLoader with) {
        failure.set(CompletableFuture.completedFuture(startNow(with)));
    }

    /** @return null when ND4J works, else why not */
    private static String startNow(ClassLoader loader) {
        if ("off".equalsIgnoreCase(System.getProperty(SWITCH, ""))) {
            return "turned off by -D" + SWITCH + "=off";
        }
        try {
            return Nd4jRuntime.start(loader);
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError, ...
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private String failure() {
        CompletableFuture<String> started = failure.get();
        if (started == null) {
            CompletableFuture<String> mine = new CompletableFuture<>();
            if (failure.compareAndSet(null, mine)) {
                ClassLoader with = loader;
                mine.complete(with == null ? "not activated" : startNow(with));
            }
            started = failure.get();
        }
        return started.join();
    }

    @Override
    public String id() {
        return "nd4j";
    }

    @Override
    public String description() {
        String why = failure();
        return why == null ? "ND4J " + Nd4jRuntime.VERSION + " on OpenBLAS (sgemm, Cholesky inverse)"
                : "ND4J " + Nd4jRuntime.VERSION + ", not available here: " + why;
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
