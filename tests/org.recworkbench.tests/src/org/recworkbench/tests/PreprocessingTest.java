package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.FilterSpec;

/** Adapters and filters from different bundles composed through the engine, on real data. */
class PreprocessingTest {

    @Test
    void amazonDuplicatesCollapseUnderTheDedupFilter() {
        Path file = Path.of(System.getProperty("recworkbench.datasets", "../shared/datasets"),
                "amazon-fashion-5core-2018", "AMAZON_FASHION_5.jsonl");
        assertTrue(Files.isRegularFile(file), "dataset not found at " + file.toAbsolutePath());
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        Dataset d = runner.loadDataset(new DatasetSpec("amazon", Map.of("path", file.toString())),
                List.of(new FilterSpec("dedup", Map.of("policy", "last"))), ProgressMonitor.NONE);
        // shared/datasets/README.md: 3,176 reviews of which 134 repeat a (user, item) pair
        assertEquals(3176 - 134, d.interactions().size());
    }
}
