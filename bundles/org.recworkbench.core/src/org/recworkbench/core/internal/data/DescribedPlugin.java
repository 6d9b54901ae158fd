package org.recworkbench.core.internal.data;

import java.util.List;
import org.recworkbench.api.ParameterDescriptor;

/** The id, one-line description and declared options that every standard splitter and filter reports. */
abstract class DescribedPlugin {
    private final String id;
    private final String description;
    private final List<ParameterDescriptor> options;

    DescribedPlugin(String id, String description, List<ParameterDescriptor> options) {
        this.id = id;
        this.description = description;
        this.options = List.copyOf(options);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<ParameterDescriptor> options() {
        return options;
    }
}
