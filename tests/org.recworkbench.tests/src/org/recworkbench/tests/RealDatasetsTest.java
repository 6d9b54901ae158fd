package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.spec.DatasetSpec;

/**
 * The real datasets of ../shared/datasets load exactly as published, and the stricter checks of the adapters
 * (numeric ids, timestamps, positions, attribute dictionaries, duplicate and blank-line warnings) neither refuse
 * them nor change a count. The expected counts are the publishers' figures as shared/datasets/README.md lists them;
 * the only warning is the Amazon 5-core's 134 duplicate (user, item) pairs, a quirk of the source named there too.
 */
class RealDatasetsTest {

    private record Published(String name, String adapter, String path, Map<String, Object> options, int interactions,
            int users, Map<String, String> warnings) {
    }

    private static Path datasets() {
        return Path.of(System.getProperty("recworkbench.datasets", "../shared/datasets"));
    }

    static List<Published> published() {
        return List.of(
                new Published("MovieLens 100K", "movielens", "ml-100k", Map.of(), 100_000, 943, Map.of()),
                new Published("MovieLens latest-small", "movielens", "ml-latest-small", Map.of(), 100_836, 610, Map.of()),
                new Published("HetRec Last.fm 2K", "lastfm", "hetrec2011-lastfm-2k", Map.of(), 92_834, 1_892, Map.of()),
                new Published("CRS LastFM (train + valid + test)", "crs", "crs-lastfm", Map.of(), 76_693, 1_801,
                        Map.of()),
                new Published("Amazon Fashion 5-core", "amazon", "amazon-fashion-5core-2018/AMAZON_FASHION_5.jsonl",
                        Map.of(), 3_176, 406, Map.of("warning.duplicates", "134 repeated (user, item) pairs")),
                new Published("OBD random/men", "obd", "obd", Map.of("campaign", "men"), 10_000, -1, Map.of()),
                new Published("OBD bts/women", "obd", "obd", Map.of("campaign", "women", "policy", "bts"), 10_000, -1,
                        Map.of()));
    }

    @TestFactory
    Stream<DynamicTest> realDatasetsLoadExactlyAsPublished() {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        return published().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Path path = datasets().resolve(p.path());
            assertTrue(Files.exists(path), path.toAbsolutePath() + " not found; set -Drecworkbench.datasets");
            Map<String, Object> options = new java.util.HashMap<>(p.options());
            options.put("path", path.toString());
            Dataset d = runner.loadDataset(new DatasetSpec(p.adapter(), options), List.of(), ProgressMonitor.NONE);
            assertEquals(p.interactions(), d.interactions().size(), p.name());
            if (p.users() >= 0) {
                assertEquals(p.users(), d.users().size(), p.name());
            }
            assertEquals(p.warnings().keySet(), d.warnings().keySet(), p.name() + ": " + d.warnings());
            p.warnings().forEach((key, start) -> assertTrue(d.warnings().get(key).startsWith(start),
                    d.warnings().get(key)));
        }));
    }
}
