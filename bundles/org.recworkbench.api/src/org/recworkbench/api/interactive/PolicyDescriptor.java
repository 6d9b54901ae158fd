package org.recworkbench.api.interactive;

import java.util.List;
import java.util.Objects;
import org.recworkbench.api.ParameterDescriptor;

/**
 * What a policy is: a stable id used in spec files, a display name, its family ({@code bandit},
 * {@code contextual-bandit}, {@code slate}, {@code budgeted}, {@code rl}, {@code conversational}), a
 * description, the paper to cite, and its hyper-parameters.
 *
 * @since 2.0
 */
public record PolicyDescriptor(String id, String displayName, String family, String description, String citation,
        List<ParameterDescriptor> parameters) {
    public PolicyDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        displayName = displayName == null ? id : displayName;
        description = description == null ? "" : description;
        citation = citation == null ? "" : citation;
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
    }
}
