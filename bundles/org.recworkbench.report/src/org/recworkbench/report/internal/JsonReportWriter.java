package org.recworkbench.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.core.DatasetStatistics;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.report.AtomicFiles;
import org.recworkbench.report.ReportWriter;

/**
 * {@code results.json}: the whole run — spec, dataset statistics, split, backend, per-algorithm status,
 * parameters, aggregates, timings and failures, and per-user values keyed by external user id.
 */
@Component(service = ReportWriter.class)
public class JsonReportWriter implements ReportWriter {

    /** Built on first use, not when the component activates: every command would pay for it at start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public String id() {
        return "json";
    }

    @Override
    public List<Path> write(ExperimentResult result, Path folder) {
        ObjectMapper mapper = Json.MAPPER;
        ObjectNode root = mapper.createObjectNode();
        root.put("name", result.spec().name());
        root.put("started", result.started().toString());
        root.put("seconds", result.seconds());
        root.set("spec", mapper.valueToTree(result.spec()));
        DatasetStatistics s = result.dataset();
        ObjectNode data = root.putObject("dataset");
        data.put("name", s.name());
        data.put("users", s.users());
        data.put("items", s.items());
        data.put("interactions", s.interactions());
        data.put("density", s.density());
        ObjectNode split = root.putObject("split");
        split.put("description", result.split());
        split.put("train", result.trainSize());
        if (result.validationSize() > 0) {
            split.put("validation", result.validationSize());
        }
        split.put("test", result.testSize());
        split.put("testUsers", result.testUsers());
        root.put("protocol", result.protocol());
        root.put("backend", result.backend());
        ArrayNode metricIds = root.putArray("metrics");
        result.metricIds().forEach(metricIds::add);
        ArrayNode algorithms = root.putArray("algorithms");
        for (AlgorithmResult a : result.algorithms()) {
            ObjectNode node = algorithms.addObject();
            node.put("label", a.label());
            node.put("id", a.algorithmId());
            node.put("status", a.status().name());
            node.set("params", mapper.valueToTree(a.params()));
            node.put("fitSeconds", a.fitSeconds());
            node.put("evaluateSeconds", a.evaluateSeconds());
            if (a.failure() != null) {
                node.put("failure", a.failure());
            }
            ObjectNode aggregates = node.putObject("aggregates");
            for (Map.Entry<String, Double> e : a.aggregates().entrySet()) {
                putNumber(aggregates, e.getKey(), e.getValue());
            }
            if (a.search() != null) {
                ObjectNode search = node.putObject("search");
                search.put("method", a.search().method());
                search.put("metric", a.search().metric());
                search.put("higherIsBetter", a.search().higherIsBetter());
                search.set("chosen", mapper.valueToTree(a.search().chosen()));
                ArrayNode trials = search.putArray("trials");
                for (var trial : a.search().trials()) {
                    ObjectNode t = trials.addObject();
                    t.set("params", mapper.valueToTree(trial.params()));
                    putNumber(t, "value", trial.value());
                    if (trial.failure() != null) {
                        t.put("failure", trial.failure());
                    }
                }
            }
            if (!a.validation().isEmpty()) {
                ObjectNode validation = node.putObject("validation");
                for (Map.Entry<String, Double> e : a.validation().entrySet()) {
                    putNumber(validation, e.getKey(), e.getValue());
                }
            }
            if (a.succeeded()) {
                ObjectNode perUser = node.putObject("perUser");
                for (int j = 0; j < a.users().length; j++) {
                    ObjectNode u = perUser.putObject(result.userIds().id(a.users()[j]));
                    for (int m = 0; m < a.metricIds().size(); m++) {
                        putNumber(u, a.metricIds().get(m), a.perUser()[m][j]);
                    }
                }
            }
        }
        return List.of(AtomicFiles.write(folder.resolve("results.json"), out -> mapper.writeValue(out, root)));
    }

    /** JSON has no NaN: undefined values are written as null. */
    private static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}
