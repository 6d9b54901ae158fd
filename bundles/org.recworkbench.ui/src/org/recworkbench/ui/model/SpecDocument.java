package org.recworkbench.ui.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Splitter;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.spec.SpecReader;

/**
 * An experiment spec as the editor holds it: the YAML tree itself (maps and lists in file order), so that the
 * form and the source tab edit the same document and keys the form does not know survive a round trip. The
 * engine's {@link SpecReader} stays the judge of what is valid; {@link #problems} adds what only the installed
 * plugins can tell (unknown ids, options out of range, metrics nobody provides).
 */
public final class SpecDocument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private Map<String, Object> root;

    private SpecDocument(Map<String, Object> root) {
        this.root = root;
    }

    /** A new experiment: the synthetic dataset at a size that runs in seconds, two algorithms, default metrics. */
    public static SpecDocument starter(String backend) {
        return parse("""
                name: new-experiment
                seed: 42
                dataset:
                  adapter: synthetic
                  options: {users: 1000, items: 500, interactions: 50000}
                split:
                  method: user-holdout
                  options: {test-fraction: 0.2}
                algorithms:
                  - id: most-popular
                  - id: item-knn
                    params: {neighbors: 50}
                metrics: [Precision@10, Recall@10, NDCG@10]
                backend: %s
                """.formatted(backend));
    }

    /**
     * Parses YAML (or JSON, which is YAML) text into a document.
     *
     * @throws InvalidSpecException with the line and column of a syntax error
     */
    public static SpecDocument parse(String text) {
        try {
            Map<String, Object> map = YAML.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            return new SpecDocument(map == null ? new LinkedHashMap<>() : map);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidSpecException("spec", "is not valid YAML" + where + ": " + e.getOriginalMessage());
        }
    }

    public String toYaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of maps and lists always serializes", e);
        }
    }

    public Map<String, Object> root() {
        return root;
    }

    /** The map at a top-level key, created (empty) when absent or not a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String key) {
        Object v = root.get(key);
        if (!(v instanceof Map)) {
            v = new LinkedHashMap<String, Object>();
            root.put(key, v);
        }
        return (Map<String, Object>) v;
    }

    /** The list of maps at a top-level key (algorithms, filters), created when absent. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> entries(String key) {
        Object v = root.get(key);
        if (!(v instanceof List)) {
            v = new ArrayList<Map<String, Object>>();
            root.put(key, v);
        }
        List<Object> raw = (List<Object>) v;
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof Map)) {
                raw.set(i, new LinkedHashMap<String, Object>());
            }
        }
        return (List<Map<String, Object>>) v;
    }

    /** A key's value as text ("" when absent). */
    public String text(String key) {
        Object v = root.get(key);
        return v == null ? "" : v.toString();
    }

    /** Sets a top-level key, or removes it when {@code value} is null or blank. */
    public void set(String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            root.remove(key);
        } else {
            root.put(key, value);
        }
    }

    /** Sets {@code options}/{@code params} of a section or entry, dropping the key when there are none. */
    public static void putOptions(Map<String, Object> owner, String key, Map<String, Object> values) {
        if (values.isEmpty()) {
            owner.remove(key);
        } else {
            owner.put(key, new LinkedHashMap<>(values));
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> options(Map<String, Object> owner, String key) {
        Object v = owner.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    /** The metric ids of the spec ("" entries dropped). */
    public List<String> metrics() {
        Object v = root.get("metrics");
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(m -> out.add(String.valueOf(m)));
        }
        return out;
    }

    /**
     * Everything that would stop this spec from running with the installed plugins, as messages naming the
     * field: the engine's own checks first (schema, required fields), then plugin ids, options and metrics.
     */
    public List<String> problems(PluginRegistry registry) {
        List<String> problems = new ArrayList<>();
        try {
            new SpecReader().parse(toYaml(), false, "spec");
        } catch (InvalidSpecException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Map<String, Object> dataset = section("dataset");
        String adapterId = String.valueOf(dataset.get("adapter"));
        DatasetAdapter adapter = registry.datasetAdapter(adapterId).orElse(null);
        if (adapter == null) {
            problems.add("dataset.adapter: '" + adapterId + "' is not installed");
        } else {
            check(problems, "dataset.options", adapter.options(), options(dataset, "options"));
        }
        List<Map<String, Object>> filters = root.containsKey("filters") ? entries("filters") : List.of();
        for (int i = 0; i < filters.size(); i++) {
            String type = String.valueOf(filters.get(i).get("type"));
            DatasetFilter filter = registry.filter(type).orElse(null);
            if (filter == null) {
                problems.add("filters[" + i + "].type: '" + type + "' is not installed");
            } else {
                check(problems, "filters[" + i + "].options", filter.options(), options(filters.get(i), "options"));
            }
        }
        if (root.containsKey("split")) {
            String method = String.valueOf(section("split").getOrDefault("method", "user-holdout"));
            Splitter splitter = registry.splitter(method).orElse(null);
            if (splitter == null) {
                problems.add("split.method: '" + method + "' is not installed");
            } else {
                check(problems, "split.options", splitter.options(), options(section("split"), "options"));
            }
        }
        List<Map<String, Object>> algorithms = entries("algorithms");
        for (int i = 0; i < algorithms.size(); i++) {
            String id = String.valueOf(algorithms.get(i).get("id"));
            Recommender r = registry.recommender(id).orElse(null);
            if (r == null) {
                problems.add("algorithms[" + i + "].id: '" + id + "' is not installed");
            } else {
                check(problems, "algorithms[" + i + "].params", r.descriptor().parameters(),
                        options(algorithms.get(i), "params"));
            }
        }
        List<MetricDescriptor> catalog = metricCatalog(registry);
        List<String> metrics = metrics();
        for (int i = 0; i < metrics.size(); i++) {
            String id = metrics.get(i).trim();
            String name = id.contains("@") ? id.substring(0, id.indexOf('@')) : id;
            MetricDescriptor d = catalog.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                    .orElse(null);
            if (d == null) {
                problems.add("metrics[" + i + "]: no installed metric set provides '" + name + "'");
            } else if (d.cutoff() < 0 && !id.contains("@")) {
                problems.add("metrics[" + i + "]: '" + d.name() + "' needs a cutoff, e.g. " + d.name() + "@10");
            }
        }
        String backend = text("backend");
        if (!backend.isEmpty() && !backend.equals("auto")
                && registry.backends().stream().noneMatch(b -> b.id().equals(backend))) {
            problems.add("backend: '" + backend + "' is not installed; installed: auto"
                    + registry.backends().stream().map(b -> ", " + b.id()).reduce("", String::concat));
        }
        return problems;
    }

    /**
     * One descriptor per metric name every installed metric set offers, in catalog order; a cutoff of -1 means
     * the metric needs one ({@code NDCG@10}), 0 that it takes none.
     */
    public static List<MetricDescriptor> metricCatalog(PluginRegistry registry) {
        Map<String, MetricDescriptor> byName = new LinkedHashMap<>();
        for (MetricSet set : registry.metricSets()) {
            for (MetricDescriptor d : set.catalog()) {
                byName.putIfAbsent(d.name(), d);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static void check(List<String> problems, String where, List<ParameterDescriptor> descriptors,
            Map<String, Object> values) {
        try {
            Parameters.validate(where, descriptors, values);
        } catch (InvalidSpecException e) {
            problems.add(e.getMessage());
        }
    }
}
