package org.recworkbench.testing.desktop.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.recworkbench.testing.desktop.Widgets;
import org.recworkbench.ui.model.RunQueue;
import org.recworkbench.ui.model.RunRecord;
import org.recworkbench.ui.parts.DatasetsPart;
import org.recworkbench.ui.parts.ExperimentEditorPart;
import org.recworkbench.ui.parts.PluginsPart;
import org.recworkbench.ui.parts.ResultsPart;

/**
 * Drives the running desktop application as a user would, from its own thread: the e4 workbench (found as the
 * {@link IWorkbench} service), its model, its parts created by dependency injection, and their real widgets
 * (through {@code Display.syncExec}). It opens the synthetic dataset, edits and runs an experiment, reads the
 * results, installs and uninstalls a plugin and watches the other views follow, opens the preferences through the
 * File menu's command, takes screenshots of the window, writes {@code drive-report.txt} (one PASS or FAIL line per
 * check, then DONE) and closes the workbench.
 */
final class DesktopDriver implements Runnable {

    private static final String PART = "org.recworkbench.ui.part.";
    private static final long STEP_MILLIS = 120_000;

    private final BundleContext context;
    private final Path out;
    private final Path plugin;
    private final List<String> report = new ArrayList<>();
    private Display display;
    private EPartService parts;
    private Shell window;

    DesktopDriver(BundleContext context, Path out, Path plugin) {
        this.context = context;
        this.out = out;
        this.plugin = plugin;
    }

    @Override
    public void run() {
        IWorkbench workbench = null;
        try {
            Files.createDirectories(out);
            ServiceTracker<IWorkbench, IWorkbench> tracker = new ServiceTracker<>(context, IWorkbench.class, null);
            tracker.open();
            workbench = tracker.waitForService(STEP_MILLIS);
            check(workbench != null, "the e4 workbench started");
            if (workbench != null) {
                drive(workbench);
            }
        } catch (Throwable e) {
            report.add("FAIL: " + e);
            for (StackTraceElement s : e.getStackTrace()) {
                report.add("    at " + s);
            }
        } finally {
            long failed = report.stream().filter(l -> l.startsWith("FAIL")).count();
            report.add("DONE " + report.stream().filter(l -> !l.startsWith(" ")).count() + " checks, " + failed
                    + " failed");
            try {
                Files.write(out.resolve("drive-report.txt"), report);
            } catch (IOException e) {
                e.printStackTrace();
            }
            if (workbench != null && display != null && !display.isDisposed()) {
                IWorkbench closing = workbench;
                display.asyncExec(closing::close);
            }
        }
    }

    private void drive(IWorkbench workbench) throws Exception {
        MApplication app = workbench.getApplication();
        display = Display.getDefault(); // the workbench's display: it exists once the workbench service does
        EModelService models = app.getContext().get(EModelService.class);
        MWindow main = (MWindow) models.find("org.recworkbench.ui.window.main", app);
        check(main != null, "the main window is in the application model");
        waitUntil(() -> main.getWidget() instanceof Shell s && s.isVisible(), "the main window is shown");
        window = ui(() -> (Shell) main.getWidget());
        parts = main.getContext().get(EPartService.class);
        for (String id : List.of("experiment", "datasets", "plugins", "results", "simulation", "runs")) {
            check(ui(() -> models.find(PART + id, app)) != null, "part " + id + " is in the model");
        }
        datasets();
        experiment();
        plugins();
        preferences(app);
    }

    private void datasets() throws Exception {
        MPart part = show("datasets");
        DatasetsPart view = (DatasetsPart) part.getObject();
        Composite body = (Composite) part.getWidget();
        ui(() -> {
            Combo adapters = (Combo) Widgets.find(body, c -> c instanceof Combo);
            adapters.select(adapters.indexOf("synthetic"));
            adapters.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            ((Text) Widgets.field(body, "users")).setText("800");
            ((Text) Widgets.field(body, "items")).setText("500");
            ((Text) Widgets.field(body, "interactions")).setText("40000");
            Widgets.press(Widgets.button(body, "Open"));
            return null;
        });
        waitUntil(() -> view.profile() != null, "Datasets: the synthetic dataset opens");
        waitUntil(() -> view.charts().stream().allMatch(c -> c.hasImage()), "Datasets: the three plots render");
        check(ui(() -> view.profile().statistics().users()) == 800, "Datasets: 800 users shown");
        // maximized, as a user double-clicks a tab (the MinMax add-on acts on the tag)
        ui(() -> part.getParent().getTags().add(IPresentationEngine.MAXIMIZED));
        waitUntil(() -> body.getSize().x > 1000, "Datasets: the part maximizes");
        screenshot("desktop-datasets.png");
        ui(() -> part.getParent().getTags().remove(IPresentationEngine.MAXIMIZED));
        waitUntil(() -> body.getSize().x < 1000, "Datasets: the part is restored");
    }

