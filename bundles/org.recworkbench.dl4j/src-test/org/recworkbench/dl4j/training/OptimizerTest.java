package org.recworkbench.dl4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recworkbench.dl4j.DeepLearning;

/** The training toolkit's {@link Optimizer} against Adam's definition and the schedules' formulas. */
class OptimizerTest {
    static {
        DeepLearning.standalone().requireAvailable("test");
    }

    /** Adam's update from its definition (Kingma and Ba 2015, Algorithm 1; ε = 1e-8, β = 0.9, 0.999). */
    private static double[] adam(double[] grads, double lr) {
        double m = 0;
        double v = 0;
        double x = 0;
        double[] path = new double[grads.length];
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1];
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mHat = m / (1 - Math.pow(0.9, t));
            double vHat = v / (1 - Math.pow(0.999, t));
            x -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            path[t - 1] = x;
        }
        return path;
    }

    @Test
    void optimizerStepsAreAdamWithClippingAndDecoupledDecay() {
        // two parameters of one value each, gradients (3, 4) then (0.3, 0.4): global norms 5 and 0.5
        double[][] grads = {{3, 4}, {0.3, 0.4}};
        INDArray a = Nd4j.zeros(DataType.FLOAT, 1, 1);
        INDArray b = a.dup();
        Optimizer clipped = new Optimizer(0.1, 0, 0, 1.0, "constant", 0, 2).add("a", a).add("b", b);
        for (int t = 0; t < 2; t++) {
            clipped.step(Map.of("a", scalar(grads[t][0]), "b", scalar(grads[t][1])), t, 0);
        }
        // clipped to norm 1: the first step's gradients become (0.6, 0.8); the second's (norm 0.5) stay
        assertEquals(adam(new double[] {0.6, 0.3}, 0.1)[1], a.getDouble(0), 1e-6);
        assertEquals(adam(new double[] {0.8, 0.4}, 0.1)[1], b.getDouble(0), 1e-6);
        assertEquals(0.5, clipped.lastGradientNorm(), 1e-6);
        // unclipped, Adam's first step is lr · sign(g) whatever the scale; the second differs from the clipped one
        INDArray c = a.dup().assign(0);
        Optimizer plain = new Optimizer(0.1, 0, 0, 0, "constant", 0, 2).add("c", c);
        plain.step(Map.of("c", scalar(3)), 0, 0);
        plain.step(Map.of("c", scalar(0.3)), 1, 0);
        assertEquals(adam(new double[] {3, 0.3}, 0.1)[1], c.getDouble(0), 1e-6);
        // decoupled decay with a zero gradient: Adam moves nothing, the decay shrinks by lr · wd
        INDArray w = a.dup().assign(2);
        new Optimizer(0.1, 0, 0.5, 0, "constant", 0, 1).add("w", w).step(Map.of("w", scalar(0)), 0, 0);
        assertEquals(2 * (1 - 0.1 * 0.5), w.getDouble(0), 1e-6);
    }

    @Test
    void learningRateSchedulesWarmUpThenDecay() {
        // 4 warm-up steps to 1.0, then 10 steps in all: linear goes 1 → 0 over steps 4..10
        Optimizer linear = new Optimizer(1.0, 0, 0, 0, "linear", 4, 10);
        assertEquals(0.25, linear.learningRate(0), 1e-12);
        assertEquals(1.0, linear.learningRate(3), 1e-12);
        assertEquals(1.0, linear.learningRate(4), 1e-12);
        assertEquals(0.5, linear.learningRate(7), 1e-12);
        Optimizer cosine = new Optimizer(1.0, 0, 0, 0, "cosine", 0, 10);
        assertEquals(1.0, cosine.learningRate(0), 1e-12);
        assertEquals(0.5, cosine.learningRate(5), 1e-12); // cos(π/2) = 0: half way
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.9)), cosine.learningRate(9), 1e-12);
        assertEquals(1.0, new Optimizer(1.0, 0, 0, 0, "constant", 0, 10).learningRate(9), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Optimizer(1.0, 0, 0, 0, "step", 0, 10));
    }

    private static INDArray scalar(double v) {
        return Nd4j.create(new float[] {(float) v}, new long[] {1, 1}, 'c');
    }
}
