package org.recworkbench.api.metrics;

import java.util.Objects;

/**
 * What a metric measures and by which convention. {@code cutoff} is the list length k it looks at
 * ({@code 0} when it looks at the whole list or takes no cutoff). {@code formula} is plain text;
 * {@code convention} names the choice made where libraries differ; {@code reference} cites the source.
 *
 * @since 1.0
 */
public record MetricDescriptor(String id, String name, int cutoff, String family, String formula,
        String convention, double lowerBound, double upperBound, boolean higherIsBetter, String reference) {
    public MetricDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        formula = formula == null ? "" : formula;
        convention = convention == null ? "" : convention;
        reference = reference == null ? "" : reference;
    }
}
