package org.recworkbench.testing.hostile;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;

/** A metric set that SCR cannot create: its constructor throws. */
@Component(service = MetricSet.class)
public class ThrowingConstructorMetrics implements MetricSet {

    public ThrowingConstructorMetrics() {
        throw new IllegalStateException("hostile test plugin: the metric set cannot be constructed");
    }

    @Override
    public String id() {
        return "hostile";
    }

    @Override
    public String description() {
        return "never seen";
    }

    @Override
    public List<MetricDescriptor> catalog() {
        return List.of();
    }

    @Override
    public Metric create(String name, int cutoff) {
        throw new IllegalArgumentException(name);
    }
}
