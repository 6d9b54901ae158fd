package org.recworkbench.dl4j.training;

import java.util.List;
import java.util.Locale;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecommenderBuildException;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.algo.Validation;

/**
 * Early stopping on the run's validation part: every {@code validate-every} epochs the model so far is scored by the
 * engine's evaluator ({@link Validation}); training stops after {@code patience} scorings without improvement, and
 * the fit returns the best-scoring model, not the last. Off by default ({@code patience: 0}).
 */
public record EarlyStopping(Validation validation, int patience, int every) {

    /** The parameters of every recommender that can stop early. */
    public static List<ParameterDescriptor> parameters() {
        return List.of(
                ParameterDescriptor.ofInt("patience", 0, 0, 100_000, "stop after this many validations without "
                        + "improvement and keep the best model (0 = train every epoch; needs split.validation)"),
                ParameterDescriptor.ofInt("validate-every", 1, 1, 100_000, "epochs between validations when "
                        + "patience is set"));
    }

    /**
     * Early stopping as the parameters ask, or null when {@code patience} is 0.
     *
     * @throws RecommenderBuildException when patience is set and the run has no validation part
     */
    public static EarlyStopping from(String algorithm, Parameters p, TrainingContext context) {
        int patience = p.getInt("patience");
        if (patience == 0) {
            return null;
        }
        if (context.validation() == null) {
            throw new RecommenderBuildException(String.format(Locale.ROOT, "%s: patience %d stops on a validation "
                    + "metric, but the run has no validation part; add split.validation to the spec (e.g. "
                    + "{method: leave-one-out, options: {order: last}}) or set patience to 0", algorithm, patience));
        }
        return new EarlyStopping(context.validation(), patience, p.getInt("validate-every"));
    }
}
