package org.recworkbench.dl4j.training;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.api.data.SparseMatrix;

/**
 * Mini-batches of users over a user → items matrix (the engine's CSR view, not copied): the users with at least one
 * item, shuffled per epoch from a seed, and each batch as a dense multi-hot matrix (1 where the user has the item).
 * Not thread safe.
 */
public final class UserBatches {
    private final SparseMatrix byUser;
    private final int[] users;
    private final int batchSize;
    private final SplittableRandom random;

    /**
     * @param byUser the training interactions by user
     * @param batchSize users per batch
     * @param seed the shuffle's seed (the same seed gives the same batches)
     */
    public UserBatches(SparseMatrix byUser, int batchSize, long seed) {
        this(byUser, java.util.stream.IntStream.range(0, byUser.rows()).filter(u -> byUser.rowLength(u) > 0)
                .toArray(), batchSize, seed);
    }

    /**
     * Batches of the given users only (e.g. those with enough history for a sequential model).
     *
     * @param users the users to batch, in the order the first shuffle starts from
     */
    public UserBatches(SparseMatrix byUser, int[] users, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.byUser = byUser;
        this.batchSize = batchSize;
        this.random = new SplittableRandom(seed);
        this.users = users.clone();
    }

    /** The users batched (by default those with at least one item, in index order). */
    public int[] users() {
        return users.clone();
    }

    /** Batches per epoch. */
    public int batches() {
        return (users.length + batchSize - 1) / batchSize;
    }

    /** The next epoch's batches: every user once, in a fresh seeded order (Fisher-Yates). */
    public int[][] epoch() {
        int[] order = users.clone();
        shuffle(order, random);
        int[][] out = new int[batches()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = Arrays.copyOfRange(order, b * batchSize, Math.min(order.length, (b + 1) * batchSize));
        }
        return out;
    }

    /** The rows of {@code users} as a dense {@code users.length × items} multi-hot matrix. */
    public static INDArray multiHot(SparseMatrix byUser, int[] users) {
        int n = byUser.cols();
        float[] dense = new float[users.length * n];
        int[] cols = byUser.columns();
        for (int b = 0; b < users.length; b++) {
            for (int p = byUser.rowStart(users[b]); p < byUser.rowEnd(users[b]); p++) {
                dense[b * n + cols[p]] = 1f;
            }
        }
        return Nd4j.create(dense, new long[] {users.length, n}, 'c').castTo(DataType.FLOAT);
    }

    /** This batch's rows as a dense multi-hot matrix. */
    public INDArray multiHot(int[] batch) {
        return multiHot(byUser, batch);
    }

    /** Shuffles {@code a} in place (Fisher-Yates), every order equally likely under {@code random}. */
    public static void shuffle(int[] a, java.util.SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
