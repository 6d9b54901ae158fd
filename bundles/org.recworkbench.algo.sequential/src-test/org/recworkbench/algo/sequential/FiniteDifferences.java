package org.recworkbench.algo.sequential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient checks in float32: the central difference of a loss in one parameter entry, with a step of 1e-2, and a
 * comparison with the analytic gradient within a share of the larger magnitude.
 */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** (loss(p + ε) − loss(p − ε)) / 2ε for entry (row, col) of {@code param}, which is restored afterwards. */
    static double central(INDArray param, int row, int col, DoubleSupplier loss) {
        double eps = 1e-2;
        double original = param.getDouble(row, col);
        param.putScalar(row, col, original + eps);
        double up = loss.getAsDouble();
        param.putScalar(row, col, original - eps);
        double down = loss.getAsDouble();
        param.putScalar(row, col, original);
        return (up - down) / (2 * eps);
    }

    /** |numeric − analytic| ≤ {@code share} · max(|numeric|, |analytic|, {@code floor}). */
    static void assertClose(double numeric, double analytic, double share, double floor, String what) {
        double scale = Math.max(floor, Math.max(Math.abs(numeric), Math.abs(analytic)));
        assertTrue(Math.abs(numeric - analytic) <= share * scale,
                what + ": finite difference " + numeric + ", gradient " + analytic);
    }
}
