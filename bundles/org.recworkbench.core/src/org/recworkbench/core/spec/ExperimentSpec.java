package org.recworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.recworkbench.api.InvalidSpecException;

/**
 * A whole offline experiment: which data, how to filter and split it, which algorithms, which metrics,
 * under which protocol, with which seed. Missing optional parts get the documented defaults; see
 * {@code docs/spec.md} for the schema.
 */
public record ExperimentSpec(String name, Long seed, DatasetSpec dataset, List<FilterSpec> filters, SplitSpec split,
        List<AlgorithmSpec> algorithms, List<String> metrics, ProtocolSpec protocol, String backend,
        Integer threads, String output, SignificanceSpec significance,
        @JsonProperty("metric-options") Map<String, Map<String, Object>> metricOptions,
        @JsonProperty("algorithm-timeout") String algorithmTimeout) {

    public static final long DEFAULT_SEED = 42L;
    public static final List<String> DEFAULT_METRICS = List.of("Precision@10", "Recall@10", "NDCG@10", "MAP@10",
            "MRR@10", "HitRate@10");

    public ExperimentSpec {
        name = name == null || name.isBlank() ? "experiment" : name;
        seed = seed == null ? DEFAULT_SEED : seed;
        filters = filters == null ? List.of() : List.copyOf(filters);
        split = split == null ? SplitSpec.DEFAULT : split;
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
        metrics = metrics == null || metrics.isEmpty() ? DEFAULT_METRICS : List.copyOf(metrics);
        protocol = protocol == null ? ProtocolSpec.DEFAULT : protocol;
        backend = backend == null || backend.isBlank() ? "auto" : backend;
        threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        significance = significance == null ? SignificanceSpec.DEFAULT : significance;
        metricOptions = metricOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(metricOptions));
    }

    /** A spec without a default algorithm timeout. */
    public ExperimentSpec(String name, Long seed, DatasetSpec dataset, List<FilterSpec> filters, SplitSpec split,
            List<AlgorithmSpec> algorithms, List<String> metrics, ProtocolSpec protocol, String backend,
            Integer threads, String output, SignificanceSpec significance,
            Map<String, Map<String, Object>> metricOptions) {
        this(name, seed, dataset, filters, split, algorithms, metrics, protocol, backend, threads, output, significance,
                metricOptions, null);
    }

    /** The same spec with another seed and thread count (command-line overrides). */
    public ExperimentSpec with(long newSeed, int newThreads) {
        return new ExperimentSpec(name, newSeed, dataset, filters, split, algorithms, metrics, protocol, backend,
                newThreads, output, significance, metricOptions, algorithmTimeout);
    }

    /** The same spec with another default algorithm timeout (the command line's {@code --timeout}). */
    public ExperimentSpec withAlgorithmTimeout(String timeout) {
        return new ExperimentSpec(name, seed, dataset, filters, split, algorithms, metrics, protocol, backend,
                threads, output, significance, metricOptions, timeout);
    }

    /** How long {@code algorithms[index]} may take to fit and evaluate, or null for no limit. */
    public java.time.Duration timeout(int index) {
        AlgorithmSpec a = algorithms.get(index);
        return a.timeout() != null ? Durations.parse("algorithms[" + index + "].timeout", a.timeout())
                : Durations.parse("algorithm-timeout", algorithmTimeout);
    }

    /**
     * Checks what the schema requires; the reader calls it after binding (so that an unknown field is
     * reported as such, not as the required field it was meant to be) and the runner before running.
     *
     * @throws InvalidSpecException naming the field
     */
    public ExperimentSpec validate() {
        RunNames.check("name", name);
        if (dataset == null) {
            throw new InvalidSpecException("dataset", "is required");
        }
        if (dataset.adapter() == null || dataset.adapter().isBlank()) {
            throw new InvalidSpecException("dataset.adapter", "is required");
        }
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).type() == null || filters.get(i).type().isBlank()) {
                throw new InvalidSpecException("filters[" + i + "].type", "is required");
            }
        }
        if (algorithms.isEmpty()) {
            throw new InvalidSpecException("algorithms", "at least one algorithm is required");
        }
        for (int i = 0; i < algorithms.size(); i++) {
            if (algorithms.get(i).id() == null || algorithms.get(i).id().isBlank()) {
                throw new InvalidSpecException("algorithms[" + i + "].id", "is required");
            }
            if (algorithms.get(i).search() != null) {
                algorithms.get(i).search().validate("algorithms[" + i + "].search");
                if (split.validation() == null) {
                    throw new InvalidSpecException("algorithms[" + i + "].search", "searches on the validation part: "
                            + "add split.validation (e.g. {method: user-holdout, options: {test-fraction: 0.1}})");
                }
            }
        }
        if (split.validation() != null && split.validation().validation() != null) {
            throw new InvalidSpecException("split.validation.validation", "a validation split has no validation "
                    + "split of its own");
        }
        Durations.parse("algorithm-timeout", algorithmTimeout);
        for (int i = 0; i < algorithms.size(); i++) {
            timeout(i);
        }
        if (threads < 1) {
            throw new InvalidSpecException("threads", "got " + threads + ", expected a positive integer");
        }
        significance.validate();
        if (significance.baseline() != null
                && algorithms.stream().noneMatch(a -> a.label().equals(significance.baseline()))) {
            throw new InvalidSpecException("significance.baseline", "'" + significance.baseline()
                    + "' is not the label of any algorithm");
        }
        if (!ProtocolSpec.TYPES.contains(protocol.type())) {
            throw new InvalidSpecException("protocol.type", "got '" + protocol.type() + "', expected one of "
                    + ProtocolSpec.TYPES);
        }
        if (protocol.negatives() < 1) {
            throw new InvalidSpecException("protocol.negatives", "got " + protocol.negatives()
                    + ", expected a positive integer");
        }
        return this;
    }
}
