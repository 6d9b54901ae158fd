package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
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
    void sasRecTrainsInsideTheFrameworkAndComesAndGoesWithItsBundle() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        assertTrue(Services.eventually(() -> registry.recommender("sasrec").isPresent()));
        ExperimentResult r = runner.run(Specs.synthetic(200, 100, 4000, 1, Specs.algo("sasrec", Map.of("epochs", 3,
                "dimensions", 16, "max-length", 20, "batch-size", 64))), RunListener.NONE, ProgressMonitor.NONE);
        AlgorithmResult sasrec = r.algorithms().get(0);
        assertEquals(AlgorithmResult.Status.SUCCEEDED, sasrec.status(), sasrec.failure());
        restartTakesAwayAndBringsBack("org.recworkbench.algo.sequential", "sasrec", registry);
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
