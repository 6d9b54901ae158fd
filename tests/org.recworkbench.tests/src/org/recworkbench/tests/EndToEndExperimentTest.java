package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
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
