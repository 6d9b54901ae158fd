package org.recworkbench.dl4j;

import org.osgi.annotation.versioning.ProviderType;

/**
 * DeepLearning4J and ND4J, started once per process with what they need inside OSGi: ND4J's class loader set to this
 * bundle's before anything touches {@code Nd4j} (it finds its backend through a ServiceLoader on that loader),
 * JavaCPP's native cache in this bundle's data area, the log banner off, and the number of threads its ops and its
 * BLAS use capped. Starting loads a 323 MB native library (about half a second; the first start in an installation
 * also extracts about 400 MB of natives), so it happens on the first availability question, not at activation:
 * commands that never train or compute do not pay it. Where the natives cannot load (another OS or CPU, no room for
 * the cache, {@code -Drecwb.dl4j=off}), everything that needs DL4J says why and everything else works. Thread safe.
 */
@ProviderType
public interface DeepLearning {

    /** The embedded DeepLearning4J and ND4J release. */
    String VERSION = "1.0.0-M2.1";

    /** System property that turns DL4J off ({@code off}) without uninstalling it. */
    String SWITCH = "recwb.dl4j";

    /** System property: the threads BLAS (matrix products) may use (default: every core). */
    String THREADS = "recwb.dl4j.threads";

    /**
     * System property: the OpenMP threads of ND4J's other ops (element-wise, reductions, gathers and scatters;
     * default 1). Networks of many small ops trained 2-2.5x faster on one such thread than on two (measured on the
     * project's 2-core machine, docs/benchmarks.md): the cost of waking threads exceeds the work.
     */
    String OP_THREADS = "recwb.dl4j.op-threads";

    /**
     * A runtime for code outside a framework (plain unit tests, tools run from a class path): ND4J is started with
     * this library's class loader on the first availability question, as the service does.
     */
    static DeepLearning standalone() {
        return new org.recworkbench.dl4j.internal.Dl4jRuntime();
    }

    /** Whether ND4J's natives load and compute here; the first call starts them, on the calling thread. */
    boolean isAvailable();

    /** Why DeepLearning4J cannot run here, or null when it can. */
    String unavailableReason();

    /** The threads BLAS uses. */
    int threads();

    /** The OpenMP threads of ND4J's other ops. */
    int opThreads();

    /**
     * Returns normally when DL4J runs here, else throws an {@link IllegalStateException} that names {@code who}
     * needed it and why it cannot run.
     */
    /** Empty when DL4J can run here, else why not (for {@code Recommender.unavailableReason()}). */
    default java.util.Optional<String> whyUnavailable() {
        return isAvailable() ? java.util.Optional.empty() : java.util.Optional.of(unavailableReason());
    }

    default void requireAvailable(String who) {
        if (!isAvailable()) {
            throw new IllegalStateException(who + " needs DeepLearning4J, which cannot run here: "
                    + unavailableReason());
        }
    }
}
