package org.recworkbench.api.data;

import java.util.Objects;

/**
 * A train/test partition of one dataset's interactions over the same id space, with a description of how
 * it was made (method, options and seed) so that it can be reproduced.
 *
 * @since 1.0
 */
public record Split(Dataset dataset, Interactions train, Interactions test, String description) {
    public Split {
        Objects.requireNonNull(dataset);
        Objects.requireNonNull(train);
        Objects.requireNonNull(test);
        if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()) {
            throw new IllegalArgumentException("train and test differ in id space");
        }
    }
}
