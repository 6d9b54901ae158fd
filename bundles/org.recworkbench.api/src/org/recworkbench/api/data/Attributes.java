package org.recworkbench.api.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Attributes of the entities of one kind (items or users), indexed by the dense entity index:
 * categorical (multi-valued, e.g. genres or tags), numeric (e.g. price, age; NaN when unknown) and text
 * (e.g. title; null when unknown). Immutable.
 *
 * @since 1.0
 */
public final class Attributes {

    /** A multi-valued categorical attribute: {@code valuesOf[entity]} are indices into {@code values}. */
    public record Categorical(String name, IdIndex values, int[][] valuesOf) {
        public Categorical {
            Objects.requireNonNull(name);
            Objects.requireNonNull(values);
            Objects.requireNonNull(valuesOf);
        }

        /** The external value labels of one entity. */
        public List<String> labelsOf(int entity) {
            int[] v = valuesOf[entity];
            String[] labels = new String[v.length];
            for (int i = 0; i < v.length; i++) {
                labels[i] = values.id(v[i]);
            }
            return List.of(labels);
        }
    }

    private static final Attributes EMPTY = new Attributes(Map.of(), Map.of(), Map.of());

    private final Map<String, Categorical> categorical;
    private final Map<String, double[]> numeric;
    private final Map<String, String[]> text;

    public Attributes(Map<String, Categorical> categorical, Map<String, double[]> numeric,
            Map<String, String[]> text) {
        this.categorical = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
        this.numeric = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
        this.text = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(text));
    }

    public static Attributes empty() {
        return EMPTY;
    }

    public Map<String, Categorical> categorical() {
        return categorical;
    }

    public Map<String, double[]> numeric() {
        return numeric;
    }

    public Map<String, String[]> text() {
        return text;
    }

    public boolean isEmpty() {
        return categorical.isEmpty() && numeric.isEmpty() && text.isEmpty();
    }
}
