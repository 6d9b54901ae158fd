package org.recworkbench.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hyper-parameter search did: the method, the metric it optimised on the validation part, every trial
 * in the order it ran (parameters and value; NaN for a trial that failed, with the reason) and the chosen
 * parameters.
 */
public record SearchLog(String method, String metric, boolean higherIsBetter, List<Trial> trials,
        Map<String, Object> chosen) {

    /** One candidate: its full parameter values and its validation score. */
    public record Trial(Map<String, Object> params, double value, String failure) {
        public Trial {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    public SearchLog {
        trials = List.copyOf(trials);
        chosen = Collections.unmodifiableMap(new LinkedHashMap<>(chosen));
    }
}
