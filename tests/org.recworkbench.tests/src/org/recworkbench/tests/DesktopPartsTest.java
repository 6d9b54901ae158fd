package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
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
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1000, 600);
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
                    + registry.metricSets().size() + registry.simulators().size() + registry.policies().size();
            assertTrue(table.getItemCount() == expected, table.getItemCount() + " rows, registry has " + expected);
            for (String row : new String[] {"policy:linucb", "policy:hatch", "simulator:latent-factor",
                "algorithm:item-knn", "adapter:movielens", "metric set:ranking"}) {
                assertTrue(rows.contains(row), row + " missing from " + rows);
            }
            // a plugin installed from its jar shows up; selecting it and pressing Stop takes its services away
            java.nio.file.Path jar = java.nio.file.Path.of(System.getProperty("recworkbench.newalgo.jar", "missing"));
            part.install(jar);
            assertTrue(waitFor(display, () -> rows(table).contains("algorithm:recent-popular")),
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
            press(find(shell, c -> c instanceof org.eclipse.swt.widgets.Button b && b.getText().equals("Stop")));
            assertTrue(waitFor(display, () -> !rows(table).contains("algorithm:recent-popular")),
                    "the stopped algorithm stayed in the view");
            assertTrue(registry.recommender("recent-popular").isEmpty());
            for (org.osgi.framework.Bundle b : Services.context().getBundles()) {
                if ("org.recworkbench.testing.newalgo".equals(b.getSymbolicName())) {
                    b.uninstall();
                }
            }
            part.dispose();
        } finally {
            shell.dispose();
        }
    }

    @Test
    void theSimulationDashboardDrawsLiveAndSwitchesAnArm() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        Services.await(org.recworkbench.core.SimulationRunner.class);
        assertTrue(Services.eventually(() -> registry.policy("linucb").isPresent()
                && registry.simulator("latent-factor").isPresent()));
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1000, 650);
            Composite body = new Composite(shell, org.eclipse.swt.SWT.NONE);
            org.recworkbench.ui.parts.SimulationDashboardPart part = new org.recworkbench.ui.parts.SimulationDashboardPart();
            part.create(body);
            shell.layout(true, true);
            shell.open();
            org.eclipse.swt.widgets.Label status = (org.eclipse.swt.widgets.Label) find(body,
                    c -> c instanceof org.eclipse.swt.widgets.Label l && l.getText().startsWith("No simulation"));
            press(find(body, c -> c instanceof org.eclipse.swt.widgets.Button b && b.getText().startsWith("Run")));
            assertTrue(waitFor(display, () -> part.points() > 3), "no points reached the chart: " + status.getText());
            org.eclipse.swt.widgets.Combo[] combos = body.getChildren().length > 0 ? java.util.Arrays
                    .stream(body.getChildren()).filter(c -> c instanceof org.eclipse.swt.widgets.Combo)
                    .toArray(org.eclipse.swt.widgets.Combo[]::new) : new org.eclipse.swt.widgets.Combo[0];
            combos[0].select(java.util.Arrays.asList(combos[0].getItems()).indexOf("random"));
            combos[1].select(java.util.Arrays.asList(combos[1].getItems()).indexOf("linucb"));
            press(find(body, c -> c instanceof org.eclipse.swt.widgets.Button b && b.getText().equals("Switch")));
            String afterSwitch = status.getText();
            assertTrue(afterSwitch.startsWith("Switched random to linucb") || afterSwitch.startsWith("Finished"),
                    afterSwitch);
            assertTrue(waitFor(display, () -> status.getText().startsWith("Finished")), status.getText());
            org.eclipse.swt.widgets.Label chart = (org.eclipse.swt.widgets.Label) find(body,
                    c -> c instanceof org.eclipse.swt.widgets.Label l && l.getImage() != null);
            assertTrue(chart != null, "the chart was never drawn");
            screenshot(shell, "desktop-simulation.png");
            part.dispose();
        } finally {
            shell.dispose();
        }
    }

    private static void press(Control button) {
        assertTrue(button != null, "button not found");
        button.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private static Control find(Composite parent, java.util.function.Predicate<Control> wanted) {
        for (Control c : parent.getChildren()) {
            if (wanted.test(c)) {
                return c;
            }
            if (c instanceof Composite composite) {
                Control found = find(composite, wanted);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Saves what the shell shows to target/screenshots (copied to docs/screenshots by hand when views change). */
    private static void screenshot(Shell shell, String name) throws Exception {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(shell);
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(shell.getDisplay(),
                shell.getClientArea().width, shell.getClientArea().height);
        try {
            gc.copyArea(image, 0, 0);
            java.nio.file.Path folder = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(folder);
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            loader.save(folder.resolve(name).toString(), org.eclipse.swt.SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static Set<String> rows(Table table) {
        Set<String> rows = new HashSet<>();
        for (TableItem item : table.getItems()) {
            rows.add(item.getText(0) + ":" + item.getText(1));
        }
        return rows;
    }

    /** Runs the event loop (the view refreshes from a timer) until the condition holds or 20 s pass. */
    private static boolean waitFor(Display display, java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            while (display.readAndDispatch()) {
                // drain
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private static Table find(Composite parent) {
        return (Table) find(parent, c -> c instanceof Table);
    }
}
