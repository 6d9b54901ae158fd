package org.recworkbench.dl4j.training;

import java.util.Locale;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecommenderBuildException;

/**
 * The epoch loop of a neural fit: progress by epoch on the run's monitor (so {@code recwb} draws its bar), the
 * epoch's mean batch loss reported as {@code loss} after each epoch,
 * cancellation between batches, and a loss that stops being finite ending the fit with a message that says where
 * and what to try, instead of a model of NaNs.
 */
public final class Epochs {
    private final String algorithm;
    private final ProgressMonitor monitor;
    private final int epochs;
    private double lastLoss = Double.NaN;
    private boolean collectEachStep;

    public Epochs(String algorithm, ProgressMonitor monitor, int epochs) {
        this.algorithm = algorithm;
        this.monitor = monitor;
        this.epochs = epochs;
    }

    /**
     * Runs a garbage collection after every step. ND4J frees an array's native memory only when the collector
     * reclaims its small Java object; a step that makes hundreds of megabytes of native temporaries makes almost no
     * heap garbage, so without this the process grows by gigabytes between collections (SASRec on ML-100K: 9.9 GB
     * peak RSS with {@code -Xmx2g}, 2.2 GB with a collection per step, and no slower). For models whose steps are
     * large; a collection of a nearly empty heap costs milliseconds.
     */
    public Epochs collectingGarbageEachStep() {
        collectEachStep = true;
        return this;
    }

    /** One batch's update of one epoch: returns the batch's loss. */
    @FunctionalInterface
    public interface Step {
        double run(int epoch, int batch);
    }

    /**
     * Runs {@code epochs} × {@code batches} steps, checking cancellation before each and the loss after each.
     *
     * @param hint what to change when the loss diverges (e.g. "lower learning-rate (now 0.001)")
     */
    public void run(int batches, Step step, String hint) {
        monitor.begin("fit " + algorithm, epochs);
        try {
            for (int e = 0; e < epochs; e++) {
                double sum = 0;
                for (int b = 0; b < batches; b++) {
                    monitor.checkCanceled();
                    double loss = step.run(e, b);
                    if (!Double.isFinite(loss)) {
                        throw new RecommenderBuildException(String.format(Locale.ROOT,
                                "%s: the training loss became %s at epoch %d, batch %d of %d (the previous epoch "
                                        + "ended at %.6g): the training diverged; %s", algorithm, loss, e + 1, b + 1,
                                batches, lastLoss, hint));
                    }
                    sum += loss;
                    if (collectEachStep) {
                        System.gc();
                    }
                }
                lastLoss = sum / Math.max(1, batches);
                monitor.report("loss", e + 1, lastLoss);
                monitor.worked(1);
            }
        } finally {
            monitor.done();
        }
    }

    /** The mean batch loss of the last complete epoch (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }
}
