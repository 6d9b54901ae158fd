package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SplitSpec;

/**
 * Every metric family through the registry in one run, and the identities that must hold between metrics
 * of different families on the same lists (all lists are full: 800 items, at most a few hundred seen).
 */
class MetricFamiliesTest {

    private static final List<String> METRICS = List.of("Precision@10", "HitRate@10", "NDCG@10", "AUC",
            "ItemCoverage@10", "Gini@10", "1-Gini@10", "APLT@10", "PopRSP@10", "QF@10", "Jain-corr@10",
            "Gini-exp@10", "EE-D@10", "CTR@10", "Conversion@10", "RMSE");

    private ExperimentResult run() {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        return runner.run(new ExperimentSpec("families", 3L,
                new DatasetSpec("synthetic", Map.of("users", 1000, "items", 800, "interactions", 40_000)), null,
                new SplitSpec("user-holdout", null), List.of(Specs.algo("random"), Specs.algo("most-popular"),
                        Specs.algo("item-knn")), METRICS, null, null, 2, null, null, null),
                RunListener.NONE, ProgressMonitor.NONE);
    }

    private static double v(AlgorithmResult a, String metric) {
        return a.aggregates().get(metric);
    }

    @Test
    void identitiesAcrossFamilies() {
        ExperimentResult r = run();
        for (AlgorithmResult a : r.algorithms()) {
            assertTrue(a.succeeded(), a.failure());
            // full lists: clicks per impression is precision, conversion is the hit rate
            assertEquals(v(a, "Precision@10"), v(a, "CTR@10"), 1e-12, a.label());
            assertEquals(v(a, "HitRate@10"), v(a, "Conversion@10"), 1e-12, a.label());
            // qualification fairness is item coverage; Gini of exposure is the beyond-accuracy Gini
            assertEquals(v(a, "ItemCoverage@10"), v(a, "QF@10"), 1e-12, a.label());
            assertEquals(v(a, "Gini@10"), v(a, "Gini-exp@10"), 1e-12, a.label());
            assertEquals(1.0, v(a, "Gini@10") + v(a, "1-Gini@10"), 1e-12, a.label());
            // ten full positions under γ = 0.8: EE-D = sum_{i<10} 0.64^i
            assertEquals((1 - Math.pow(0.64, 10)) / (1 - 0.64), v(a, "EE-D@10"), 1e-9, a.label());
            double jain = v(a, "Jain-corr@10");
            assertTrue(jain >= 0 && jain <= 1, a.label() + " Jain-corr " + jain);
            // random and most-popular predict no ratings (RMSE undefined); item-knn predicts them
            assertEquals(a.label().equals("item-knn"), Double.isFinite(v(a, "RMSE")), a.label() + " RMSE");
        }
        AlgorithmResult random = r.algorithms().get(0);
        AlgorithmResult popular = r.algorithms().get(1);
        // a random ranking has AUC 1/2 in expectation; 1,000 users make the mean close
        assertEquals(0.5, v(random, "AUC"), 0.02);
        assertTrue(v(popular, "AUC") > 0.7, "popularity ranks held-out items well above random");
        assertTrue(v(random, "ItemCoverage@10") > v(popular, "ItemCoverage@10"));
        assertTrue(v(popular, "Gini@10") > v(random, "Gini@10"));
        assertTrue(v(popular, "PopRSP@10") > v(random, "PopRSP@10"));
        assertTrue(v(random, "APLT@10") > v(popular, "APLT@10"));
    }
}