    private void experiment() throws Exception {
        MPart part = show("experiment");
        Composite body = (Composite) part.getWidget();
        ExperimentEditorPart editor = (ExperimentEditorPart) part.getObject();
        int before = RunQueue.get().runs().size();
        ui(() -> {
            ((Text) Widgets.field(body, "name")).setText("desktop-drive");
            ((Text) Widgets.field(body, "users")).setText("800");
            ((Text) Widgets.field(body, "items")).setText("500");
            ((Text) Widgets.field(body, "interactions")).setText("40000");
            return null;
        });
        check(ui(editor::problems).isEmpty(), "Experiment: the edited spec is valid " + ui(editor::problems));
        ui(() -> {
            Widgets.press(Widgets.button(body, "Run"));
            return null;
        });
        waitUntil(() -> RunQueue.get().runs().size() == before + 1, "Experiment: Run queues a run");
        RunRecord run = RunQueue.get().runs().get(before);
        waitUntil(() -> parts.findPart(PART + "runs").getWidget() instanceof Composite c && c.isVisible(),
                "Runs: shown when the run is queued");
        waitUntil(() -> run.state().finished(), "Runs: the run finishes");
        check(run.state() == RunRecord.State.SUCCEEDED, "Runs: the run succeeded (" + run.failure() + ")");
        MPart results = show("results");
        ResultsPart view = (ResultsPart) results.getObject();
        waitUntil(() -> view.rows().size() == 2, "Results: one row per algorithm");
        waitUntil(() -> view.charts().stream().allMatch(c -> c.hasImage()), "Results: both charts render");
        List<String[]> rows = ui(view::rows);
        check(rows.stream().anyMatch(r -> r[0].equals("item-knn")), "Results: item-knn has a row");
        check(Files.isRegularFile(run.folder().resolve("results.json")), "Runs: results.json written");
        screenshot("desktop-results.png");
    }

