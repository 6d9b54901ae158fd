package org.recworkbench.algo.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.dl4j.training.UserBatches;

/**
 * A trained Mult-VAE: scores a batch of users by encoding their training rows to the latent mean and decoding it to
 * one logit per item (no sampling, no dropout). It keeps the users' training rows, which are its input. Scoring
 * calls from several threads each build their own arrays.
 */
final class MultVaeModel implements PersistentModel {
    private static final int FORMAT = 1;

    /** Encoder to the mean ({@code w1, b1, wMu, bMu}) and decoder ({@code w3, b3, w4, b4}). */
    record Weights(INDArray w1, INDArray b1, INDArray wMu, INDArray bMu, INDArray w3, INDArray b3, INDArray w4,
            INDArray b4) {
        INDArray[] all() {
            return new INDArray[] {w1, b1, wMu, bMu, w3, b3, w4, b4};
        }
    }

    private final int numUsers;
    private final int numItems;
    private final SparseMatrix history;
    private final Weights w;

    MultVaeModel(int numUsers, int numItems, SparseMatrix history, Weights w) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.history = history;
        this.w = w;
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public void scoreAll(int[] users, float[] out) {
        INDArray x = UserBatches.multiHot(history, users);
        INDArray norm = Transforms.sqrt(x.mul(x).sum(true, 1).addi(1e-10), false);
        x.diviColumnVector(norm);
        INDArray h1 = Transforms.tanh(x.mmul(w.w1()).addiRowVector(w.b1()), false);
        INDArray mu = h1.mmul(w.wMu()).addiRowVector(w.bMu());
        INDArray h2 = Transforms.tanh(mu.mmul(w.w3()).addiRowVector(w.b3()), false);
        INDArray logits = h2.mmul(w.w4()).addiRowVector(w.b4());
        float[] scores = logits.data().asFloat();
        System.arraycopy(scores, 0, out, 0, users.length * numItems);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(numUsers);
        out.writeInt(numItems);
        ModelArrays.writeMatrix(out, history);
        for (INDArray a : w.all()) {
            ModelArrays.write(out, a);
        }
    }

    static MultVaeModel read(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("Mult-VAE model format " + format + ", this version reads format " + FORMAT);
        }
        int numUsers = in.readInt();
        int numItems = in.readInt();
        SparseMatrix history = ModelArrays.readMatrix(in);
        INDArray[] a = new INDArray[8];
        for (int k = 0; k < a.length; k++) {
            a[k] = ModelArrays.read(in);
        }
        if (history.rows() != numUsers || history.cols() != numItems || a[6].columns() != numItems) {
            throw new IOException("Mult-VAE model's parts disagree on the number of users or items");
        }
        return new MultVaeModel(numUsers, numItems, history, new Weights(a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                a[7]));
    }
}
