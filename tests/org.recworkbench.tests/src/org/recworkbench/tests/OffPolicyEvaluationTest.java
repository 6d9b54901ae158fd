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
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.metrics.ope.BanditEstimator;
import org.recworkbench.metrics.ope.Estimate;
import org.recworkbench.metrics.ope.ObdStudy;
import org.recworkbench.metrics.ope.SimulatedStudy;

/**
 * Off-policy estimators where the truth is known. On simulated logs the unbiased estimators must be unbiased
 * (their mean over independent logs within four standard errors of the truth) and the ones whose assumptions
 * fail must show it: the direct method with a context-free model, and independent IPS under cascade clicks
 * (Li et al. 2018 assume slot rewards independent of the items above; McInerney et al. 2020 do not). On the
 * Open Bandit Dataset, the true values are the on-policy click rates counted straight from the CSV files.
 */
class OffPolicyEvaluationTest {

    private static final int REPETITIONS = 12;

    private static Simulator simulator() throws InterruptedException {
        PluginRegistry r = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> r.simulator("latent-factor").isPresent()));
        return r.simulator("latent-factor").orElseThrow();
    }

    /** Whether the mean of the estimates is within four standard errors of the truth. */
    private static boolean unbiased(SimulatedStudy.Summary s) {
        // RMSE² = bias² + variance, so the estimates' standard deviation is sqrt(RMSE² − bias²)
        double sd = Math.sqrt(Math.max(0, s.rmse() * s.rmse() - s.bias() * s.bias()));
        return Math.abs(s.bias()) < 4 * sd / Math.sqrt(REPETITIONS);
    }

    private static SimulatedStudy.Summary find(List<SimulatedStudy.Summary> rows, String estimator) {
        return rows.stream().filter(s -> s.estimator().startsWith(estimator)).findFirst().orElseThrow();
    }

    @Test
    void banditEstimatorsOnSimulatedLogs() throws Exception {
        List<SimulatedStudy.Summary> rows = SimulatedStudy.bandit(simulator(), Map.of("users", 1000, "items", 100,
                "candidates", 15), 5000, REPETITIONS, 20_000, 10, 3);
        for (String e : List.of("IPS", "SNIPS", "DR", "Switch-DR")) {
            assertTrue(unbiased(find(rows, e)), find(rows, e).toString());
            assertTrue(find(rows, e).meanRelativeError() < 0.05, find(rows, e).toString());
        }
        // a model that ignores the user cannot know which candidates this user likes
        SimulatedStudy.Summary dm = find(rows, "DM");
        assertTrue(!unbiased(dm) && Math.abs(dm.bias()) > 0.05 * dm.truth(), dm.toString());
    }

    @Test
    void slateEstimatorsFollowTheirAssumptions() throws Exception {
        Simulator sim = simulator();
        Map<String, Object> pbm = Map.of("users", 1000, "items", 100, "candidates", 6, "slate-size", 3,
                "click-model", "position-based");
        List<SimulatedStudy.Summary> positionBased = SimulatedStudy.slates(sim, pbm, 5000, REPETITIONS, 5000, 0.5, 4);
        for (SimulatedStudy.Summary s : positionBased) {
            assertTrue(unbiased(s), s.toString());
        }
        // independent IPS has the lowest error when its assumption holds
        assertTrue(find(positionBased, "independent").rmse() < find(positionBased, "standard").rmse());
        Map<String, Object> cascade = new java.util.HashMap<>(pbm);
        cascade.put("click-model", "cascade");
        List<SimulatedStudy.Summary> cascading = SimulatedStudy.slates(sim, cascade, 5000, REPETITIONS, 5000, 0.5, 4);
        assertTrue(unbiased(find(cascading, "standard")), find(cascading, "standard").toString());
        assertTrue(unbiased(find(cascading, "reward-interaction")), find(cascading, "reward-interaction").toString());
        assertTrue(!unbiased(find(cascading, "independent")), find(cascading, "independent").toString());
    }

    @Test
    void openBanditDatasetBothDirections() throws Exception {
        Path obd = Path.of(System.getProperty("recworkbench.datasets", "../shared/datasets"), "obd");
        assertTrue(Files.isDirectory(obd), "no " + obd);
        PluginRegistry r = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> r.datasetAdapter("obd").isPresent()));
        DatasetAdapter adapter = r.datasetAdapter("obd").orElseThrow();
        Dataset random = adapter.load(Map.of("path", obd.toString(), "policy", "random", "campaign", "men"),
                ProgressMonitor.NONE);
        Dataset bts = adapter.load(Map.of("path", obd.toString(), "policy", "bts", "campaign", "men"),
                ProgressMonitor.NONE);
        List<ObdStudy.Row> rows = ObdStudy.run(random, bts, BanditEstimator.standard(10), 300, 1);
        assertEquals("Bernoulli TS", rows.get(0).target());
        assertEquals(clickRate(obd.resolve("bts/men/men.csv")), rows.get(0).truth(), 1e-12);
        assertEquals(clickRate(obd.resolve("random/men/men.csv")), rows.get(1).truth(), 1e-12);
        for (ObdStudy.Row row : rows) {
            assertEquals(10_000, row.rounds());
            for (Estimate e : row.estimates()) {
                assertTrue(Double.isFinite(e.value()) && e.lower() <= e.value() && e.value() <= e.upper(),
                        e.toString());
            }
        }
        // the uniform logger covers every action, so IPS's interval for Bernoulli TS contains its true value
        Estimate ips = rows.get(0).estimates().stream().filter(e -> e.estimator().equals("IPS")).findFirst()
                .orElseThrow();
        assertTrue(ips.lower() <= rows.get(0).truth() && rows.get(0).truth() <= ips.upper(), ips.toString());
    }

    /** Mean of the click column, read without the adapter. */
    private static double clickRate(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int column = List.of(lines.get(0).split(",")).indexOf("click");
        double clicks = 0;
        for (String line : lines.subList(1, lines.size())) {
            clicks += Double.parseDouble(line.split(",")[column]);
        }
        return clicks / (lines.size() - 1);
    }
}
