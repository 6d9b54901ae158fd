package org.recworkbench.dl4j.training;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** A SameDiff listener that keeps the loss of the last training iteration (SameDiff records none by itself). */
public final class LastLoss extends BaseListener {
    private volatile double last = Double.NaN;

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        last = loss.totalLoss();
    }

    /** The last iteration's total loss (NaN before the first). */
    public double get() {
        return last;
    }
}
