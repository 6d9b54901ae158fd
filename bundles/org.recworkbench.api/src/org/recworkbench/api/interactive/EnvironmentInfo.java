package org.recworkbench.api.interactive;

import java.util.List;
import java.util.Objects;

/**
 * The fixed facts about an environment that a policy may use: the catalogue size, the dimension of user
 * context vectors, optional item feature vectors (row-major {@code numItems × itemFeatureDimension}; empty
 * when the simulator exposes none), the cost of recommending each item, the slate size it expects, and the
 * names of the reward vector's entries (the first is the primary reward).
 *
 * @since 2.0
 */
public record EnvironmentInfo(int numItems, int contextDimension, float[] itemFeatures, int itemFeatureDimension,
        float[] itemCosts, int slateSize, List<String> rewardNames) {

    public EnvironmentInfo {
        Objects.requireNonNull(itemFeatures, "itemFeatures");
        Objects.requireNonNull(itemCosts, "itemCosts");
        rewardNames = List.copyOf(rewardNames);
        if (numItems < 1 || slateSize < 1 || slateSize > numItems) {
            throw new IllegalArgumentException("numItems " + numItems + ", slateSize " + slateSize);
        }
        if (itemFeatures.length != (long) numItems * itemFeatureDimension) {
            throw new IllegalArgumentException("itemFeatures has " + itemFeatures.length + " values, expected "
                    + numItems + " × " + itemFeatureDimension);
        }
        if (itemCosts.length != numItems) {
            throw new IllegalArgumentException("itemCosts has " + itemCosts.length + " values, expected " + numItems);
        }
        if (rewardNames.isEmpty()) {
            throw new IllegalArgumentException("at least the primary reward must be named");
        }
    }

    /** The cost of recommending these items together. */
    public double cost(int[] slate) {
        double c = 0;
        for (int item : slate) {
            c += itemCosts[item];
        }
        return c;
    }
}
