package org.recworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.recworkbench.api.InvalidSpecException;

/**
 * An interactive simulation: a simulator (optionally fitted on a dataset, optionally run under several
 * parameter variants), the policies to run against it, how traffic is shared between them, how many steps,
 * the budget, and what to record. Missing optional parts get the documented defaults; see {@code docs/spec.md}.
 *
 * @param traffic {@code replicate}: every policy gets its own copy of the world with the same seed (a paired
 *        comparison); {@code split}: one world whose users are assigned to policies by a stable hash in
 *        proportion to their shares (an A/B test)
 * @param budget total cost every policy may spend ({@code replicate}), or all arms together in proportion to
 *        their shares ({@code split}); absent means unlimited
 * @param fallback the policy an arm switches to when its own policy's bundle goes away mid-run
 */
public record SimulationSpec(String name, Long seed, SimulatorSpec simulator, DatasetSpec dataset,
        List<FilterSpec> filters, List<VariantSpec> variants, List<PolicySpec> policies, Long steps, String traffic,
        Double budget, String fallback, @JsonProperty("record-every") Long recordEvery, Boolean regret,
        CheckpointSpec checkpoint, String output) {

    public static final List<String> TRAFFIC = List.of("replicate", "split");

    public SimulationSpec {
        name = name == null || name.isBlank() ? "simulation" : name;
        seed = seed == null ? ExperimentSpec.DEFAULT_SEED : seed;
        filters = filters == null ? List.of() : List.copyOf(filters);
        variants = variants == null || variants.isEmpty() ? List.of(VariantSpec.BASE) : List.copyOf(variants);
        policies = policies == null ? List.of() : List.copyOf(policies);
        steps = steps == null ? 100_000L : steps;
        traffic = traffic == null ? "replicate" : traffic;
        recordEvery = recordEvery == null ? Math.max(1, steps / 200) : recordEvery;
        regret = regret == null ? Boolean.TRUE : regret;
    }

    /** The simulator to build, by id, with its parameters. */
    public record SimulatorSpec(String id, Map<String, Object> params) {
        public SimulatorSpec {
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(params));
        }
    }

    /** One member of a simulator set: the same world with some parameters changed. */
    public record VariantSpec(String name, Map<String, Object> params) {
        public static final VariantSpec BASE = new VariantSpec("base", Map.of());

        public VariantSpec {
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(params));
        }
    }

    /** One arm: a policy id, its label, hyper-parameters, and its share of traffic under {@code split}. */
    public record PolicySpec(String id, String label, Map<String, Object> params, Double share) {
        public PolicySpec {
            label = label == null || label.isBlank() ? id : label;
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(params));
            share = share == null ? 1.0 : share;
        }
    }

    /** Write a checkpoint every this many steps of each lane (0: never). */
    public record CheckpointSpec(Long every) {
        public CheckpointSpec {
            every = every == null ? 0L : every;
        }
    }

    private static boolean plainName(String s) {
        return s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    }

    /** The same spec with another seed and step count (command-line overrides). */
    public SimulationSpec with(long newSeed, long newSteps) {
        return new SimulationSpec(name, newSeed, simulator, dataset, filters, variants, policies, newSteps, traffic,
                budget, fallback, recordEvery, regret, checkpoint, output);
    }

    /**
     * Checks what the schema requires.
     *
     * @throws InvalidSpecException naming the field
     */
    public SimulationSpec validate() {
        RunNames.check("name", name);
        if (simulator == null || simulator.id() == null || simulator.id().isBlank()) {
            throw new InvalidSpecException("simulator.id", "is required (see 'recwb list simulators')");
        }
        if (policies.isEmpty()) {
            throw new InvalidSpecException("policies", "at least one policy is required (see 'recwb list policies')");
        }
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            PolicySpec p = policies.get(i);
            if (p.id() == null || p.id().isBlank()) {
                throw new InvalidSpecException("policies[" + i + "].id", "is required");
            }
            if (!plainName(p.label())) {
                throw new InvalidSpecException("policies[" + i + "].label", "'" + p.label()
                        + "' may not contain commas, quotes or line breaks (it names rows of the time series)");
            }
            if (!labels.add(p.label())) {
                throw new InvalidSpecException("policies[" + i + "].label", "'" + p.label()
                        + "' is used twice; give each arm its own label");
            }
            if (!(p.share() > 0) || Double.isInfinite(p.share())) {
                throw new InvalidSpecException("policies[" + i + "].share", "got " + p.share()
                        + ", expected a positive number");
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).name() == null || !names.add(variants.get(i).name())
                    || !plainName(variants.get(i).name())) {
                throw new InvalidSpecException("variants[" + i + "].name", "every variant needs its own name, "
                        + "without commas, quotes or line breaks");
            }
        }
        if (dataset != null && (dataset.adapter() == null || dataset.adapter().isBlank())) {
            throw new InvalidSpecException("dataset.adapter", "is required when a dataset is given");
        }
        if (steps < 1) {
            throw new InvalidSpecException("steps", "got " + steps + ", expected a positive integer");
        }
        if (!TRAFFIC.contains(traffic)) {
            throw new InvalidSpecException("traffic", "got '" + traffic + "', expected one of " + TRAFFIC);
        }
        if (budget != null && !(budget >= 0 && Double.isFinite(budget))) {
            throw new InvalidSpecException("budget", "got " + budget + ", expected a non-negative number");
        }
        if (recordEvery < 1) {
            throw new InvalidSpecException("record-every", "got " + recordEvery + ", expected a positive integer");
        }
        if (checkpoint != null && checkpoint.every() < 0) {
            throw new InvalidSpecException("checkpoint.every", "got " + checkpoint.every()
                    + ", expected 0 (never) or a positive number of steps");
        }
        return this;
    }
}
