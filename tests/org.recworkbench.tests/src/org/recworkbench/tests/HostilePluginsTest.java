package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.BundleReport;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.FaultyPlugin;
import org.recworkbench.core.PluginDiagnostics;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.spec.AlgorithmSpec;

/**
 * Real hostile bundles installed into the running framework next to the real plugins: a descriptor that throws, an
 * adapter with a null id, a metric set whose constructor throws, a fit that never returns (built in
 * {@code tests/org.recworkbench.testing.hostile}), an activator that throws ({@code testing.badactivator}), and a
 * bundle whose import nothing exports (written here). Each is reported with its bundle and reason, none reaches a
 * listing or a run, and a run of the real plugins succeeds while they are installed; the hanging fit costs its run
 * only its timeout. Once they are uninstalled, nothing is reported any more.
 */
class HostilePluginsTest {

    @TempDir
    Path dir;

    @Test
    void hostileBundlesAreReportedAndEverythingElseWorks() throws Exception {
        BundleContext context = Services.context();
        PluginRegistry registry = Services.await(PluginRegistry.class);
        PluginDiagnostics diagnostics = Services.await(PluginDiagnostics.class);
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        assertTrue(Services.eventually(() -> registry.recommender("most-popular").isPresent()));
        int algorithmsBefore = registry.recommenders().size();
        int metricSetsBefore = registry.metricSets().size();

        List<Bundle> installed = new ArrayList<>();
        try {
            Bundle hostile = install(context, installed, jar("recworkbench.hostile.jar"));
            hostile.start();
            // started as the product starts its plugins, by start level: the framework reports the failure as an event
            Bundle activator = install(context, installed, jar("recworkbench.badactivator.jar"));
            int level = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
            activator.adapt(BundleStartLevel.class).setStartLevel(level + 1);
            activator.start();
            activator.adapt(BundleStartLevel.class).setStartLevel(level);
            // installed only: the diagnostics find out by themselves why it cannot resolve
            install(context, installed, unresolvableBundle());

            assertTrue(Services.eventually(() -> registry.recommender("hang").isPresent()));
            // the registry: two faulty services with their reasons; the rest listed as before
            List<FaultyPlugin> faulty = registry.faultyPlugins();
            assertEquals(2, faulty.size(), faulty.toString());
            FaultyPlugin descriptor = find(faulty, "ThrowingDescriptorAlgorithm");
            assertEquals("algorithm", descriptor.kind());
            assertTrue(descriptor.bundle().startsWith("org.recworkbench.testing.hostile 0.1.0"), descriptor.bundle());
            assertEquals("reading its metadata threw java.lang.IllegalStateException: hostile test plugin: no "
                    + "descriptor", descriptor.reason());
            FaultyPlugin nullId = find(faulty, "NullIdAdapter");
            assertEquals("dataset adapter", nullId.kind());
            assertEquals("id returned null", nullId.reason());
            assertEquals(algorithmsBefore + 1, registry.recommenders().size(), "only 'hang' is new");
            assertEquals(metricSetsBefore, registry.metricSets().size(), "the metric set never came up");

            // the framework's side: the component that failed, the activator, the unresolvable import
            String components = problem(diagnostics, "org.recworkbench.testing.hostile");
            assertTrue(components.contains("ThrowingConstructorMetrics failed to activate"), components);
            assertTrue(components.contains("the metric set cannot be constructed"), components);
            assertTrue(Services.eventually(() -> problem(diagnostics, "org.recworkbench.testing.badactivator")
                    .contains("the activator fails")), diagnostics.problems().toString());
            String start = problem(diagnostics, "org.recworkbench.testing.badactivator");
            assertTrue(start.startsWith("did not start: "), start);
            assertTrue(start.contains("the activator fails"), start);
            String resolve = problem(diagnostics, "org.example.unresolvable");
            assertEquals("cannot resolve: nothing installed provides Import-Package org.example.missing (version >= "
                    + "1.0.0, < 2.0.0)", resolve);

            // a run of the real plugins is untouched; the hanging fit costs only its timeout
            ExperimentResult result = runner.run(Specs.synthetic(300, 200, 6000, 1,
                    new AlgorithmSpec("hang", null, null, null, "1s"), Specs.algo("most-popular")),
                    RunListener.NONE, ProgressMonitor.NONE);
            AlgorithmResult hang = result.algorithms().get(0);
            assertEquals(AlgorithmResult.Status.FAILED, hang.status());
            assertTrue(hang.failure().startsWith("timed out after 1 s"), hang.failure());
            assertTrue(result.algorithms().get(1).succeeded(), result.algorithms().get(1).failure());
        } finally {
            for (Bundle b : installed) {
                b.uninstall();
            }
        }
        assertTrue(Services.eventually(() -> registry.faultyPlugins().isEmpty()), registry.faultyPlugins()
                .toString());
        assertFalse(diagnostics.problems().stream().anyMatch(b -> b.symbolicName().startsWith("org.recworkbench"
                + ".testing") || b.symbolicName().startsWith("org.example")), diagnostics.problems().toString());
    }

    private static Bundle install(BundleContext context, List<Bundle> installed, Path jar) throws BundleException {
        Bundle b = context.installBundle(jar.toUri().toString());
        installed.add(b);
        return b;
    }

    private static Path jar(String property) {
        Path jar = Path.of(System.getProperty(property, "missing"));
        assertTrue(Files.isRegularFile(jar), "test bundle not built: " + jar);
        return jar;
    }

    /** A bundle that imports a package nobody exports. */
    private Path unresolvableBundle() throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.example.unresolvable");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.example.missing;version=\"[1,2)\"");
        Path jar = dir.resolve("unresolvable.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    private static FaultyPlugin find(List<FaultyPlugin> faulty, String simpleName) {
        return faulty.stream().filter(f -> f.implementation().endsWith("." + simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError(simpleName + " not reported: " + faulty));
    }

    private static String problem(PluginDiagnostics diagnostics, String symbolicName) {
        return diagnostics.problems().stream().filter(b -> b.symbolicName().equals(symbolicName))
                .map(BundleReport::problem).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " not reported: " + diagnostics.problems()));
    }
}
