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
 * The neural bundle in a running framework: DL4J starts inside OSGi (the class loader hand-over of
 * org.recworkbench.dl4j), a Mult-VAE trains and is evaluated through the engine, and stopping and starting the bundle
 * takes its algorithm away and brings it back without a restart.
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

        Bundle neural = null;
        for (Bundle b : Services.context().getBundles()) {
            if ("org.recworkbench.algo.neural".equals(b.getSymbolicName())) {
                neural = b;
            }
        }
        assertTrue(neural != null, "org.recworkbench.algo.neural is not installed");
        neural.stop();
        assertTrue(Services.eventually(() -> registry.recommender("mult-vae").isEmpty()));
        neural.start();
        assertTrue(Services.eventually(() -> registry.recommender("mult-vae").isPresent()));
    }
}
