package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SplitSpec;
import org.recworkbench.report.ReportWriter;

/** An experiment inside the framework, wired only through services, from data generation to report files. */
class EndToEndExperimentTest {

    private ExperimentResult run() {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        return runner.run(Specs.synthetic(1500, 800, 60_000, 2, Specs.algo("random"), Specs.algo("most-popular"),
                Specs.algo("item-knn")), RunListener.NONE, ProgressMonitor.NONE);
    }

    @Test
    void personalisedBeatsPopularityBeatsRandom() {
        ExperimentResult r = run();
        assertEquals(3, r.algorithms().size());
        for (AlgorithmResult a : r.algorithms()) {
            assertTrue(a.succeeded(), a.label() + ": " + a.failure());
            assertEquals(r.testUsers(), a.users().length);
        }
        double random = r.algorithms().get(0).aggregates().get("NDCG@10");
        double popular = r.algorithms().get(1).aggregates().get("NDCG@10");
        double knn = r.algorithms().get(2).aggregates().get("NDCG@10");
        assertTrue(random < popular && popular < knn, "NDCG@10 random " + random + ", popular " + popular
                + ", item-knn " + knn);
    }

    @Test
    void sameSpecGivesIdenticalNumbers() {
        ExperimentResult a = run();
        ExperimentResult b = run();
        for (int i = 0; i < a.algorithms().size(); i++) {
            assertEquals(a.algorithms().get(i).aggregates(), b.algorithms().get(i).aggregates());
        }
    }

    @Test
    void aSavedSplitIsReusedExactlyAndRefusedOnOtherData() throws Exception {
        ExperimentResult first = run();
        Path dir = Files.createTempDirectory("recwb-split");
        for (var ref : Services.context().getServiceReferences(ReportWriter.class, "(component.name=*Split*)")) {
            Services.context().getService(ref).write(first, dir);
        }
        Path saved = dir.resolve("split.tsv");
        assertTrue(Files.isRegularFile(saved));
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        ExperimentSpec again = new ExperimentSpec("it", 99L,
                new DatasetSpec("synthetic", Map.of("users", 1500, "items", 800, "interactions", 60_000)), null,
                new SplitSpec("saved", Map.of("path", saved.toString())), List.of(Specs.algo("most-popular")),
                List.of("NDCG@10", "Precision@10", "Recall@10"), null, null, 2, null, null, null);
        ExperimentResult second = runner.run(again, RunListener.NONE, ProgressMonitor.NONE);
        assertEquals(first.trainSize(), second.trainSize());
        assertEquals(first.testSize(), second.testSize());
        // a different seed for everything else, the same split: popularity gives the same numbers
        assertEquals(first.algorithms().get(1).aggregates(), second.algorithms().get(0).aggregates());
        ExperimentSpec other = new ExperimentSpec("it", 7L,
                new DatasetSpec("synthetic", Map.of("users", 1500, "items", 800, "interactions", 60_000, "seed", 5)),
                null, new SplitSpec("saved", Map.of("path", saved.toString())), List.of(Specs.algo("most-popular")),
                List.of("NDCG@10"), null, null, 2, null, null, null);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> runner.run(other, RunListener.NONE, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("other data"), e.getMessage());
    }

    @Test
    void reportWritersProduceTheirFiles() throws Exception {
        ExperimentResult r = run();
        Path dir = Files.createTempDirectory("recwb-it");
        var refs = Services.context().getServiceReferences(ReportWriter.class, null);
        for (var ref : refs) {
            Services.context().getService(ref).write(r, dir);
        }
        assertTrue(Files.isRegularFile(dir.resolve("results.json")));
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(4, csv.size(), "header + one row per algorithm");
        assertTrue(csv.get(0).startsWith("algorithm,id,status,NDCG@10,Precision@10,Recall@10"), csv.get(0));
        long perUserRows = Files.lines(dir.resolve("per-user.csv")).count();
        assertEquals(1 + 3L * r.testUsers(), perUserRows);
    }
}
