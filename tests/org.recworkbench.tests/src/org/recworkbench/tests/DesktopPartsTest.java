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
 * framework: the Plugins view shows what the engine's registry holds, and follows a plugin bundle installed and
 * uninstalled while it is open.
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
            // a plugin bundle installed and removed while the view is open shows up and goes away, no restart
            java.nio.file.Path jar = java.nio.file.Path.of(System.getProperty("recworkbench.newalgo.jar", "missing"));
            org.osgi.framework.Bundle added = Services.context().installBundle(jar.toUri().toString());
            added.start();
            assertTrue(waitFor(display, () -> rows(table).contains("algorithm:recent-popular")),
                    "the installed algorithm never appeared in the view");
            added.uninstall();
            assertTrue(waitFor(display, () -> !rows(table).contains("algorithm:recent-popular")),
                    "the uninstalled algorithm stayed in the view");
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
        for (Control c : parent.getChildren()) {
            if (c instanceof Table t) {
                return t;
            }
            if (c instanceof Composite composite) {
                Table t = find(composite);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
