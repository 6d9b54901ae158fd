package org.recworkbench.api.data;

import java.util.Map;
import java.util.Objects;

/**
 * An immutable dataset: interactions over dense user and item indices, the id indices that map them to
 * external ids, item and user attributes, and descriptive metadata ({@code source}, {@code feedback} =
 * explicit|implicit, {@code ratingScale}, …).
 *
 * @since 1.0
 */
public record Dataset(String name, IdIndex users, IdIndex items, Interactions interactions,
        Attributes itemAttributes, Attributes userAttributes, Map<String, String> metadata) {

    /** Metadata key: {@code explicit} (ratings) or {@code implicit} (events, counts). */
    public static final String FEEDBACK = "feedback";
    /** Metadata key: where the data came from (path or generator description). */
    public static final String SOURCE = "source";
    /**
     * Metadata keys starting with this are load warnings: something the adapter found odd but loaded as it is
     * (blank lines, repeated pairs, …), with a count and the first place. The engine reports them to the user.
     *
     * @since 1.1
     */
    public static final String WARNING_PREFIX = "warning.";

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(interactions, "interactions");
        if (interactions.numUsers() != users.size() || interactions.numItems() != items.size()) {
            throw new IllegalArgumentException("interactions span " + interactions.numUsers() + "x"
                    + interactions.numItems() + " but indices hold " + users.size() + "x" + items.size());
        }
        itemAttributes = itemAttributes == null ? Attributes.empty() : itemAttributes;
        userAttributes = userAttributes == null ? Attributes.empty() : userAttributes;
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
    }

    /** The same dataset with other interactions over the same id space (e.g. after filtering). */
    public Dataset withInteractions(Interactions newInteractions) {
        return new Dataset(name, users, items, newInteractions, itemAttributes, userAttributes, metadata);
    }

    /**
     * The load warnings in {@link #metadata()} (entries under {@link #WARNING_PREFIX}), by key.
     *
     * @since 1.1
     */
    public java.util.SortedMap<String, String> warnings() {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        metadata.forEach((k, v) -> {
            if (k.startsWith(WARNING_PREFIX)) {
                out.put(k, v);
            }
        });
        return out;
    }

    public boolean isImplicit() {
        return "implicit".equals(metadata.get(FEEDBACK));
    }
}
