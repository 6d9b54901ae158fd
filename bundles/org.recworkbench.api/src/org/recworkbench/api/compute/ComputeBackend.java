package org.recworkbench.api.compute;

import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.TopK;

/**
 * Dense kernels behind batched scoring and training. Several backends may be registered (pure Java,
 * ND4J, CUDA); the engine uses the available one with the highest {@link #priority()} unless a spec
 * forces one. All backends give the same results within float tolerance. Thread safe.
 *
 * @since 1.0
 */
@ConsumerType
public interface ComputeBackend {

    /** Short stable id, e.g. {@code cpu}. */
    String id();

    String description();

    /** Higher wins when the engine picks automatically. */
    int priority();

    /** Whether this backend can run here (natives loaded, device present). */
    boolean isAvailable();

    /**
     * {@code out[i*n + j] = sum_d a[i*d + x] * b[j*d + x]}: the product of a row-major {@code m×d} matrix
     * with the transpose of a row-major {@code n×d} matrix (user factors against item factors).
     */
    void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out);

    /**
     * The right-hand operand of many products prepared once (a model's item factors): a backend that computes
     * elsewhere (off-heap, on a device) copies it there now instead of on every product. The caller must not
     * change {@code b} while the prepared operand is in use. The default keeps a reference to {@code b}.
     *
     * @since 1.1
     */
    default PreparedMatrix prepare(float[] b, int n, int d) {
        return new PreparedMatrix(b, n, d, null);
    }

    /**
     * {@link #multiplyTransposed(float[], int, float[], int, int, float[])} against a prepared operand (of this or
     * another backend: a foreign one is used through its heap values).
     *
     * @since 1.1
     */
    default void multiplyTransposed(float[] a, int m, PreparedMatrix b, float[] out) {
        multiplyTransposed(a, m, b.values(), b.rows(), b.columns(), out);
    }

    /**
     * For each of {@code rows} rows of a row-major {@code rows×cols} score matrix, the indices of the
     * {@code k} highest scores, best first, ties by lower index; {@code -Infinity}/NaN entries are never
     * selected and unfilled slots get index -1. Outputs are {@code rows×k}. The default is the filtered
     * selection of {@link TopK#selectRows}.
     */
    default void topK(float[] scores, int rows, int cols, int k, int[] outItems, float[] outScores) {
        TopK.selectRows(scores, rows, cols, k, outItems, outScores);
    }

    /**
     * Replaces the row-major {@code n×n} symmetric positive definite matrix {@code a} by its inverse (both
     * triangles). The default is the pure-Java elimination of {@link DenseInverse}; accelerated backends
     * override it with a factorisation (Cholesky) in native code.
     *
     * @param monitor told the work done (in pivots or backend-specific units) and asked for cancellation
     * @throws ArithmeticException if {@code a} is not positive definite
     * @since 1.1
     */
    default void invertSymmetricPositiveDefinite(float[] a, int n, ProgressMonitor monitor) {
        DenseInverse.invertSymmetricPositiveDefinite(a, n, monitor);
    }
}
