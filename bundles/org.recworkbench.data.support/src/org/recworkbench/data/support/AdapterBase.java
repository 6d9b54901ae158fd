package org.recworkbench.data.support;

import java.util.List;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.data.DatasetAdapter;

/** The id, one-line description and declared options every dataset adapter reports. */
public abstract class AdapterBase implements DatasetAdapter {
    private final String id;
    private final String description;
    private final List<ParameterDescriptor> options;

    protected AdapterBase(String id, String description, List<ParameterDescriptor> options) {
        this.id = id;
        this.description = description;
        this.options = List.copyOf(options);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterDescriptor> options() {
        return options;
    }
}
