package org.recworkbench.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.ParameterType;
import org.recworkbench.api.Parameters;
import org.recworkbench.core.spec.SearchSpec;

/**
 * The candidates of a hyper-parameter search: every combination of the listed values (grid; the first parameter
 * varies slowest), or {@code trials} draws from a seeded generator (random: list values uniformly, ranges
 * uniformly or log-uniformly, rounded for integer parameters). Each candidate is the algorithm's fixed
 * parameters overridden by the drawn values, validated against the descriptor.
 */
final class HyperparameterSearch {
    private HyperparameterSearch() {
    }

    static List<Parameters> candidates(SearchSpec search, Map<String, Object> fixed,
            List<ParameterDescriptor> descriptors, long seed, String field) {
        Map<String, ParameterDescriptor> byName = new LinkedHashMap<>();
        for (ParameterDescriptor d : descriptors) {
            byName.put(d.name(), d);
        }
        for (String name : search.space().keySet()) {
            if (!byName.containsKey(name)) {
                throw new InvalidSpecException(field + ".space." + name, "unknown parameter '" + name + "'; "
                        + "parameters: " + byName.keySet());
            }
        }
        List<Map<String, Object>> drawn = search.method().equals("grid") ? grid(search.space())
                : random(search, byName, seed);
        List<Parameters> out = new ArrayList<>();
        for (Map<String, Object> values : drawn) {
            Map<String, Object> merged = new LinkedHashMap<>(fixed);
            merged.putAll(values);
            out.add(Parameters.validate(field + ".space", descriptors, merged));
        }
        return out;
    }

    private static List<Map<String, Object>> grid(Map<String, Object> space) {
        List<Map<String, Object>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, Object> e : space.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combos) {
                for (Object v : (List<?>) e.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static List<Map<String, Object>> random(SearchSpec search, Map<String, ParameterDescriptor> byName,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int t = 0; t < search.trials(); t++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : search.space().entrySet()) {
                Object v = e.getValue();
                if (v instanceof List<?> list) {
                    m.put(e.getKey(), list.get(random.nextInt(list.size())));
                } else {
                    Map<?, ?> range = (Map<?, ?>) v;
                    double min = ((Number) range.get("min")).doubleValue();
                    double max = ((Number) range.get("max")).doubleValue();
                    double x = Boolean.TRUE.equals(range.get("log"))
                            ? Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)))
                            : min + random.nextDouble() * (max - min);
                    ParameterType type = byName.get(e.getKey()).type();
                    m.put(e.getKey(), type == ParameterType.INT || type == ParameterType.LONG ? (Object) Math.round(x)
                            : (Object) x);
                }
            }
            out.add(m);
        }
        return out;
    }
}
