package org.recworkbench.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;

/** Turns {@code NAME} / {@code NAME@K} strings into metrics from the registered metric sets. */
final class MetricResolver {

    private final List<MetricSet> sets;
    private final java.util.Map<String, Parameters> options = new java.util.HashMap<>();

    /**
     * @param metricOptions raw options by metric-set id, validated here against each set's declared options
     */
    MetricResolver(List<MetricSet> sets, java.util.Map<String, ? extends java.util.Map<String, ?>> metricOptions) {
        this.sets = sets;
        for (String id : metricOptions.keySet()) {
            if (sets.stream().noneMatch(s -> s.id().equals(id))) {
                throw new InvalidSpecException("metric-options." + id, "no metric set '" + id + "'; installed: "
                        + sets.stream().map(MetricSet::id).toList());
            }
        }
        for (MetricSet set : sets) {
            java.util.Map<String, ?> given = metricOptions.get(set.id());
            options.put(set.id(), Parameters.validate("metric-options." + set.id(), set.options(),
                    given == null ? java.util.Map.of() : given));
        }
    }

    List<Metric> resolve(List<String> names) {
        List<Metric> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(resolve(names.get(i), "metrics[" + i + "]"));
        }
        return out;
    }

    private Metric resolve(String text, String field) {
        String trimmed = text == null ? "" : text.trim();
        int at = trimmed.indexOf('@');
        String name = at < 0 ? trimmed : trimmed.substring(0, at);
        int cutoff = 0;
        if (at >= 0) {
            try {
                cutoff = Integer.parseInt(trimmed.substring(at + 1));
            } catch (NumberFormatException e) {
                throw new InvalidSpecException(field, "got '" + text + "', expected NAME or NAME@K with K a "
                        + "positive integer");
            }
            if (cutoff <= 0) {
                throw new InvalidSpecException(field, "got '" + text + "', the cutoff K must be positive");
            }
        }
        TreeSet<String> known = new TreeSet<>();
        for (MetricSet set : sets) {
            for (MetricDescriptor d : set.catalog()) {
                known.add(d.name() + (d.cutoff() < 0 ? "@K" : ""));
                if (d.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    if (d.cutoff() < 0 && cutoff == 0) {
                        throw new InvalidSpecException(field, "'" + d.name() + "' needs a cutoff, e.g. " + d.name()
                                + "@10");
                    }
                    return set.create(d.name(), cutoff, options.get(set.id()));
                }
            }
        }
        throw new InvalidSpecException(field, "unknown metric '" + text + "'; available: "
                + (known.isEmpty() ? "none (no metric set installed)" : String.join(", ", known)));
    }
}
