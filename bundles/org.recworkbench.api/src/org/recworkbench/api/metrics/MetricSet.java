package org.recworkbench.api.metrics;

import java.util.List;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of metrics registered as one OSGi service. Specs name metrics as {@code NAME} or
 * {@code NAME@K}; the engine finds the set whose catalog holds {@code NAME} and asks it to create the
 * metric.
 *
 * @since 1.0
 */
@ConsumerType
public interface MetricSet {

    /** Short stable id, e.g. {@code ranking}. */
    String id();

    String description();

    /**
     * One descriptor per metric name; {@link MetricDescriptor#cutoff()} is {@code -1} for metrics that
     * require {@code @K} and {@code 0} for those without a cutoff.
     */
    List<MetricDescriptor> catalog();

    /**
     * Creates a metric.
     *
     * @param cutoff k, or 0 when none was given
     * @throws IllegalArgumentException for an unknown name or a missing/invalid cutoff
     */
    Metric create(String name, int cutoff);

    /**
     * Options that tune this set's metrics (e.g. the short-head share of popularity metrics), given in a spec
     * under {@code metric-options.<set id>}. None by default.
     *
     * @since 1.1
     */
    default List<ParameterDescriptor> options() {
        return List.of();
    }

    /**
     * Creates a metric with validated options; by default the options are ignored (there are none).
     *
     * @since 1.1
     */
    default Metric create(String name, int cutoff, Parameters options) {
        return create(name, cutoff);
    }
}
