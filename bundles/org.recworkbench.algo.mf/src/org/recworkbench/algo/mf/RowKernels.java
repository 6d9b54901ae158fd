package org.recworkbench.algo.mf;

import java.util.function.Supplier;

/**
 * Chooses the implicit-ALS row kernel. The Vector API kernel runs a 20M-interaction iteration about 2× faster
 * (docs/benchmarks.md) but needs the incubating module {@code jdk.incubator.vector} in the boot layer
 * ({@code --add-modules jdk.incubator.vector}, which the product launchers pass); without it, for small fits,
 * for factors narrower than one vector, or with the system property {@code recworkbench.als.kernel=scalar},
 * the plain-Java kernel runs. The two give the same
 * solutions up to float rounding (their sums run in different orders); each is deterministic on its own.
 */
final class RowKernels {
    /** The system property that forces a kernel: {@code scalar} or {@code vector}. */
    static final String PROPERTY = "recworkbench.als.kernel";

    private static final int VECTOR_WIDTH = vectorWidth();

    private RowKernels() {
    }

    /**
     * Entries visited × d below which the plain kernel is as fast: until C2 has compiled it, Vector API code runs
     * far slower than plain loops, about 0.5 s lost in a fresh JVM. Whole fits at rank 64 in a fresh `recwb run`
     * (docs/benchmarks.md): ML-100K u1, 3 iterations (3e7): 0.95 s vector against 0.33 s plain; 80k training
     * interactions, 15 iterations (1.5e8): 0.75-0.79 against 0.72-0.75 s; 800k, 15 iterations (1.5e9): 1.50-1.75
     * against 2.00-2.10 s; 4M, 15 iterations (7.7e9): 4.5-5.2 against 8.2 s.
     */
    static final double VECTOR_MIN_WORK = 3e8;

    /**
     * Makes one kernel per call (one per thread) for a fit with d-dimensional factors that visits {@code entries}
     * matrix entries (interactions × iterations × 2 halves), as the property, the JDK and the size allow.
     */
    static Supplier<RowKernel> forFit(int d, double entries) {
        String forced = System.getProperty(PROPERTY, "");
        if (!forced.isEmpty() && !forced.equals("scalar") && !forced.equals("vector")) {
            throw new IllegalArgumentException("system property " + PROPERTY + " is '" + forced
                    + "'; expected scalar or vector (or leave it unset to let the fit choose)");
        }
        if (forced.equals("vector")) {
            return vector();
        }
        boolean vector = VECTOR_WIDTH > 0 && !forced.equals("scalar") && d >= VECTOR_WIDTH
                && entries * d >= VECTOR_MIN_WORK;
        return vector ? vector() : ScalarRowKernel::new;
    }

    /** Whether the Vector API kernel can run in this JVM. */
    static boolean vectorAvailable() {
        return VECTOR_WIDTH > 0;
    }

    /** Makes Vector API kernels; fails where {@link #vectorAvailable()} is false. */
    static Supplier<RowKernel> vector() {
        if (VECTOR_WIDTH == 0) {
            throw new IllegalStateException("the module jdk.incubator.vector is not available to "
                    + RowKernels.class.getName() + ": start the JVM with --add-modules jdk.incubator.vector");
        }
        return RowKernels::newVectorKernel;
    }

    /** Floats per vector of the Vector API kernel, 0 where the module or the class cannot be loaded. */
    private static int vectorWidth() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return 0;
        }
        try {
            return ((RowKernel) vectorKernelClass().getDeclaredConstructor().newInstance()).width();
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0; // module present but not visible to this bundle: the scalar kernel is correct, only slower
        }
    }

    private static Class<?> vectorKernelClass() throws ClassNotFoundException {
        return Class.forName("org.recworkbench.algo.mf.VectorRowKernel", true, RowKernels.class.getClassLoader());
    }

    private static RowKernel newVectorKernel() {
        try {
            return (RowKernel) vectorKernelClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
