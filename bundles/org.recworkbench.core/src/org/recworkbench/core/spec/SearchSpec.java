package org.recworkbench.core.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recworkbench.api.InvalidSpecException;

/**
 * Hyper-parameter search for one algorithm, run on the validation part of the split ({@code split.validation}):
 * every candidate is fit on the remaining training part and scored by {@code metric} on the validation part;
 * the best one (by the metric's direction) is then fit and evaluated like any other setting, and every trial is
 * part of the results.
 *
 * <p>{@code space} maps a parameter name to a list of values ({@code [16, 32, 64]}) or, for {@code random}, to
 * a range {@code {min: 1, max: 1000, log: true}}. {@code grid} tries every combination of the lists;
 * {@code random} draws {@code trials} combinations from the run seed (lists uniformly, ranges uniformly or
 * log-uniformly).
 */
public record SearchSpec(String method, Integer trials, String metric, Map<String, Object> space) {
    public static final List<String> METHODS = List.of("grid", "random");
    /** Grids larger than this are refused (ask for random search instead). */
    public static final int MAX_GRID = 10_000;

    public SearchSpec {
        method = method == null || method.isBlank() ? "grid" : method;
        trials = trials == null ? 20 : trials;
        space = space == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(space));
    }

    /** Checks the shape of the spec; the field prefix is where the search block sits. */
    public void validate(String field) {
        if (!METHODS.contains(method)) {
            throw new InvalidSpecException(field + ".method", "got '" + method + "', expected one of " + METHODS);
        }
        if (metric == null || metric.isBlank()) {
            throw new InvalidSpecException(field + ".metric", "is required: the metric to optimise, e.g. NDCG@10");
        }
        if (space.isEmpty()) {
            throw new InvalidSpecException(field + ".space", "is required: parameter name -> values or range");
        }
        if (trials < 1) {
            throw new InvalidSpecException(field + ".trials", "got " + trials + ", expected a positive integer");
        }
        long combinations = 1;
        for (Map.Entry<String, Object> e : space.entrySet()) {
            Object v = e.getValue();
            String at = field + ".space." + e.getKey();
            if (v instanceof List<?> list) {
                if (list.isEmpty()) {
                    throw new InvalidSpecException(at, "is an empty list");
                }
                combinations *= list.size();
            } else if (v instanceof Map<?, ?> range) {
                if (method.equals("grid")) {
                    throw new InvalidSpecException(at, "a range needs method: random; a grid takes a list of values");
                }
                if (!(range.get("min") instanceof Number min) || !(range.get("max") instanceof Number max)
                        || min.doubleValue() > max.doubleValue()) {
                    throw new InvalidSpecException(at, "expected {min: number, max: number, log: true|false} with "
                            + "min <= max, got " + range);
                }
                if (Boolean.TRUE.equals(range.get("log")) && min.doubleValue() <= 0) {
                    throw new InvalidSpecException(at, "a log range needs min > 0, got " + min);
                }
            } else {
                throw new InvalidSpecException(at, "expected a list of values or a {min, max} range, got " + v);
            }
        }
        if (method.equals("grid") && combinations > MAX_GRID) {
            throw new InvalidSpecException(field + ".space", "the grid has " + combinations + " combinations (more "
                    + "than " + MAX_GRID + "): use method: random with trials");
        }
    }
}
