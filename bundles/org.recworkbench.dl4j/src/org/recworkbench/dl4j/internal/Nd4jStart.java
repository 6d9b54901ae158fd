package org.recworkbench.dl4j.internal;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starting ND4J inside OSGi. ND4J captures the context class loader in a static when its classes initialise and
 * finds its backend through a {@code ServiceLoader} on it; in a bundle that loader does not see the embedded jars,
 * so this bundle's loader is handed over first, before anything touches {@link Nd4j}.
 */
final class Nd4jStart {
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private Nd4jStart() {
    }

    /** @return null when ND4J, its BLAS and LAPACK work, else why not */
    static String start(ClassLoader bundleLoader, int threads, int opThreads) {
        System.setProperty("org.nd4j.log.initialization", System.getProperty("org.nd4j.log.initialization",
                "false"));
        // JavaCPP reads /proc/self/statm on every native allocation to enforce this limit; with ND4J's many small
        // arrays that was a fifth of NeuMF's training time. Its other limit, maxBytes (the heap size by default),
        // still bounds what ND4J allocates.
        System.setProperty(MAX_PHYSICAL_BYTES, System.getProperty(MAX_PHYSICAL_BYTES, "0"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try {
            ND4JClassLoading.setNd4jClassloader(bundleLoader);
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
            // BLAS gets the cores; ND4J's many small ops are faster on few OpenMP threads (DeepLearning.OP_THREADS)
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(opThreads);
            Nd4j.getEnvironment().setMaxThreads(opThreads);
            Nd4j.getEnvironment().setMaxMasterThreads(opThreads);
            Nd4j.factory().blas().setMaxThreads(threads);
            // [[1, 2]] · [[3, 4]]ᵀ = [[11]]: the backend resolved and its BLAS runs
            INDArray a = Nd4j.createFromArray(new float[][] {{1, 2}});
            INDArray b = Nd4j.createFromArray(new float[][] {{3, 4}});
            INDArray c = Nd4j.createUninitialized(DataType.FLOAT, new long[] {1, 1}, 'c');
            Nd4j.gemm(a, b, c, false, true, 1.0, 0.0);
            if (c.getFloat(0, 0) != 11f) {
                return "self-check product gave " + c.getFloat(0, 0) + ", expected 11";
            }
            Loader.load(openblas.class);
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
