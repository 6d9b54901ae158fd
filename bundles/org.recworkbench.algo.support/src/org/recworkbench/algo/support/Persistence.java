package org.recworkbench.algo.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;

/** Writing and reading the pieces neighbourhood models are made of (sparse matrices, baselines, parameters). */
public final class Persistence {
    private Persistence() {
    }

    public static void write(DataOutputStream out, SparseMatrix m) throws IOException {
        out.writeInt(m.rows());
        out.writeInt(m.cols());
        out.writeInt(m.columns().length);
        for (int r = 0; r < m.rows(); r++) {
            out.writeInt(m.rowLength(r));
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                out.writeInt(m.columns()[p]);
                out.writeFloat(m.values()[p]);
            }
        }
    }

    public static SparseMatrix readMatrix(DataInputStream in) throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        int nnz = in.readInt();
        if (rows < 0 || cols < 0 || nnz < 0) {
            throw new IOException("not a sparse matrix: " + rows + " x " + cols + ", " + nnz + " entries");
        }
        int[] r = new int[nnz];
        int[] c = new int[nnz];
        float[] v = new float[nnz];
        int k = 0;
        for (int row = 0; row < rows; row++) {
            int len = in.readInt();
            if (len < 0 || k + len > nnz) {
                throw new IOException("row " + row + " claims " + len + " entries, beyond the matrix's " + nnz);
            }
            for (int x = 0; x < len; x++, k++) {
                r[k] = row;
                c[k] = in.readInt();
                v[k] = in.readFloat();
                if (c[k] < 0 || c[k] >= cols) {
                    throw new IOException("column " + c[k] + " outside 0.." + (cols - 1));
                }
            }
        }
        return SparseMatrix.fromCoordinates(rows, cols, r, c, v);
    }

    public static void write(DataOutputStream out, Baselines b) throws IOException {
        out.writeFloat(b.mean());
        writeFloats(out, b.userBias());
        writeFloats(out, b.itemBias());
    }

    public static Baselines readBaselines(DataInputStream in) throws IOException {
        float mean = in.readFloat();
        return new Baselines(mean, readFloats(in), readFloats(in));
    }

    /** Parameter values as text (they round-trip through {@link Parameters#validate}). */
    public static void write(DataOutputStream out, Parameters p) throws IOException {
        Map<String, Object> values = p.asMap();
        out.writeInt(values.size());
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(String.valueOf(e.getValue()));
        }
    }

    public static Parameters readParameters(DataInputStream in, List<ParameterDescriptor> descriptors)
            throws IOException {
        int n = in.readInt();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            values.put(in.readUTF(), in.readUTF());
        }
        return Parameters.validate("model", descriptors, values);
    }

    /** The interactions behind a user → item matrix (values kept, timestamps not). */
    public static Interactions interactions(SparseMatrix userItems) {
        int n = userItems.columns().length;
        int[] users = new int[n];
        for (int u = 0; u < userItems.rows(); u++) {
            java.util.Arrays.fill(users, userItems.rowStart(u), userItems.rowEnd(u), u);
        }
        return new Interactions(userItems.rows(), userItems.cols(), users, userItems.columns().clone(),
                userItems.values().clone(), new long[n]);
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length " + n);
        }
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = in.readFloat();
        }
        return v;
    }
}
