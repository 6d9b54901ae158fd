package org.recworkbench.algo.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recworkbench.algo.sequential.FiniteDifferences.assertClose;
import static org.recworkbench.algo.sequential.FiniteDifferences.central;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.dl4j.DeepLearning;
import org.recworkbench.dl4j.training.Optimizer;

/**
 * The trainer's gradients against central finite differences of its own loss: the item table's (looked up and
 * scatter-added outside SameDiff, the part written here) and a body weight's, for both losses. Float32 throughout,
 * so the step is 1e-2 and the tolerance a few per cent of the larger magnitude.
 */
class SasRecGradientTest {
    private static final Optimizer ADAM = new Optimizer(1e-3, 0, 0, 0, "constant", 0, 1);
    static {
        DeepLearning.standalone().requireAvailable("test");
    }

    private static final int ITEMS = 7;
    private static final int LENGTH = 4;
    private static final int WINDOWS = 3;
    private static final int DIM = 4;

    @Test
    void tableAndWeightGradientsMatchFiniteDifferences() {
        for (boolean softmax : new boolean[] {false, true}) {
            Nd4j.getRandom().setSeed(3);
            // two windows per graph call: the batch of three takes two calls (the second half padding), so the
            // summing of gradients across calls is checked too
            SasRecTrainer trainer = new SasRecTrainer(ITEMS, LENGTH, DIM, 1, 2, 0.0, 2, softmax, ADAM);
            SplittableRandom r = new SplittableRandom(5);
            int rows = WINDOWS * LENGTH;
            int[] seq = new int[rows];
            int[] pos = new int[rows];
            int[] neg = new int[rows];
            for (int i = 0; i < rows; i++) {
                boolean padded = i % LENGTH == 0 && i / LENGTH == 1; // one padded slot in the second window
                seq[i] = padded ? 0 : 1 + r.nextInt(ITEMS);
                pos[i] = padded ? 0 : 1 + r.nextInt(ITEMS);
                neg[i] = padded ? 0 : 1 + r.nextInt(ITEMS);
            }
            SasRecTrainer.Gradients g = trainer.gradients(seq, pos, neg);
            DoubleSupplier loss = () -> trainer.gradients(seq, pos, neg).loss();
            INDArray table = trainer.tableArray();
            int checked = 0;
            for (int item = 1; item <= ITEMS; item++) {
                for (int k = 0; k < DIM; k += 3) {
                    double numeric = central(table, item, k, loss);
                    double analytic = g.table().getDouble(item, k);
                    assertClose(numeric, analytic, 0.03, 1e-2,
                            (softmax ? "softmax" : "bce") + " table[" + item + "," + k + "]");
                    checked++;
                }
            }
            assertEquals(2 * ITEMS, checked);
            // the padding row gets no gradient
            for (int k = 0; k < DIM; k++) {
                assertEquals(0.0, g.table().getDouble(0, k));
            }
            INDArray positions = trainer.network().sd.getVariable("positions").getArr();
            for (int t = 0; t < LENGTH; t++) {
                double numeric = central(positions, t, 1, loss);
                assertClose(numeric, g.weights().get("positions").getDouble(t, 1), 0.03, 1e-2,
                        "positions[" + t + ",1]");
            }
        }
    }

    @Test
    void splittingABatchIntoCallsGivesTheSameGradients() {
        int rows = WINDOWS * LENGTH;
        SplittableRandom r = new SplittableRandom(9);
        int[] seq = new int[rows];
        int[] pos = new int[rows];
        int[] neg = new int[rows];
        for (int i = 0; i < rows; i++) {
            seq[i] = 1 + r.nextInt(ITEMS);
            pos[i] = 1 + r.nextInt(ITEMS);
            neg[i] = 1 + r.nextInt(ITEMS);
        }
        Nd4j.getRandom().setSeed(4);
        SasRecTrainer whole = new SasRecTrainer(ITEMS, LENGTH, DIM, 2, 1, 0.0, WINDOWS, false, ADAM);
        Nd4j.getRandom().setSeed(4);
        SasRecTrainer split = new SasRecTrainer(ITEMS, LENGTH, DIM, 2, 1, 0.0, 1, false, ADAM);
        SasRecTrainer.Gradients a = whole.gradients(seq, pos, neg);
        SasRecTrainer.Gradients b = split.gradients(seq, pos, neg);
        assertEquals(a.loss(), b.loss(), 1e-5);
        assertTrue(a.table().equalsWithEps(b.table(), 1e-5), a.table() + "\n" + b.table());
        for (String w : a.weights().keySet()) {
            assertTrue(a.weights().get(w).equalsWithEps(b.weights().get(w), 1e-5), w);
        }
        assertEquals(1, SasRecTrainer.chunkWindows(128, 2048, 1, 0)); // one long window per call at the least
        assertEquals(26, SasRecTrainer.chunkWindows(128, 200, 1, 0)); // 5 calls of 26 (≤ 2^20 / 200² = 26)
        assertEquals(128, SasRecTrainer.chunkWindows(128, 50, 1, 0)); // short windows: the batch in one call
        // softmax logits: 2^20 / (50 · 1683) = 12.5 windows fit, so 11 calls of 12
        assertEquals(12, SasRecTrainer.chunkWindows(128, 50, 1, 1683));
    }
}
