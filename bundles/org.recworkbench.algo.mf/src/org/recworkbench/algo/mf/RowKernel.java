package org.recworkbench.algo.mf;

/**
 * The inner loops of one implicit-ALS row solve: everything that touches the row's n factor vectors
 * {@code y_k} (gathered once per row, used by every CG step) and the d × d Gram matrix. An instance belongs to
 * one thread and owns its buffers. {@link RowKernels} picks the implementation: {@link ScalarRowKernel} (plain
 * loops that C2 auto-vectorizes) or, where the JDK's {@code jdk.incubator.vector} module is in the boot layer,
 * {@code VectorRowKernel} (compiled separately from {@code src-vector/}, since the compiler that builds the
 * bundle cannot see incubating modules).
 */
abstract class RowKernel {

    /** Gathers the n vectors {@code y_k = y[cols[start + k]·d, +d)} that the next calls work on. */
    abstract void gather(float[] y, int d, int[] cols, int start, int n);

    /**
     * {@code out += Σ_k (shift_k + scale_k · (y_k · v)) y_k} over the gathered vectors; a {@code null} shift is
     * all zeros.
     */
    abstract void accumulate(float[] v, float[] shift, float[] scale, float[] out);

    /** {@code out = (G + λI) v} for the symmetric d × d matrix {@code G} given by its rows. */
    abstract void gramTimes(float[][] gram, float lambda, float[] v, float[] out);

    /**
     * {@code g += Σ_{r ∈ [from, to)} y_r y_rᵀ} for the rows of a d-column matrix, in double precision; only the
     * upper triangle ({@code j ≥ i} of {@code g[i·d + j]}) is guaranteed, the caller mirrors it.
     */
    abstract void addGram(float[] y, int d, int from, int to, double[] g);

    /** A short name for logs and progress: which loops this kernel runs. */
    abstract String name();

    /** Floats handled per vector instruction (1 for scalar code). */
    int width() {
        return 1;
    }
}
