package org.recworkbench.api.data;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.ParameterDescriptor;

/**
 * A preprocessing step applied between loading and splitting (rating threshold, k-core, …). Returns a
 * dataset over the same id space; entities that lose all interactions simply have none.
 *
 * @since 1.0
 */
@ConsumerType
public interface DatasetFilter {

    String id();

    String description();

    List<ParameterDescriptor> options();

    Dataset apply(Dataset dataset, Map<String, ?> options);
}
