package org.recworkbench.algo.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.compute.PreparedMatrix;

/**
 * {@code score(u, i) = mean + userBias[u] + itemBias[i] + P[u] · Q[i]} with row-major factors of width
 * {@code d}. Full-ranking scores for a block of users are one product of their factor rows with Q transposed on
 * the compute backend, into the caller's buffer, plus the biases.
 */
public final class FactorModel implements PersistentModel {
    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final int d;
    private final int numUsers;
    private final int numItems;
    private final boolean ratings;
    private final ComputeBackend backend;
    /** Whether any of mean, user bias or item bias is non-zero: without them a score is the bare product. */
    private final boolean offsets;
    /** The item factors as the backend wants them for products, prepared on first scoring. */
    private volatile PreparedMatrix preparedItems;

    /**
     * @param userBias null for none
     * @param itemBias null for none
     * @param predictsRatings whether scores are on the rating scale (explicit models)
     */
    public FactorModel(float mean, float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors,
            int d, boolean predictsRatings, ComputeBackend backend) {
        this.mean = mean;
        this.d = d;
        this.numUsers = userFactors.length / d;
        this.numItems = itemFactors.length / d;
        this.userBias = userBias == null ? new float[numUsers] : userBias;
        this.itemBias = itemBias == null ? new float[numItems] : itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.ratings = predictsRatings;
        this.backend = backend;
        this.offsets = mean != 0 || !allZero(this.userBias) || !allZero(this.itemBias);
    }

    private static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    public int dimensions() {
        return d;
    }

    public float[] userFactors() {
        return userFactors;
    }

    public float[] itemFactors() {
        return itemFactors;
    }

    @Override
    public void scoreAll(int[] users, float[] out) {
        float[] block = new float[users.length * d];
        for (int b = 0; b < users.length; b++) {
            System.arraycopy(userFactors, users[b] * d, block, b * d, d);
        }
        PreparedMatrix items = preparedItems;
        if (items == null) {
            items = backend.prepare(itemFactors, numItems, d); // a race prepares twice, harmlessly
            preparedItems = items;
        }
        backend.multiplyTransposed(block, users.length, items, out);
        if (!offsets) {
            return; // implicit ALS: the product is the score, and a pass over every score is saved
        }
        for (int b = 0; b < users.length; b++) {
            float base = mean + userBias[users[b]];
            int row = b * numItems;
            for (int i = 0; i < numItems; i++) {
                out[row + i] += base + itemBias[i];
            }
        }
    }

    @Override
    public boolean predictsRatings() {
        return ratings;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(d);
        out.writeInt(numUsers);
        out.writeInt(numItems);
        out.writeFloat(mean);
        out.writeBoolean(ratings);
        writeFloats(out, userBias);
        writeFloats(out, itemBias);
        writeFloats(out, userFactors);
        writeFloats(out, itemFactors);
    }

    /** Reads what {@link #write} wrote; the model scores with {@code backend}. */
    public static FactorModel read(DataInputStream in, ComputeBackend backend) throws IOException {
        int d = in.readInt();
        int users = in.readInt();
        int items = in.readInt();
        if (d < 1 || users < 0 || items < 0) {
            throw new IOException("not a factor model: " + d + " dimensions, " + users + " users, " + items
                    + " items");
        }
        float mean = in.readFloat();
        boolean ratings = in.readBoolean();
        float[] userBias = readFloats(in, users);
        float[] itemBias = readFloats(in, items);
        float[] userFactors = readFloats(in, users * d);
        float[] itemFactors = readFloats(in, items * d);
        return new FactorModel(mean, userBias, itemBias, userFactors, itemFactors, d, ratings, backend);
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    private static float[] readFloats(DataInputStream in, int expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("expected " + expected + " values, the file says " + n);
        }
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = in.readFloat();
        }
        return v;
    }

    @Override
    public float predict(int user, int item) {
        return mean + userBias[user] + itemBias[item] + dot(userFactors, user * d, itemFactors, item * d, d);
    }

    /** {@code a[ai..ai+d) · b[bi..bi+d)} with four partial sums (which the JIT keeps in registers). */
    public static float dot(float[] a, int ai, float[] b, int bi, int d) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int x = 0;
        for (; x + 3 < d; x += 4) {
            s0 += a[ai + x] * b[bi + x];
            s1 += a[ai + x + 1] * b[bi + x + 1];
            s2 += a[ai + x + 2] * b[bi + x + 2];
            s3 += a[ai + x + 3] * b[bi + x + 3];
        }
        for (; x < d; x++) {
            s0 += a[ai + x] * b[bi + x];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
