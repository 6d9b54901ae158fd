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
    private boolean collect;
    private long lastCollection = System.nanoTime();

    public Epochs(String algorithm, ProgressMonitor monitor, int epochs) {
        this.algorithm = algorithm;
        this.monitor = monitor;
        this.epochs = epochs;
    }

    /**
     * Runs a garbage collection after a step when a second or more has passed since the last. ND4J frees an array's
     * native memory only when the collector reclaims its small Java object; a training step makes megabytes to
     * hundreds of megabytes of native temporaries but almost no heap garbage, so without this the process grows by
     * gigabytes between collections (SASRec on ML-100K: 9.9 GB peak RSS with {@code -Xmx2g}, 2.2 GB collecting after
     * every 1.3 s step, no slower; on Amazon Fashion's short windows 3.8 GB in 62 s). Once a second bounds the garbage
     * to about a second's worth, at a few per cent of the time at most.
     */
    public Epochs collectingNativeGarbage() {
        collect = true;
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
                    if (collect && System.nanoTime() - lastCollection >= 1_000_000_000L) {
                        System.gc();
                        lastCollection = System.nanoTime();
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
