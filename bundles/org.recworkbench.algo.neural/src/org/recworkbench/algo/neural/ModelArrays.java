package org.recworkbench.algo.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.api.data.SparseMatrix;

/** Float arrays and users' rows in a saved model's stream, read back with every size checked. */
final class ModelArrays {
    private ModelArrays() {
    }

    static void write(DataOutputStream out, INDArray a) throws IOException {
        long[] shape = a.shape();
        out.writeInt(shape.length);
        for (long s : shape) {
            out.writeLong(s);
        }
        for (float v : a.dup('c').data().asFloat()) {
            out.writeFloat(v);
        }
    }

    static INDArray read(DataInputStream in) throws IOException {
        int rank = in.readInt();
        if (rank < 1 || rank > 4) {
            throw new IOException("an array of rank " + rank + ": not a model of this bundle");
        }
        long[] shape = new long[rank];
        long n = 1;
        for (int k = 0; k < rank; k++) {
            shape[k] = in.readLong();
            n *= shape[k];
            if (shape[k] < 0 || n > Integer.MAX_VALUE) {
                throw new IOException("an array of shape " + Arrays.toString(shape) + " is not valid");
            }
        }
        float[] v = new float[(int) n];
        for (int k = 0; k < v.length; k++) {
            v[k] = in.readFloat();
        }
        return Nd4j.create(v, shape, 'c').castTo(DataType.FLOAT);
    }

    static void writeMatrix(DataOutputStream out, SparseMatrix m) throws IOException {
        out.writeInt(m.rows());
        out.writeInt(m.cols());
        out.writeInt(m.nonZeros());
        for (int r = 0; r <= m.rows(); r++) {
            out.writeInt(r < m.rows() ? m.rowStart(r) : m.nonZeros());
        }
        int[] cols = m.columns();
        for (int k = 0; k < m.nonZeros(); k++) {
            out.writeInt(cols[k]);
        }
    }

    static SparseMatrix readMatrix(DataInputStream in) throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        int nnz = in.readInt();
        if (rows < 0 || cols < 0 || nnz < 0) {
            throw new IOException("a matrix of " + rows + " x " + cols + " with " + nnz + " entries is not valid");
        }
        int[] pointers = new int[rows + 1];
        for (int r = 0; r <= rows; r++) {
            pointers[r] = in.readInt();
        }
        int[] columns = new int[nnz];
        for (int k = 0; k < nnz; k++) {
            columns[k] = in.readInt();
            if (columns[k] < 0 || columns[k] >= cols) {
                throw new IOException("column " + columns[k] + " outside 0.." + (cols - 1));
            }
        }
        float[] ones = new float[nnz];
        Arrays.fill(ones, 1f);
        return new SparseMatrix(rows, cols, pointers, columns, ones);
    }
}
