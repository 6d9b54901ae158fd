package org.recworkbench.api.algo;

import java.util.List;
import java.util.Objects;
import org.recworkbench.api.ParameterDescriptor;

/**
 * What an algorithm is: a stable id used in spec files, a display name, its family ({@code baseline},
 * {@code knn}, {@code mf}, …), a description, the paper to cite, its hyper-parameters, and whether it can
 * rank items (top-N) and predict ratings.
 *
 * @since 1.0
 */
public record RecommenderDescriptor(String id, String displayName, String family, String description,
        String citation, List<ParameterDescriptor> parameters, boolean ranksItems, boolean predictsRatings) {
    public RecommenderDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        displayName = displayName == null ? id : displayName;
        description = description == null ? "" : description;
        citation = citation == null ? "" : citation;
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
    }
}
