package org.recworkbench.core;

import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.core.result.AlgorithmResult;

/**
 * Hears what an experiment run is doing (for progress bars, live tables and logs). Called from the run's
 * thread; implementations must return quickly.
 */
@ConsumerType
public interface RunListener {

    RunListener NONE = event -> {
    };

    void onEvent(RunEvent event);

    /** The events of a run, in order: stage changes, per-algorithm start and end. */
    sealed interface RunEvent {
    }

    /**
     * Something the user should know that does not stop the run, e.g. that a preferred compute backend cannot
     * run here and another one computes instead.
     */
    record Notice(String message) implements RunEvent {
    }

    /**
     * Something odd in the data that was loaded as it is (blank lines, repeated pairs, …), with a count and the
     * first place: the dataset's load warnings ({@code Dataset.warnings()}), one event each, after loading.
     */
    record DataWarning(String message) implements RunEvent {
    }

    /** A new stage: {@code load}, {@code filter}, {@code split}, {@code fit:<label>}, {@code evaluate:<label>}. */
    record StageStarted(String stage) implements RunEvent {
    }

    record AlgorithmStarted(String label) implements RunEvent {
    }

    record AlgorithmFinished(AlgorithmResult result) implements RunEvent {
    }

    /**
     * The final model of an algorithm, fit with these parameters (after any search), before it is evaluated:
     * listeners may save it ({@link org.recworkbench.core.ModelFiles}); they must not keep it past the run.
     */
    record ModelFitted(String label, String recommenderId, java.util.Map<String, Object> params,
            org.recworkbench.api.algo.Model model) implements RunEvent {
    }
}
