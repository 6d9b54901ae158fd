package org.recworkbench.api.algo;

/**
 * The run's validation part, offered to a training algorithm so that it can judge its own intermediate models (early
 * stopping, choosing an epoch): {@link #score} evaluates a model on the validation users with one metric, by the
 * same evaluator and protocol as the run's results. Validation lists exclude what the model is fit on; the test part
 * is never involved.
 *
 * @since 1.4
 */
public interface Validation {
    /** The metric's id, e.g. {@code NDCG@10}. */
    String metric();

    /** Whether larger values of {@link #metric} are better. */
    boolean higherIsBetter();

    /** The metric's aggregate over the validation users for {@code model}. */
    double score(Model model);
}
