package org.recworkbench.tests;

import java.util.List;
import java.util.Map;
import org.recworkbench.core.spec.AlgorithmSpec;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SplitSpec;

/** Small experiment specs for the integration tests. */
final class Specs {
    private Specs() {
    }

    /** A synthetic dataset of the given size, a per-user 80/20 split, the named algorithms, NDCG@10 and more. */
    static ExperimentSpec synthetic(int users, int items, int interactions, int threads, AlgorithmSpec... algorithms) {
        return new ExperimentSpec("it", 7L,
                new DatasetSpec("synthetic", Map.of("users", users, "items", items, "interactions", interactions)),
                null, new SplitSpec("user-holdout", Map.of("test-fraction", 0.2)), List.of(algorithms),
                List.of("NDCG@10", "Precision@10", "Recall@10"), null, null, threads, null, null, null);
    }

    static AlgorithmSpec algo(String id) {
        return new AlgorithmSpec(id, null, null);
    }

    static AlgorithmSpec algo(String id, Map<String, Object> params) {
        return new AlgorithmSpec(id, null, params);
    }

}
