package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.recworkbench.testing.desktop.Widgets;
import org.recworkbench.core.PluginDiagnostics;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.ui.parts.PluginsPart;

/**
 * The desktop's parts on a real SWT display (a virtual X server started by the build) inside the running
 * framework: the Plugins view shows what the engine's registry holds, installs a plugin from its jar and stops
 * it from its buttons, and follows the changes without a restart; the simulation dashboard runs, draws and
 * switches an arm.
 */
class DesktopPartsTest {

    @Test
    void thePluginsViewListsTheRegisteredPlugins() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> registry.policy("linucb").isPresent()
                && registry.simulator("latent-factor").isPresent() && registry.recommender("item-knn").isPresent()));
        Display display = Display.getDefault();
        Shell shell = Widgets.shell(display, 1000, 600);
        try {
            PluginsPart part = new PluginsPart();
            part.create(shell);
            shell.layout(true, true);
            shell.open();
            while (display.readAndDispatch()) {
                // let the table paint
            }
            Table table = find(shell);
            assertTrue(table != null, "no table in the Plugins view");
            Set<String> rows = new HashSet<>();
            for (TableItem item : table.getItems()) {
                rows.add(item.getText(0) + ":" + item.getText(1));
            }
            int expected = registry.datasetAdapters().size() + registry.recommenders().size()
                    + registry.metricSets().size() + registry.splitters().size() + registry.filters().size()
                    + registry.backends().size() + registry.simulators().size() + registry.policies().size()
                    + registry.faultyPlugins().size() + Services.await(PluginDiagnostics.class).problems().size();
            assertTrue(table.getItemCount() == expected, table.getItemCount() + " rows, registry has " + expected);
            for (String row : new String[] {"policy:linucb", "policy:hatch", "simulator:latent-factor",
                "algorithm:item-knn", "adapter:movielens", "metric set:ranking", "splitter:user-holdout",
                "backend:cpu"}) {
                assertTrue(rows.contains(row), row + " missing from " + rows);
            }
            // a plugin installed from its jar shows up; selecting it and pressing Stop takes its services away
            java.nio.file.Path jar = java.nio.file.Path.of(System.getProperty("recworkbench.newalgo.jar", "missing"));
            part.install(jar);
            assertTrue(Widgets.waitFor(display, () -> rows(table).contains("algorithm:recent-popular")),
                    "the installed algorithm never appeared in the view");
            int index = -1;
            for (int i = 0; i < table.getItemCount(); i++) {
                if (table.getItem(i).getText(1).equals("recent-popular")) {
                    index = i;
                }
            }
            assertTrue(table.getItem(index).getText(3).startsWith("org.recworkbench.testing.newalgo "),
                    table.getItem(index).getText(3));
            table.setSelection(index);
            table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Widgets.press(Widgets.button(shell, "Stop"));
            assertTrue(Widgets.waitFor(display, () -> !rows(table).contains("algorithm:recent-popular")),
                    "the stopped algorithm stayed in the view");
            assertTrue(registry.recommender("recent-popular").isEmpty());
            for (org.osgi.framework.Bundle b : Services.context().getBundles()) {
                if ("org.recworkbench.testing.newalgo".equals(b.getSymbolicName())) {
                    b.uninstall();
                }
            }
            // a hostile plugin: its faulty services and its failed component are listed first, with the reasons
            part.install(java.nio.file.Path.of(System.getProperty("recworkbench.hostile.jar", "missing")));
            assertTrue(Widgets.waitFor(display, () -> rows(table).contains("faulty algorithm:ThrowingDescriptorAlgorithm")
                    && rows(table).contains("faulty dataset adapter:NullIdAdapter")), rows(table).toString());
            assertTrue(table.getItem(0).getText(0).startsWith("faulty "), table.getItem(0).getText(0));
            assertTrue(text(table, "ThrowingDescriptorAlgorithm", 2).contains("hostile test plugin: no descriptor"));
            assertTrue(text(table, "ThrowingDescriptorAlgorithm", 3).startsWith("org.recworkbench.testing.hostile "));
            assertTrue(Widgets.waitFor(display, () -> {
                part.refreshNow();
                return text(table, "org.recworkbench.testing.hostile", 2).contains(
                        "ThrowingConstructorMetrics failed to activate");
            }), rows(table).toString());
            for (org.osgi.framework.Bundle b : Services.context().getBundles()) {
                if ("org.recworkbench.testing.hostile".equals(b.getSymbolicName())) {
                    b.uninstall();
                }
            }
            assertTrue(Widgets.waitFor(display, () -> rows(table).stream().noneMatch(x -> x.startsWith("faulty "))),
                    "the uninstalled plugin's rows stayed: " + rows(table));
            part.dispose();
        } finally {
            shell.dispose();
        }
    }

    /** The text in {@code column} of the first row whose id column is {@code id}. */
    private static String text(Table table, String id, int column) {
        for (TableItem item : table.getItems()) {
            if (item.getText(1).equals(id)) {
                return item.getText(column);
            }
        }
        return "(no row " + id + ")";
    }

    @Test
    void pluginsInstallAndUpdateFromAP2Repository(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        java.nio.file.Path jar = java.nio.file.Path.of(System.getProperty("recworkbench.newalgo.jar", "missing"));
        String version;
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            version = j.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
        org.osgi.framework.Version newer = new org.osgi.framework.Version(
                org.osgi.framework.Version.parseVersion(version).getMajor(), 9, 0);
        java.nio.file.Path repo = temp.resolve("repo");
        java.nio.file.Files.createDirectories(repo.resolve("plugins"));
        java.nio.file.Path first = repo.resolve("plugins").resolve("org.recworkbench.testing.newalgo_" + version
                + ".jar");
        java.nio.file.Files.copy(jar, first);
        writeArtifacts(repo, java.util.Map.of(version, sha256(first)));

        Display display = Display.getDefault();
        Shell shell = Widgets.shell(display, 1000, 800);
        try {
            PluginsPart part = new PluginsPart();
            part.create(shell);
            shell.open();
            part.openRepository(repo);
            Table repository = (Table) Widgets.find(shell, c -> c instanceof Table t
                    && t.getColumnCount() == 3 && t.getColumn(2).getText().equals("Here"));
            assertTrue(repository.getItemCount() == 1, "expected the one bundle of the repository");
            assertTrue(repository.getItem(0).getText(2).equals("not installed"), repository.getItem(0).getText(2));
            repository.setSelection(0);
            Widgets.press(Widgets.button(shell, "Install from repository"));
            assertTrue(Widgets.waitFor(display, () -> rows(find(shell)).contains("algorithm:recent-popular")),
                    "the algorithm installed from the repository never appeared");
            assertTrue(registry.recommender("recent-popular").isPresent());
            assertTrue(repository.getItem(0).getText(2).equals("installed"), repository.getItem(0).getText(2));

            // a newer version of the same bundle in the repository: Update replaces the installed one
            java.nio.file.Path second = repo.resolve("plugins").resolve("org.recworkbench.testing.newalgo_" + newer
                    + ".jar");
            withVersion(jar, second, newer.toString());
            writeArtifacts(repo, java.util.Map.of(version, sha256(first), newer.toString(), sha256(second)));
            part.openRepository(repo);
            assertTrue(repository.getItem(0).getText(2).equals("update available"), repository.getItem(0).getText(2));
            repository.setSelection(0);
            Widgets.press(Widgets.button(shell, "Update"));
            org.osgi.framework.Bundle updated = installed("org.recworkbench.testing.newalgo");
            assertTrue(updated != null && updated.getVersion().equals(newer), String.valueOf(updated));
            assertTrue(Widgets.waitFor(display, () -> rows(find(shell)).contains("algorithm:recent-popular")
                    && registry.recommender("recent-popular").isPresent()), "the updated bundle's service is gone");

            // a damaged jar is refused with a dialog, and nothing changes
            java.nio.file.Files.write(second, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            updated.uninstall();
            assertTrue(Widgets.waitFor(display, () -> !rows(find(shell)).contains("algorithm:recent-popular")));
            part.openRepository(repo);
            repository.setSelection(0);
            Widgets.press(Widgets.button(shell, "Install from repository"));
            assertTrue(!Widgets.dialogsSaying(display, "SHA-256").isEmpty(), "no dialog for a damaged jar");
            Widgets.dialogsSaying(display, "SHA-256").forEach(Shell::close);
            assertTrue(installed("org.recworkbench.testing.newalgo") == null, "a damaged jar was installed");
            part.dispose();
        } finally {
            org.osgi.framework.Bundle left = installed("org.recworkbench.testing.newalgo");
            if (left != null) {
                left.uninstall();
            }
            shell.dispose();
        }
    }

    @Test
    void theDashboardRunsASimulationSpecFileWithVariants(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        assertTrue(Services.eventually(() -> registry.policy("ucb1").isPresent()
                && registry.simulator("latent-factor").isPresent()));
        java.nio.file.Path spec = temp.resolve("two-worlds.yaml");
        java.nio.file.Files.writeString(spec, """
                name: two-worlds
                seed: 7
                simulator: {id: latent-factor, params: {users: 300, items: 60, slate-size: 2, candidates: 20}}
                variants: [{name: base}, {name: impatient, params: {leave: 0.2}}]
                steps: 20000
                record-every: 2000
                policies: [{id: random-policy, label: random}, {id: ucb1}]
                output: out
                """);
        java.nio.file.Path broken = temp.resolve("broken.yaml");
        java.nio.file.Files.writeString(broken, "name: broken\nsteps: many\n");
        Display display = Display.getDefault();
        Shell shell = Widgets.shell(display, 1000, 650);
        try {
            org.recworkbench.ui.parts.SimulationDashboardPart part = new org.recworkbench.ui.parts.SimulationDashboardPart();
            part.create(shell);
            shell.open();
            // a file that is not a simulation spec: a dialog that names the field, nothing starts
            part.run(broken);
            assertTrue(!Widgets.dialogsSaying(display, "steps").isEmpty(), "no dialog for a broken spec");
            Widgets.dialogsSaying(display, "steps").forEach(Shell::close);
            assertTrue(part.lines().isEmpty());
            part.run(spec);
            org.eclipse.swt.widgets.Label status = (org.eclipse.swt.widgets.Label) Widgets.find(shell,
                    c -> c instanceof org.eclipse.swt.widgets.Label l && l.getText().startsWith("Running two-worlds"));
            assertTrue(status != null, "the status does not name the running spec");
            assertTrue(Widgets.waitFor(display, () -> status.getText().startsWith("Finished")), status.getText());
            assertTrue(new HashSet<>(part.lines()).equals(Set.of("random", "ucb1", "impatient / random",
                    "impatient / ucb1")), part.lines().toString());
            assertTrue(java.nio.file.Files.isRegularFile(temp.resolve("out").resolve("timeseries.csv")),
                    "the spec's output folder has no time series");
            part.dispose();
        } finally {
            shell.dispose();
        }
    }

    private static org.osgi.framework.Bundle installed(String symbolicName) {
        for (org.osgi.framework.Bundle b : Services.context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** A p2 artifacts.xml as Tycho writes it (default mapping), one osgi.bundle artifact per version. */
    private static void writeArtifacts(java.nio.file.Path repo, java.util.Map<String, String> shaByVersion)
            throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<?artifactRepository "
                + "version='1.1.0'?>\n<repository name='test' type='org.eclipse.equinox.p2.artifact.repository."
                + "simpleRepository' version='1'>\n<artifacts size='" + shaByVersion.size() + "'>\n");
        for (java.util.Map.Entry<String, String> e : shaByVersion.entrySet()) {
            xml.append("<artifact classifier='osgi.bundle' id='org.recworkbench.testing.newalgo' version='")
                    .append(e.getKey()).append("'><properties size='1'><property name='download.checksum.sha-256' "
                            + "value='").append(e.getValue()).append("'/></properties></artifact>\n");
        }
        xml.append("</artifacts>\n</repository>\n");
        java.nio.file.Files.writeString(repo.resolve("artifacts.xml"), xml);
    }

    private static String sha256(java.nio.file.Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(file)));
    }

    /** A copy of a bundle jar with another Bundle-Version in its manifest. */
    private static void withVersion(java.nio.file.Path jar, java.nio.file.Path out, String version)
            throws Exception {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = new java.util.jar.Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (java.util.jar.JarOutputStream target = new java.util.jar.JarOutputStream(
                    java.nio.file.Files.newOutputStream(out), manifest)) {
                for (java.util.jar.JarEntry e : java.util.Collections.list(in.entries())) {
                    if (e.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    target.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                    try (java.io.InputStream data = in.getInputStream(e)) {
                        data.transferTo(target);
                    }
                    target.closeEntry();
                }
            }
        }
    }

    @Test
    void theSimulationDashboardDrawsLiveAndSwitchesAnArm() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        Services.await(org.recworkbench.core.SimulationRunner.class);
        assertTrue(Services.eventually(() -> registry.policy("linucb").isPresent()
                && registry.simulator("latent-factor").isPresent()));
        Display display = Display.getDefault();
        Shell shell = Widgets.shell(display, 1000, 650);
        try {
            Composite body = new Composite(shell, org.eclipse.swt.SWT.NONE);
            org.recworkbench.ui.parts.SimulationDashboardPart part = new org.recworkbench.ui.parts.SimulationDashboardPart();
            part.create(body);
            shell.layout(true, true);
            shell.open();
            org.eclipse.swt.widgets.Label status = (org.eclipse.swt.widgets.Label) Widgets.find(body,
                    c -> c instanceof org.eclipse.swt.widgets.Label l && l.getText().startsWith("No simulation"));
            Widgets.press(Widgets.button(body, "Run demo simulation"));
            assertTrue(Widgets.waitFor(display, () -> part.points() > 3), "no points reached the chart: " + status.getText());
            org.eclipse.swt.widgets.Combo[] combos = java.util.Arrays.stream(body.getChildren())
                    .filter(c -> c instanceof org.eclipse.swt.widgets.Combo)
                    .toArray(org.eclipse.swt.widgets.Combo[]::new);
            org.eclipse.swt.widgets.Combo measure = combos[0];
            assertTrue(measure.getItem(2).equals("Cumulative regret"), measure.getItem(2));
            combos = new org.eclipse.swt.widgets.Combo[] {combos[1], combos[2]};
            combos[0].select(java.util.Arrays.asList(combos[0].getItems()).indexOf("random"));
            combos[1].select(java.util.Arrays.asList(combos[1].getItems()).indexOf("linucb"));
            Widgets.press(Widgets.button(body, "Switch"));
            String afterSwitch = status.getText();
            assertTrue(afterSwitch.startsWith("Switched random to linucb") || afterSwitch.startsWith("Finished"),
                    afterSwitch);
            assertTrue(Widgets.waitFor(display, () -> status.getText().startsWith("Finished")), status.getText());
            measure.select(2);
            measure.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            org.eclipse.swt.widgets.Label chart = (org.eclipse.swt.widgets.Label) Widgets.find(body,
                    c -> c instanceof org.eclipse.swt.widgets.Label l && l.getImage() != null);
            assertTrue(chart != null, "the chart was never drawn");
            Widgets.screenshot(shell, "desktop-simulation.png");
            part.dispose();
        } finally {
            shell.dispose();
        }
    }

    private static Set<String> rows(Table table) {
        Set<String> rows = new HashSet<>();
        for (TableItem item : table.getItems()) {
            rows.add(item.getText(0) + ":" + item.getText(1));
        }
        return rows;
    }

    private static Table find(Composite parent) {
        return (Table) Widgets.find(parent, c -> c instanceof Table);
    }
}
