package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.report.ReportWriter;

/** Every plugin bundle's DS components register their services in a real Equinox + SCR framework. */
class ServiceRegistrationTest {

    @Test
    void everyPluginRegisters() throws Exception {
        PluginRegistry r = Services.await(PluginRegistry.class);
        List<String> standard = List.of("als", "bias", "bpr", "ease", "funk-svd", "gru4rec", "implicit-als",
                "item-knn", "last-item-knn", "lightgcn", "mf-ips", "most-popular", "mult-vae", "neumf", "random",
                "rel-mf", "rp3beta", "sasrec", "slim", "svd++", "two-tower", "user-knn");
        assertTrue(Services.eventually(() -> r.recommenders().stream().map(x -> x.descriptor().id()).toList()
                .containsAll(standard) && r.datasetAdapters().size() >= 13 && r.metricSets().size() >= 5
                && !r.backends().isEmpty() && r.splitters().size() >= 8 && r.filters().size() >= 5));
        // the hot-swap test may have uninstalled the test-only slow-popular plugin already: ignore test plugins
        assertEquals(standard, r.recommenders().stream().map(x -> x.descriptor().id())
                .filter(id -> !id.equals("slow-popular") && !id.equals("recent-popular")).toList());
        assertEquals(List.of("amazon", "bookcrossing", "crs", "csv", "finn-slates", "jester", "lastfm", "movielens",
                "netflix", "obd", "spotify-mpd", "synthetic", "yelp"),
                r.datasetAdapters().stream().map(x -> x.id()).toList());
        assertEquals(List.of("beyond", "business", "fairness", "ranking", "rating"),
                r.metricSets().stream().map(x -> x.id()).toList());
        assertEquals(List.of("kfold", "leave-one-out", "predefined", "random-holdout", "saved", "temporal",
                "user-holdout", "user-temporal"),
                r.splitters().stream().map(x -> x.id()).toList());
        assertEquals(List.of("dedup", "k-core", "min-interactions", "min-rating", "time-window"), r.filters().stream().map(x -> x.id()).toList());
        assertTrue(Services.eventually(() -> r.backends().size() >= 2));
        assertEquals(List.of("cpu", "nd4j"), r.backends().stream().map(ComputeBackend::id).sorted().toList());
        assertTrue(r.backends().get(0).isAvailable());
        List<String> policies = List.of("bernoulli-ts", "epsilon-greedy", "gaussian-ts", "greedy-budget", "hatch",
                "linear-ts", "linucb", "linucb-hybrid", "random-policy", "slate-ts", "topk-greedy", "ucb1");
        assertTrue(Services.eventually(() -> r.policies().size() >= policies.size()));
        // the simulation hot-swap test installs a test bundle with "canary" and a second "ucb1": ignore it
        assertEquals(policies, r.policies().stream().map(p -> p.descriptor().id()).filter(id -> !id.equals("canary"))
                .distinct().toList());
        assertEquals(List.of("latent-factor"), r.simulators().stream().map(s -> s.descriptor().id()).toList());
    }

    @Test
    void reportWritersRegister() throws Exception {
        Services.await(ReportWriter.class);
        var refs = Services.context().getServiceReferences(ReportWriter.class, null);
        assertEquals(4, refs.size(), "csv, json, significance and split writers");
    }
}
