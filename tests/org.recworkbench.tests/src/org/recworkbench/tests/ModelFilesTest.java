package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.ModelFiles;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.spec.AlgorithmSpec;
import org.recworkbench.core.spec.ExperimentSpec;

/** Models saved during a run and read back through the installed plugins score exactly as before. */
class ModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void savedModelsScoreIdenticallyAfterLoading() {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        PluginRegistry registry = Services.await(PluginRegistry.class);
        List<String> ids = List.of("bias", "funk-svd", "svd++", "als", "implicit-als", "bpr", "item-knn", "user-knn",
                "rp3beta", "ease", "slim", "rel-mf", "mf-ips", "mult-vae", "neumf", "lightgcn", "two-tower",
                "sasrec", "gru4rec", "last-item-knn");
        Map<String, Map<String, Object>> params = Map.of("bpr", Map.of("epochs", 5), "rel-mf", Map.of("epochs", 5),
                "mult-vae", Map.of("epochs", 3, "hidden", 32, "latent", 8, "batch-size", 64),
                "neumf", Map.of("epochs", 2, "factors", 4, "layers", "8,4"),
                "sasrec", Map.of("epochs", 2, "dimensions", 8, "max-length", 10, "batch-size", 64),
                "gru4rec", Map.of("epochs", 2, "dimensions", 8, "samples", 32),
                "lightgcn", Map.of("epochs", 2, "dimensions", 8),
                "two-tower", Map.of("epochs", 2, "dimensions", 8, "tower-layers", "8", "batch-size", 256));
        ExperimentSpec spec = Specs.synthetic(300, 200, 6000, 2, ids.stream().map(id -> new AlgorithmSpec(id, null,
                params.getOrDefault(id, Map.of()))).toArray(AlgorithmSpec[]::new));
        Map<String, Model> fitted = new HashMap<>();
        runner.run(spec, event -> {
            if (event instanceof RunListener.ModelFitted m) {
                fitted.put(m.label(), m.model());
                assertTrue(ModelFiles.write(dir.resolve(m.label() + ".model"), m.recommenderId(), m.params(),
                        m.model()), m.label());
            }
        }, ProgressMonitor.NONE);
        int[] users = {0, 1, 7};
        for (String id : ids) {
            Model before = fitted.get(id);
            ModelFiles.Loaded loaded = ModelFiles.read(dir.resolve(id + ".model"), registry,
                    registry.backends().get(0));
            assertEquals(id, loaded.recommenderId());
            float[] a = new float[users.length * before.numItems()];
            float[] b = new float[a.length];
            before.scoreAll(users, a);
            loaded.model().scoreAll(users, b);
            assertArrayEquals(a, b, id);
            if (before.predictsRatings()) {
                assertEquals(before.predict(3, 5), loaded.model().predict(3, 5), 1e-6, id);
            }
        }
        assertFalse(Files.exists(dir.resolve("bias.model.partial")));
    }

    @Test
    void aFileThatIsNotAModelIsRefused() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.model"), "hello");
        PluginRegistry registry = Services.await(PluginRegistry.class);
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> ModelFiles.read(junk, registry, registry.backends().get(0)));
        assertTrue(e.getMessage().contains("not a saved RecWorkbench model"), e.getMessage());
    }
}
