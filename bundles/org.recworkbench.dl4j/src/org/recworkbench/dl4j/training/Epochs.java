package org.recworkbench.dl4j.training;

import java.util.Locale;
import java.util.function.Supplier;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.Model;

/**
 * The epoch loop of a neural fit: progress by epoch on the run's monitor (so {@code recwb} draws its bar), the
 * epoch's mean batch loss reported as {@code loss} after each epoch,
 * cancellation between batches, and a loss that stops being finite ending the fit with a message that says where
 * and what to try, instead of a model of NaNs. With {@link #stoppingEarly}, the model is validated between epochs and
 * the best one kept.
 */
public final class Epochs {
    private final String algorithm;
    private final ProgressMonitor monitor;
    private final int epochs;
    private double lastLoss = Double.NaN;
    private boolean collect;
    private long lastCollection = System.nanoTime();
    private EarlyStopping stopping;
    private Supplier<Model> snapshot;
    private Model best;
    private double bestScore = Double.NaN;
    private int bestEpoch;
    private int sinceBest;

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

    /**
     * Validates the model so far as {@code stopping} says (nothing when it is null): {@code snapshot} builds the
     * current model, the validation scores it (reported as {@code validation <metric>}), and the run ends after
     * {@code patience} scorings without improvement; {@link #result} then gives the best model.
     */
    public Epochs stoppingEarly(EarlyStopping stopping, Supplier<Model> snapshot) {
        this.stopping = stopping;
        this.snapshot = snapshot;
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
        run(e -> batches, step, hint);
    }

    /**
     * As {@link #run(int, Step, String)} for epochs whose number of batches is known only when they start (e.g.
     * session-parallel batches, whose count depends on the epoch's shuffle): {@code batchesOf} is asked once at the
     * start of each epoch, before its first step.
     */
    public void run(java.util.function.IntUnaryOperator batchesOf, Step step, String hint) {
        monitor.begin("fit " + algorithm, epochs);
        try {
            for (int e = 0; e < epochs; e++) {
                int batches = batchesOf.applyAsInt(e);
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
                if (stopping != null && ((e + 1) % stopping.every() == 0 || e + 1 == epochs) && validate(e + 1)) {
                    break;
                }
            }
            if (best != null) {
                monitor.report("best epoch", bestEpoch, bestEpoch);
            }
        } finally {
            monitor.done();
        }
    }

    /** Scores the current model; true when training should stop. */
    private boolean validate(int epoch) {
        Model model = snapshot.get();
        double score = stopping.validation().score(model);
        monitor.report("validation " + stopping.validation().metric(), epoch, score);
        boolean better = !Double.isNaN(score) && (best == null || Double.isNaN(bestScore)
                || (stopping.validation().higherIsBetter() ? score > bestScore : score < bestScore));
        if (best == null || better) {
            best = model;
            bestScore = score;
            bestEpoch = epoch;
            sinceBest = 0;
            return false;
        }
        return ++sinceBest >= stopping.patience();
    }

    /** The best validated model when stopping early, else {@code last} (the model after the last epoch). */
    public Model result(Supplier<Model> last) {
        return best != null ? best : last.get();
    }

    /** The epoch of the best validated model (0 without early stopping). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The mean batch loss of the last complete epoch (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }
}
