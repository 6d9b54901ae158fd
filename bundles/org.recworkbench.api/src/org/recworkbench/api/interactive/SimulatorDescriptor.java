package org.recworkbench.api.interactive;

import java.util.List;
import java.util.Objects;
import org.recworkbench.api.ParameterDescriptor;

/**
 * What a simulator is: its spec id, a display name, a description, the paper it follows, its parameters, and
 * whether it is built from a dataset ({@link SimulationContext#dataset()}) when one is given.
 *
 * @since 2.0
 */
public record SimulatorDescriptor(String id, String displayName, String description, String citation,
        List<ParameterDescriptor> parameters, boolean usesDataset) {
    public SimulatorDescriptor {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null ? id : displayName;
        description = description == null ? "" : description;
        citation = citation == null ? "" : citation;
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
    }
}
