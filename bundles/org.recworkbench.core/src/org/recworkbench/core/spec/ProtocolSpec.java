package org.recworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The evaluation protocol. {@code full-ranking} (the default) ranks every item for every test user with the
 * user's training items excluded. {@code sampled-uniform} and {@code sampled-popularity} rank only the user's
 * relevant items plus {@code negatives} sampled items the user has not seen (uniformly, or in proportion to
 * training popularity), a protocol whose numbers are not comparable with full ranking (Krichene and Rendle,
 * KDD 2020): results always carry its label. A test item is relevant when its value is at least
 * {@code relevanceThreshold} (all test items when null); gains are binary unless {@code graded}.
 */
public record ProtocolSpec(String type, @JsonProperty("relevance-threshold") Double relevanceThreshold,
        Boolean graded, @JsonProperty("exclude-train") Boolean excludeTrain, Integer negatives) {

    public static final String FULL_RANKING = "full-ranking";
    public static final String SAMPLED_UNIFORM = "sampled-uniform";
    public static final String SAMPLED_POPULARITY = "sampled-popularity";
    public static final java.util.List<String> TYPES = java.util.List.of(FULL_RANKING, SAMPLED_UNIFORM,
            SAMPLED_POPULARITY);
    public static final ProtocolSpec DEFAULT = new ProtocolSpec(FULL_RANKING, null, false, true, null);

    public ProtocolSpec {
        type = type == null || type.isBlank() ? FULL_RANKING : type;
        graded = graded != null && graded;
        excludeTrain = excludeTrain == null || excludeTrain;
        negatives = negatives == null ? 100 : negatives;
    }

    public boolean sampled() {
        return !FULL_RANKING.equals(type);
    }

    /** The label results carry, e.g. "full ranking" or "sampled ranking: 100 popularity-sampled negatives". */
    public String label() {
        return switch (type) {
            case SAMPLED_UNIFORM -> "sampled ranking: relevant items + " + negatives + " uniformly sampled negatives";
            case SAMPLED_POPULARITY -> "sampled ranking: relevant items + " + negatives
                    + " popularity-sampled negatives";
            default -> "full ranking of all items" + (excludeTrain ? " (training items excluded)" : "");
        };
    }
}
