package org.recworkbench.algo.support;

import java.util.Arrays;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Scores with a sparse item–item weight matrix W: {@code score(u, j) = Σ_{i ∈ items(u)} x_ui · W[i][j]}, where
 * {@code x_ui} is 1 (binary) or the interaction value. Item-kNN, RP3beta and SLIM all score this way.
 */
public final class ItemItemModel implements PersistentModel {
    private final SparseMatrix userItems;
    private final SparseMatrix weights;
    private final boolean binary;

    public ItemItemModel(SparseMatrix userItems, SparseMatrix weights, boolean binary) {
        this.userItems = userItems;
        this.weights = weights;
        this.binary = binary;
    }

    @Override
    public int numUsers() {
        return userItems.rows();
    }

    @Override
    public int numItems() {
        return weights.cols();
    }

    /** W, for inspection and tests. */
    public SparseMatrix weights() {
        return weights;
    }

    /** The user histories the scores are computed from. */
    public SparseMatrix userItems() {
        return userItems;
    }

    public boolean binary() {
        return binary;
    }

    @Override
    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeBoolean(binary);
        Persistence.write(out, userItems);
        Persistence.write(out, weights);
    }

    /** Reads what {@link #write} wrote. */
    public static ItemItemModel read(java.io.DataInputStream in) throws java.io.IOException {
        boolean binary = in.readBoolean();
        SparseMatrix userItems = Persistence.readMatrix(in);
        return new ItemItemModel(userItems, Persistence.readMatrix(in), binary);
    }

    @Override
    public void scoreAll(int[] users, float[] out) {
        int n = numItems();
        int[] wCols = weights.columns();
        float[] wVals = weights.values();
        int[] uCols = userItems.columns();
        float[] uVals = userItems.values();
        for (int b = 0; b < users.length; b++) {
            int base = b * n;
            Arrays.fill(out, base, base + n, 0f);
            int u = users[b];
            if (u >= userItems.rows()) {
                continue;
            }
            for (int p = userItems.rowStart(u); p < userItems.rowEnd(u); p++) {
                int i = uCols[p];
                float x = binary ? 1f : uVals[p];
                for (int q = weights.rowStart(i); q < weights.rowEnd(i); q++) {
                    out[base + wCols[q]] += x * wVals[q];
                }
            }
        }
    }
}
