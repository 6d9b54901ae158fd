package org.recworkbench.testing.hostile;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;

/** A dataset adapter whose id is null. */
@Component(service = DatasetAdapter.class)
public class NullIdAdapter implements DatasetAdapter {

    @Override
    public String id() {
        return null;
    }

    @Override
    public String description() {
        return "hostile test plugin: an adapter without an id";
    }

    @Override
    public List<ParameterDescriptor> options() {
        return List.of();
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        throw new IllegalStateException("hostile test plugin: never loads");
    }
}
