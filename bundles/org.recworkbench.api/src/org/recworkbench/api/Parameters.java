package org.recworkbench.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated, typed parameter values: every declared parameter has a value (given or default), and no
 * undeclared one is present. Immutable and thread safe.
 *
 * @since 1.0
 */
public final class Parameters {

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks raw values (as parsed from a spec file or command line) against their descriptors and fills in
     * defaults.
     *
     * @param where the dotted path used in error messages, e.g. {@code algorithms[1].params}
     * @throws InvalidSpecException naming the field and what is allowed
     */
    public static Parameters validate(String where, List<ParameterDescriptor> descriptors, Map<String, ?> raw) {
        Map<String, ParameterDescriptor> byName = new LinkedHashMap<>();
        for (ParameterDescriptor d : descriptors) {
            byName.put(d.name(), d);
        }
        Map<String, ?> given = raw == null ? Map.of() : raw;
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                String allowed = byName.isEmpty() ? "none" : String.join(", ", byName.keySet());
                throw new InvalidSpecException(path(where, key), "unknown parameter; allowed: " + allowed);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDescriptor d : descriptors) {
            Object v = given.containsKey(d.name()) ? given.get(d.name()) : d.defaultValue();
            values.put(d.name(), v == null ? null : coerce(path(where, d.name()), d, v));
        }
        return new Parameters(values);
    }

    private static String path(String where, String key) {
        return where == null || where.isEmpty() ? key : where + "." + key;
    }

    private static Object coerce(String field, ParameterDescriptor d, Object v) {
        try {
            Object value = switch (d.type()) {
                case INT -> Math.toIntExact(integral(v));
                case LONG -> integral(v);
                case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
                case BOOLEAN -> bool(v);
                case STRING -> v.toString();
                case ENUM -> {
                    String s = v.toString();
                    if (!d.allowedValues().contains(s)) {
                        throw new IllegalArgumentException();
                    }
                    yield s;
                }
            };
            if (value instanceof Number n && (d.type() != ParameterType.DOUBLE || Double.isFinite(n.doubleValue()))) {
                double x = n.doubleValue();
                if ((d.min() != null && x < d.min()) || (d.max() != null && x > d.max())) {
                    throw new IllegalArgumentException();
                }
            } else if (value instanceof Double x && !Double.isFinite(x)) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (RuntimeException e) {
            throw new InvalidSpecException(field, "got '" + v + "', expected " + d.allowedText(), e);
        }
    }

    private static long integral(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            double x = n.doubleValue();
            if (x != Math.rint(x)) {
                throw new IllegalArgumentException("not an integer");
            }
            return (long) x;
        }
        return Long.parseLong(v.toString().trim());
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("not a boolean");
    }

    public int getInt(String name) {
        return (Integer) require(name);
    }

    public long getLong(String name) {
        return (Long) require(name);
    }

    public double getDouble(String name) {
        return (Double) require(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value for parameter: " + name);
        }
        return v;
    }

    /** All values, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
