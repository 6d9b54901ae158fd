package org.recworkbench.api.data;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.ParameterDescriptor;

/**
 * Partitions a dataset into train and test. Deterministic: the same dataset, options and seed give the
 * same split.
 *
 * @since 1.0
 */
@ConsumerType
public interface Splitter {

    String id();

    String description();

    List<ParameterDescriptor> options();

    Split split(Dataset dataset, Map<String, ?> options, long seed);
}
