package org.recworkbench.api;

import java.util.List;
import java.util.Objects;

/**
 * Describes one typed hyper-parameter or option: its name, type, default, allowed range or values and a
 * one-sentence description. {@code min}/{@code max} are inclusive and apply to numeric types only.
 *
 * @since 1.0
 */
public record ParameterDescriptor(String name, ParameterType type, Object defaultValue, Double min, Double max,
        List<String> allowedValues, String description) {

    public ParameterDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        description = description == null ? "" : description;
    }

    public static ParameterDescriptor ofInt(String name, int defaultValue, int min, int max, String description) {
        return new ParameterDescriptor(name, ParameterType.INT, defaultValue, (double) min, (double) max, null,
                description);
    }

    public static ParameterDescriptor ofLong(String name, long defaultValue, String description) {
        return new ParameterDescriptor(name, ParameterType.LONG, defaultValue, null, null, null, description);
    }

    public static ParameterDescriptor ofDouble(String name, double defaultValue, double min, double max,
            String description) {
        return new ParameterDescriptor(name, ParameterType.DOUBLE, defaultValue, min, max, null, description);
    }

    public static ParameterDescriptor ofBoolean(String name, boolean defaultValue, String description) {
        return new ParameterDescriptor(name, ParameterType.BOOLEAN, defaultValue, null, null, null, description);
    }

    public static ParameterDescriptor ofString(String name, String defaultValue, String description) {
        return new ParameterDescriptor(name, ParameterType.STRING, defaultValue, null, null, null, description);
    }

    public static ParameterDescriptor ofEnum(String name, String defaultValue, List<String> allowed,
            String description) {
        return new ParameterDescriptor(name, ParameterType.ENUM, defaultValue, null, null, allowed, description);
    }

    /** A human-readable statement of what values are accepted, used in error messages and help. */
    public String allowedText() {
        return switch (type) {
            case ENUM -> "one of " + allowedValues;
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
            case INT, LONG, DOUBLE -> {
                String kind = type == ParameterType.DOUBLE ? "a number" : "an integer";
                if (min == null && max == null) {
                    yield kind;
                }
                yield kind + " in [" + format(min) + ", " + format(max) + "]";
            }
        };
    }

    private static String format(Double bound) {
        if (bound == null) {
            return "-inf";
        }
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString(bound.longValue())
                : bound.toString();
    }
}