    private void plugins() throws Exception {
        if (plugin == null) {
            report.add("SKIP: plugins (no recworkbench.drive.plugin jar given)");
            return;
        }
        MPart experiment = parts.findPart(PART + "experiment");
        Composite editorBody = (Composite) experiment.getWidget();
        MPart part = show("plugins");
        PluginsPart view = (PluginsPart) part.getObject();
        Composite body = (Composite) part.getWidget();
        ui(() -> {
            view.install(plugin);
            return null;
        });
        waitUntil(() -> rowIndex(body, "recent-popular") >= 0, "Plugins: an installed plugin is listed");
        waitUntil(() -> algorithmChoices(editorBody).contains("recent-popular"),
                "Experiment: the new algorithm is offered without a restart");
        String repository = System.getProperty("recworkbench.drive.repository", "");
        if (!repository.isBlank()) {
            // the p2 repository this same build produced: its bundles are the product's, so they read "installed"
            ui(() -> {
                view.openRepository(Path.of(repository));
                return null;
            });
            Table artifacts = ui(() -> (Table) Widgets.find(body, c -> c instanceof Table t && t.getColumnCount() == 3
                    && t.getColumn(2).getText().equals("Here")));
            List<String> core = ui(() -> Arrays.stream(artifacts.getItems()).filter(i -> i.getText(0).equals(
                    "org.recworkbench.core")).map(i -> i.getText(2)).toList());
            check(ui(artifacts::getItemCount) > 50, "Plugins: the build's p2 repository lists its bundles ("
                    + ui(artifacts::getItemCount) + ")");
            check(core.equals(List.of("installed")), "Plugins: the repository's org.recworkbench.core reads "
                    + "installed " + core);
        }
        ui(() -> part.getParent().getTags().add(IPresentationEngine.MAXIMIZED));
        waitUntil(() -> body.getSize().x > 1000, "Plugins: the part maximizes");
        screenshot("desktop-plugins.png");
        ui(() -> part.getParent().getTags().remove(IPresentationEngine.MAXIMIZED));
        waitUntil(() -> body.getSize().x < 1000, "Plugins: the part is restored");
        // Uninstall asks for confirmation in a modal dialog: press from here, answer the dialog, then check
        ui(() -> {
            Table table = (Table) Widgets.find(body, c -> c instanceof Table);
            table.setSelection(rowIndex(body, "recent-popular"));
            table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        display.asyncExec(() -> Widgets.press(Widgets.button(body, "Uninstall")));
        answer("Uninstall plugin", "OK");
        waitUntil(() -> rowIndex(body, "recent-popular") < 0, "Plugins: the uninstalled plugin is gone");
        waitUntil(() -> !algorithmChoices(editorBody).contains("recent-popular"),
                "Experiment: the removed algorithm is no longer offered");
    }

    private void preferences(MApplication app) throws Exception {
        ECommandService commands = app.getContext().get(ECommandService.class);
        EHandlerService handlers = app.getContext().get(EHandlerService.class);
        ParameterizedCommand command = commands.createCommand("org.recworkbench.ui.command.preferences", null);
        // File ▸ Preferences… runs this command; its handler opens a modal dialog, so run it asynchronously
        display.asyncExec(() -> handlers.executeHandler(command));
        Shell dialog = waitForShell("Preferences");
        check(ui(() -> Widgets.find(dialog, c -> c instanceof Spinner) != null),
                "Preferences: the dialog has the memory limit field");
        screenshot(dialog, "desktop-preferences.png");
        ui(() -> {
            Widgets.press(Widgets.button(dialog, "Cancel"));
            return null;
        });
        waitUntil(dialog::isDisposed, "Preferences: Cancel closes the dialog");
    }

    // ------------------------------------------------------------------ helpers

    private MPart show(String id) throws Exception {
        MPart part = ui(() -> parts.showPart(PART + id, EPartService.PartState.ACTIVATE));
        waitUntil(() -> part.getObject() != null && part.getWidget() instanceof Composite c && c.isVisible(),
                "part " + id + " is shown");
        return part;
    }

    private static int rowIndex(Composite body, String id) {
        Table table = (Table) Widgets.find(body, c -> c instanceof Table);
        TableItem[] items = table.getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].getText(1).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> algorithmChoices(Composite editorBody) {
        Combo add = (Combo) Widgets.find(editorBody, c -> c instanceof Combo combo && combo.getData("parameter") == null
                && Arrays.asList(combo.getItems()).contains("item-knn"));
        return add == null ? List.of() : Arrays.asList(add.getItems());
    }

    /** Waits for a modal dialog titled {@code title} and presses its {@code button}. */
    private void answer(String title, String button) throws Exception {
        Shell dialog = waitForShell(title);
        ui(() -> {
            Widgets.press(Widgets.button(dialog, button));
            return null;
        });
    }

    private Shell waitForShell(String title) throws Exception {
        AtomicReference<Shell> found = new AtomicReference<>();
        waitUntil(() -> {
            for (Shell s : display.getShells()) {
                if (!s.isDisposed() && s.isVisible() && title.equals(s.getText())) {
                    found.set(s);
                }
            }
            return found.get() != null;
        }, "dialog '" + title + "' opens");
        return found.get();
    }

    private void screenshot(String name) throws Exception {
        screenshot(window, name);
    }

    private void screenshot(Shell shell, String name) throws Exception {
        Thread.sleep(300); // let the last updates paint
        ui(() -> Widgets.screenshot(shell, out, name));
    }

    private void check(boolean ok, String what) {
        report.add((ok ? "PASS: " : "FAIL: ") + what);
    }

    /** Polls the condition (on the UI thread) until it holds or the step's time is up; records the check. */
    private void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + STEP_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Boolean.TRUE.equals(ui(condition))) {
                check(true, what);
                return;
            }
            Thread.sleep(100);
        }
        check(false, what + " (not within " + STEP_MILLIS / 1000 + " s)");
        throw new IllegalStateException("stopped: " + what);
    }

    /** Runs on the UI thread and returns its result; exceptions come back to this thread. */
    private <T> T ui(Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(action.call());
            } catch (Exception | AssertionError e) {
                failure.set(e instanceof Exception x ? x : new IllegalStateException(e));
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
