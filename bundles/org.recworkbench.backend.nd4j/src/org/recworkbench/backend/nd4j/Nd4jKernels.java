package org.recworkbench.backend.nd4j;

import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native kernels: the factor product is one {@code sgemm} into off-heap buffers reused per thread (copied
 * from and to the caller's arrays: the copies cost about a quarter of the product), the SPD inverse is LAPACK's
 * Cholesky. Used only after {@link Nd4jRuntime#start} succeeded.
 */
final class Nd4jKernels {

    /** One native call at a time: OpenBLAS already uses every core, concurrent calls would oversubscribe. */
    private static final ReentrantLock NATIVE_LOCK = new ReentrantLock();
    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

    private Nd4jKernels() {
    }

    /** {@code out = a · bᵀ} by one {@code sgemm} on this thread's off-heap operands. */
    static void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
        INDArray right = WORKSPACES.get().right(n, d);
        right.data().asNioFloat().put(b, 0, n * d);
        multiply(a, m, right, out);
    }

    /** {@code out = a · bᵀ} against an operand already off-heap ({@link #offHeap}). */
    static void multiplyTransposed(float[] a, int m, Object preparedRight, int d, float[] out) {
        multiply(a, m, (INDArray) preparedRight, out);
    }

    /** An off-heap copy of a row-major {@code n×d} matrix, freed with the returned array. */
    static Object offHeap(float[] b, int n, int d) {
        INDArray copy = Nd4j.createUninitialized(DataType.FLOAT, new long[] {n, d}, 'c');
        copy.data().asNioFloat().put(b, 0, n * d);
        return copy;
    }

    static boolean isOffHeap(Object handle) {
        return handle instanceof INDArray;
    }

    private static void multiply(float[] a, int m, INDArray right, float[] out) {
        int d = (int) right.columns();
        int n = (int) right.rows();
        Workspace w = WORKSPACES.get();
        INDArray left = w.left(m, d);
        INDArray product = w.product(m, n);
        left.data().asNioFloat().put(a, 0, m * d);
        NATIVE_LOCK.lock();
        try {
            Nd4j.gemm(left, right, product, false, true, 1.0, 0.0);
        } finally {
            NATIVE_LOCK.unlock();
        }
        product.data().asNioFloat().get(out, 0, m * n);
    }

    /**
     * Cholesky factorisation and inverse in single precision ({@code LAPACKE_spotrf}/{@code spotri} on the upper
     * triangle of the row-major matrix), then the lower triangle mirrored. Not cancellable while in LAPACK.
     */
    static void invertSymmetricPositiveDefinite(float[] a, int n) {
        long cells = (long) n * n;
        try (FloatPointer p = new FloatPointer(cells)) {
            p.put(a, 0, (int) cells);
            int info;
            NATIVE_LOCK.lock();
            try {
                info = openblas.LAPACKE_spotrf(openblas.LAPACK_ROW_MAJOR, (byte) 'U', n, p, n);
                if (info == 0) {
                    info = openblas.LAPACKE_spotri(openblas.LAPACK_ROW_MAJOR, (byte) 'U', n, p, n);
                }
            } finally {
                NATIVE_LOCK.unlock();
            }
            if (info > 0) {
                throw new ArithmeticException("matrix is not positive definite (leading minor of order " + info
                        + " is not)");
            }
            if (info < 0) {
                throw new IllegalStateException("LAPACK rejected argument " + (-info));
            }
            p.get(a, 0, (int) cells);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
    }

    /** Off-heap operands of one thread, reallocated only when a shape changes (the last batch, another model). */
    private static final class Workspace {
        private INDArray left;
        private INDArray right;
        private INDArray product;

        INDArray left(int rows, int cols) {
            left = sized(left, rows, cols);
            return left;
        }

        INDArray right(int rows, int cols) {
            right = sized(right, rows, cols);
            return right;
        }

        INDArray product(int rows, int cols) {
            product = sized(product, rows, cols);
            return product;
        }

        private static INDArray sized(INDArray current, int rows, int cols) {
            if (current != null && current.rows() == rows && current.columns() == cols) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            return Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, cols}, 'c');
        }
    }
}
