package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SplitSpec;
import org.osgi.framework.Bundle;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.dl4j.DeepLearning;

/**
 * The neural and sequential bundles in a running framework: DL4J starts inside OSGi (the class loader hand-over of
 * org.recworkbench.dl4j), Mult-VAE and SASRec train and are evaluated through the engine, and stopping and starting
 * each bundle takes its algorithm away and brings it back without a restart.
 */
class NeuralBundleTest {

    @Test
    void multVaeTrainsInsideTheFrameworkAndComesAndGoesWithItsBundle() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        DeepLearning dl = Services.await(DeepLearning.class);
        assertTrue(dl.isAvailable(), dl.unavailableReason());
        assertTrue(Services.eventually(() -> registry.recommender("mult-vae").isPresent()));

        ExperimentResult r = runner.run(Specs.synthetic(300, 200, 6000, 1, Specs.algo("mult-vae", Map.of("epochs",
                20, "hidden", 64, "latent", 16, "batch-size", 50, "learning-rate", 0.01)), Specs.algo("random")),
                RunListener.NONE, ProgressMonitor.NONE);
        AlgorithmResult vae = r.algorithms().get(0);
        AlgorithmResult random = r.algorithms().get(1);
        assertEquals(AlgorithmResult.Status.SUCCEEDED, vae.status(), vae.failure());
        // the synthetic world has structure (latent preferences, popularity): a trained model beats random lists
        assertTrue(vae.aggregates().get("NDCG@10") > 2 * random.aggregates().get("NDCG@10"), vae.aggregates() + " "
                + random.aggregates());

        restartTakesAwayAndBringsBack("org.recworkbench.algo.neural", "mult-vae", registry);
    }

    @Test
    void sequentialModelsTrainInsideTheFrameworkAndComeAndGoWithTheirBundle() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        assertTrue(Services.eventually(() -> registry.recommender("sasrec").isPresent()
                && registry.recommender("gru4rec").isPresent()));
        ExperimentResult r = runner.run(Specs.synthetic(200, 100, 4000, 1, Specs.algo("sasrec", Map.of("epochs", 3,
                "dimensions", 16, "max-length", 20, "batch-size", 64)), Specs.algo("gru4rec", Map.of("epochs", 2,
                "dimensions", 16, "samples", 64))), RunListener.NONE, ProgressMonitor.NONE);
        for (AlgorithmResult a : r.algorithms()) {
            assertEquals(AlgorithmResult.Status.SUCCEEDED, a.status(), a.failure());
        }
        assertEquals(2, r.algorithms().size());
        restartTakesAwayAndBringsBack("org.recworkbench.algo.sequential", "sasrec", registry);
        assertTrue(Services.eventually(() -> registry.recommender("gru4rec").isPresent()));
    }

    @Test
    void earlyStoppingScoresOnTheRunsValidationPartAndWithoutOneSaysWhatToAdd() throws Exception {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        PluginRegistry registry = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> registry.recommender("lightgcn").isPresent()));
        java.util.List<String> reports = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void report(String name, long step, double value) {
                reports.add(name + " " + step);
            }
        };
        Map<String, Object> params = Map.of("epochs", 6, "dimensions", 8, "patience", 2, "validate-every", 2);
        ExperimentSpec plain = Specs.synthetic(200, 100, 4000, 1, Specs.algo("lightgcn", params));
        ExperimentSpec validated = new ExperimentSpec("it", 7L, plain.dataset(), null,
                new SplitSpec("user-holdout", Map.of("test-fraction", 0.2),
                        new SplitSpec("user-holdout", Map.of("test-fraction", 0.2), null)),
                plain.algorithms(), plain.metrics(), null, null, 1, null, null, null);
        AlgorithmResult stopped = runner.run(validated, RunListener.NONE, monitor).algorithms().get(0);
        assertEquals(AlgorithmResult.Status.SUCCEEDED, stopped.status(), stopped.failure());
        // scored after epochs 2, 4 and 6 with the run's first metric
        assertTrue(reports.contains("validation NDCG@10 2") && reports.contains("validation NDCG@10 4"),
                reports.toString());
        AlgorithmResult refused = runner.run(plain, RunListener.NONE, ProgressMonitor.NONE).algorithms().get(0);
        assertEquals(AlgorithmResult.Status.FAILED, refused.status());
        assertTrue(refused.failure().contains("add split.validation"), refused.failure());
    }

    private static void restartTakesAwayAndBringsBack(String bundle, String algorithm, PluginRegistry registry)
            throws Exception {
        Bundle found = null;
        for (Bundle b : Services.context().getBundles()) {
            if (bundle.equals(b.getSymbolicName())) {
                found = b;
            }
        }
        assertTrue(found != null, bundle + " is not installed");
        found.stop();
        assertTrue(Services.eventually(() -> registry.recommender(algorithm).isEmpty()));
        found.start();
        assertTrue(Services.eventually(() -> registry.recommender(algorithm).isPresent()));
    }
}
