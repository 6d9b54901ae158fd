package org.recworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The evaluation protocol. {@code full-ranking} (the only one so far) ranks every item for every test user
 * with the user's training items excluded. A test item is relevant when its value is at least
 * {@code relevanceThreshold} (all test items when null); gains are binary unless {@code graded}.
 */
public record ProtocolSpec(String type, @JsonProperty("relevance-threshold") Double relevanceThreshold,
        Boolean graded, @JsonProperty("exclude-train") Boolean excludeTrain) {

    public static final String FULL_RANKING = "full-ranking";
    public static final ProtocolSpec DEFAULT = new ProtocolSpec(FULL_RANKING, null, false, true);

    public ProtocolSpec {
        type = type == null || type.isBlank() ? FULL_RANKING : type;
        graded = graded != null && graded;
        excludeTrain = excludeTrain == null || excludeTrain;
    }
}
