package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.testing.desktop.Widgets;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SpecReader;
import org.recworkbench.stats.Comparison;
import org.recworkbench.stats.Comparisons;
import org.recworkbench.ui.dialogs.PreferencesDialog;
import org.recworkbench.ui.model.DesktopPreferences;
import org.recworkbench.ui.model.ResultTable;
import org.recworkbench.ui.model.RunQueue;
import org.recworkbench.ui.model.RunRecord;
import org.recworkbench.ui.parts.DatasetsPart;
import org.recworkbench.ui.parts.ExperimentEditorPart;
import org.recworkbench.ui.parts.ResultsPart;
import org.recworkbench.ui.parts.RunsPart;

/**
 * The desktop's workflow on real SWT widgets (a virtual X server started by the build), inside the running
 * framework with every plugin: open the synthetic dataset and see its statistics and plots; edit an experiment
 * in the form and the source tab, run it as a job, watch it in Runs, see the Results table fill with
 * significance markers and its charts render, export CSV, LaTeX and PNG, and find the run again in the history
 * of a new session; the preferences dialog refuses what it cannot use.
 */
class DesktopWorkflowTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void preferences() throws Exception {
        System.setProperty("recworkbench.config", home.resolve("config").toString());
        DesktopPreferences.load().save(home, home.resolve("workspace"), "auto", 1024);
        Services.await(PluginRegistry.class);
        Services.await(ExperimentRunner.class);
        assertTrue(Services.eventually(() -> Services.await(PluginRegistry.class).recommender("item-knn").isPresent()
                && Services.await(PluginRegistry.class).datasetAdapter("synthetic").isPresent()));
    }

    @Test
    void aDatasetOpensWithItsStatisticsAndPlots() throws Exception {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            DatasetsPart part = datasetsPart(shell);
            chooseAdapter(shell, "synthetic");
            Button open = Widgets.button(shell, "Open");
            // a value the adapter refuses is flagged next to its field and Open is disabled until it is fixed
            ((Text) Widgets.field(shell, "users")).setText("-3");
            assertFalse(open.isEnabled());
            assertNotNull(Widgets.find(shell, c -> c instanceof Label l && l.getText().startsWith("✖")
                    && l.getText().contains("[1, 100000000]")), "no error shown next to the users field");
            ((Text) Widgets.field(shell, "users")).setText("300");
            ((Text) Widgets.field(shell, "items")).setText("200");
            ((Text) Widgets.field(shell, "interactions")).setText("6000");
            Widgets.press(open);
            assertTrue(Widgets.waitFor(display, () -> part.profile() != null), "the dataset never opened");

            // the figures shown, against a count made here from the same data
            Dataset same = Services.await(ExperimentRunner.class).loadDataset(new DatasetSpec("synthetic",
                    Map.of("users", 300, "items", 200, "interactions", 6000L)), List.of(), ProgressMonitor.NONE);
            long users = Arrays.stream(same.interactions().users()).distinct().count();
            long items = Arrays.stream(same.interactions().items()).distinct().count();
            Table statistics = (Table) Widgets.find(shell, c -> c instanceof Table);
            assertEquals(Long.toString(users), value(statistics, "Users"));
            assertEquals(String.format(Locale.ROOT, "%,d", items), value(statistics, "Items"));
            assertEquals(String.format(Locale.ROOT, "%,d", same.interactions().size()),
                    value(statistics, "Interactions"));
            assertEquals(String.format(Locale.ROOT, "%.4f %%", 100.0 * same.interactions().size() / (users * items)),
                    value(statistics, "Density"));
            // the long tail starts at the most popular item's count; activity bins hold every user once
            int maxItem = Arrays.stream(same.interactions().itemCounts()).max().orElseThrow();
            assertEquals(maxItem, part.profile().popularity()[0]);
            assertEquals(users, Arrays.stream(part.profile().activityUsers()).sum());
            assertTrue(Widgets.waitFor(display, () -> part.charts().stream().allMatch(c -> c.hasImage())),
                    "a chart was not drawn");
            Widgets.screenshot(shell, "desktop-datasets.png");

            // a folder that is not MovieLens: an error dialog that says what and what to do; the view goes on
            chooseAdapter(shell, "movielens");
            Widgets.settle(display);
            ((Text) Widgets.field(shell, "path")).setText(home.resolve("no-such-folder").toString());
            Widgets.press(Widgets.button(shell, "Open"));
            assertTrue(Widgets.waitFor(display, () -> !Widgets.dialogsSaying(display, "no-such-folder").isEmpty()),
                    "no error dialog for a missing folder");
            Widgets.dialogsSaying(display, "no-such-folder").forEach(Shell::close);
            assertTrue(part.charts().get(0).hasImage(), "the last good dataset's plots stay");
        } finally {
            shell.dispose();
        }
    }

    @Test
    void anExperimentIsEditedRunAndItsResultsShownAndExported() throws Exception {
        Display display = Display.getDefault();
        Shell shell = Widgets.shell(display, 1400, 950);
        try {
            SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
            Composite left = new Composite(sash, SWT.NONE);
            SashForm right = new SashForm(sash, SWT.VERTICAL);
            Composite top = new Composite(right, SWT.NONE);
            Composite bottom = new Composite(right, SWT.NONE);
            ExperimentEditorPart editor = new ExperimentEditorPart();
            editor.create(left, null);
            ResultsPart results = new ResultsPart();
            results.create(top);
            RunsPart runs = new RunsPart();
            runs.create(bottom);
            shell.open();
            Widgets.settle(display);

            // the form: name, dataset size, one more algorithm, a hyper-parameter, two cutoffs
            ((Text) Widgets.field(left, "name")).setText("ui-test");
            ((Text) Widgets.field(left, "users")).setText("400");
            ((Text) Widgets.field(left, "items")).setText("300");
            ((Text) Widgets.field(left, "interactions")).setText("12000");
            Combo add = (Combo) Widgets.find(left, c -> c instanceof Combo combo && combo.getData("parameter") == null
                    && Arrays.asList(combo.getItems()).contains("item-knn"));
            add.select(add.indexOf("random"));
            Widgets.press(Widgets.button(left, "Add algorithm"));
            Widgets.settle(display);
            Table algorithms = (Table) Widgets.find(left, c -> c instanceof Table t && t.getColumnCount() == 3);
            assertEquals(3, algorithms.getItemCount());
            algorithms.setSelection(1);
            algorithms.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            Widgets.settle(display);
            Button run = Widgets.button(left, "Run");
            ((Text) Widgets.field(left, "neighbors")).setText("-5");
            assertFalse(run.isEnabled(), "Run stays enabled with neighbors = -5");
            assertTrue(editor.problems().get(0).contains("algorithms[1].params.neighbors"), editor.problems()
                    .toString());
            ((Text) Widgets.field(left, "neighbors")).setText("20");
            ((Text) Widgets.field(left, "cutoffs")).setText("5, 10");
            Combo test = (Combo) Widgets.field(left, "test");
            test.select(test.indexOf("wilcoxon"));
            test.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            assertTrue(editor.problems().isEmpty(), editor.problems().toString());
            assertTrue(run.isEnabled());

            // saved, it is a spec the command line reads
            Path specFile = home.resolve("ui-test.yaml");
            editor.save(specFile);
            ExperimentSpec saved = new SpecReader().read(specFile);
            assertEquals("ui-test", saved.name());
            assertEquals(400, ((Number) saved.dataset().options().get("users")).intValue());
            assertEquals(List.of("most-popular", "item-knn", "random"), saved.algorithms().stream()
                    .map(a -> a.id()).toList());
            assertEquals(20, ((Number) saved.algorithms().get(1).params().get("neighbors")).intValue());
            assertEquals(List.of("Precision@5", "Precision@10", "Recall@5", "Recall@10", "NDCG@5", "NDCG@10"),
                    saved.metrics());
            assertEquals("wilcoxon", saved.significance().test());
            assertEquals("holm", saved.significance().correction());

            // the source tab edits the same document
            TabFolder tabs = (TabFolder) Widgets.find(left, c -> c instanceof TabFolder);
            tabs.setSelection(1);
            tabs.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            Text source = (Text) tabs.getItem(1).getControl();
            assertTrue(source.getText().contains("name: ui-test\n"), source.getText());
            source.setText(source.getText().replace("name: ui-test\n", "name: ui-test-run\n"));
            tabs.setSelection(0);
            tabs.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            Widgets.settle(display);
            assertEquals("ui-test-run", ((Text) Widgets.field(left, "name")).getText());

            // run it: a job, followed in Runs; its results fill the Results view
            int before = RunQueue.get().runs().size();
            Widgets.press(Widgets.button(left, "Run"));
            assertEquals(before + 1, RunQueue.get().runs().size());
            RunRecord record = RunQueue.get().runs().get(before);
            assertTrue(Widgets.waitFor(display, () -> record.state().finished()), "the run did not finish");
            assertEquals(RunRecord.State.SUCCEEDED, record.state(), record.log().toString());
            Table runTable = (Table) Widgets.find(bottom, c -> c instanceof Table);
            assertTrue(Widgets.waitFor(display, () -> Arrays.stream(runTable.getItems()).anyMatch(
                    i -> i.getText(0).equals("ui-test-run") && i.getText(1).equals("succeeded"))));
            assertTrue(Widgets.waitFor(display, () -> results.rows().size() == 3), "the results table did not fill");

            // each cell against the run's results.json, read here; markers as the engine's comparisons say
            JsonNode json = new ObjectMapper().readTree(record.folder().resolve("results.json").toFile());
            List<String> metrics = saved.metrics();
            List<Comparison> comparisons = Comparisons.of(record.result());
            for (String[] row : results.rows()) {
                JsonNode algorithm = null;
                for (JsonNode a : json.path("algorithms")) {
                    if (a.path("label").asText().equals(row[0])) {
                        algorithm = a;
                    }
                }
                assertNotNull(algorithm, row[0]);
                for (int m = 0; m < metrics.size(); m++) {
                    String metric = metrics.get(m);
                    String expected = String.format(Locale.ROOT, "%.4f", algorithm.path("aggregates").path(metric)
                            .asDouble());
                    Comparison c = comparisons.stream().filter(x -> x.candidate().equals(row[0])
                            && x.metric().equals(metric)).findFirst().orElse(null);
                    String marker = c == null || !c.significant() ? "" : c.meanDifference() > 0 ? " ▲" : " ▼";
                    assertEquals(expected + marker, row[m + 1], row[0] + " " + metric);
                }
            }
            // random ranks far below popularity on 400 users: its NDCG@10 must carry the "significantly below"
            String[] random = results.rows().stream().filter(r -> r[0].equals("random")).findFirst().orElseThrow();
            assertTrue(random[metrics.indexOf("NDCG@10") + 1].endsWith("▼"), Arrays.toString(random));

            // sorting by a metric column, descending
            results.sortBy(metrics.indexOf("NDCG@10"));
            double previous = Double.MAX_VALUE;
            for (String[] row : results.rows()) {
                double v = Double.parseDouble(row[metrics.indexOf("NDCG@10") + 1].replaceAll("[^0-9.]", ""));
                assertTrue(v <= previous, "not sorted: " + v + " after " + previous);
                previous = v;
            }
            assertTrue(Widgets.waitFor(display, () -> results.charts().stream().allMatch(c -> c.hasImage())),
                    "a results chart was not drawn");
            Widgets.screenshot(shell, "desktop-experiment.png");

            // exports
            Path csv = home.resolve("results.csv");
            results.exportCsv(csv);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(4, lines.size());
            assertTrue(lines.get(0).startsWith("algorithm,status,Precision@5,Precision@5 adjusted p,"), lines.get(0));
            String knn = lines.stream().filter(l -> l.startsWith("item-knn,")).findFirst().orElseThrow();
            assertEquals(record.table().value(1, metrics.indexOf("NDCG@10")),
                    Double.parseDouble(knn.split(",")[2 + 2 * metrics.indexOf("NDCG@10")]), 0.0);
            Path tex = home.resolve("results.tex");
            results.exportLatex(tex);
            String latex = Files.readString(tex);
            assertTrue(latex.startsWith("\\begin{tabular}{lrrrrrr}\n\\toprule\n"), latex);
            assertEquals(metrics.size(), latex.split("\\\\textbf\\{", -1).length - 1, latex);
            Path png = home.resolve("ndcg.png");
            results.exportPng(png);
            BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertEquals(1200, image.getWidth());
            assertEquals(800, image.getHeight());

            // a new session finds the run in its history, with the same table; a damaged report is listed as failed
            Path damaged = home.resolve("workspace/runs/00000000-000000-damaged");
            Files.createDirectories(damaged);
            Files.writeString(damaged.resolve("results.json"), "{\"name\": \"x\", \"spec\": ");
            List<RunRecord> history = new RunQueue(home.resolve("workspace")).runs();
            RunRecord broken = history.stream().filter(r -> r.folder().equals(damaged)).findFirst().orElseThrow();
            assertEquals(RunRecord.State.FAILED, broken.state());
            assertTrue(broken.failure().contains(damaged.resolve("results.json").toString()), broken.failure());
            assertEquals("{\"name\": \"x\", \"spec\": ", Files.readString(damaged.resolve("results.json")));
            RunRecord again = history.stream().filter(r -> r.folder().equals(record.folder())).findFirst()
                    .orElseThrow();
            ResultTable live = record.table();
            ResultTable read = again.table();
            assertEquals(live.metrics(), read.metrics());
            for (int a = 0; a < live.algorithms().size(); a++) {
                for (int m = 0; m < live.metrics().size(); m++) {
                    assertEquals(live.value(a, m), read.value(a, m), 1e-12);
                    assertEquals(live.marker(a, m), read.marker(a, m));
                }
            }
        } finally {
            shell.dispose();
        }
    }

    @Test
    void movieLens100kOpensWithThePublishedCounts() throws Exception {
        Path dir = Path.of(System.getProperty("recworkbench.datasets", "../shared/datasets"), "ml-100k");
        assertTrue(Files.isRegularFile(dir.resolve("u.data")), "MovieLens 100K not found at " + dir.toAbsolutePath()
                + "; set -Drecworkbench.datasets to the folder holding ml-100k/");
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            DatasetsPart part = datasetsPart(shell);
            chooseAdapter(shell, "movielens");
            ((Text) Widgets.field(shell, "path")).setText(dir.toString());
            Widgets.press(Widgets.button(shell, "Open"));
            assertTrue(Widgets.waitFor(display, () -> part.profile() != null), "ML-100K never opened");
            // the GroupLens README: 100,000 ratings by 943 users on 1,682 items, ratings 1-5; mean 3.52986
            // measured on these files (shared/datasets/README.md)
            Table statistics = (Table) Widgets.find(shell, c -> c instanceof Table);
            assertEquals("943", value(statistics, "Users"));
            assertEquals("1,682", value(statistics, "Items"));
            assertEquals("100,000", value(statistics, "Interactions"));
            assertEquals("3.530", value(statistics, "Mean value"));
            assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.copyOf(part.profile().statistics().valueHistogram()
                    .keySet()));
            // every user of ML-100K rated at least 20 movies: the activity bins below 16 are empty
            assertEquals(0, part.profile().activityUsers()[0] + part.profile().activityUsers()[1]
                    + part.profile().activityUsers()[2] + part.profile().activityUsers()[3]);
            assertTrue(Widgets.waitFor(display, () -> part.charts().stream().allMatch(c -> c.hasImage())));
        } finally {
            shell.dispose();
        }
    }

    @Test
    void runsQueueOneAfterAnotherAndCancelFromTheRunsView() throws Exception {
        PluginRegistry registry = Services.await(PluginRegistry.class);
        org.osgi.framework.Bundle installedHere = null;
        if (registry.recommender("slow-popular").isEmpty()) { // the hot-swap test may have uninstalled it
            installedHere = Services.context().installBundle(Path.of(System.getProperty("recworkbench.slowalgo.jar",
                    "missing")).toUri().toString());
            installedHere.start();
            assertTrue(Services.eventually(() -> registry.recommender("slow-popular").isPresent()));
        }
        Display display = Display.getDefault();
        Shell shell = Widgets.shell(display, 1000, 600);
        try {
            RunsPart runs = new RunsPart();
            runs.create(shell);
            shell.open();
            // slow-popular sleeps 2 s on every scoring batch: long enough to cancel it while it runs
            String yaml = """
                    name: %s
                    dataset: {adapter: synthetic, options: {users: 600, items: 200, interactions: 12000}}
                    algorithms: [{id: slow-popular, params: {sleep-ms: 2000}}]
                    metrics: [NDCG@10]
                    """;
            ExperimentSpec slow = new SpecReader().parse(yaml.formatted("slow-run"), false, "test");
            ExperimentSpec queued = new SpecReader().parse(yaml.formatted("queued-run"), false, "test");
            RunRecord first = RunQueue.get().submit(slow, yaml.formatted("slow-run"));
            RunRecord second = RunQueue.get().submit(queued, yaml.formatted("queued-run"));
            assertTrue(Widgets.waitFor(display, () -> first.state() == RunRecord.State.RUNNING
                    && first.stage().startsWith("evaluate")), "the slow run never reached its evaluation: "
                    + first.state() + " " + first.stage() + " " + first.log());
            assertEquals(RunRecord.State.QUEUED, second.state(), "runs must wait for each other");

            Table table = (Table) Widgets.find(shell, c -> c instanceof Table);
            select(table, "queued-run");
            Widgets.press(Widgets.button(shell, "Cancel run"));
            assertTrue(Widgets.waitFor(display, () -> second.state() == RunRecord.State.CANCELED));
            select(table, "slow-run");
            Widgets.press(Widgets.button(shell, "Cancel run"));
            assertTrue(Widgets.waitFor(display, () -> first.state().finished()), "the canceled run never ended");
            assertEquals(RunRecord.State.CANCELED, first.state(), first.log().toString());
            assertTrue(second.log().stream().noneMatch(l -> l.startsWith("started")), "the canceled queued run ran: "
                    + second.log());
            assertTrue(Widgets.waitFor(display, () -> Arrays.stream(table.getItems()).anyMatch(
                    i -> i.getText(0).equals("slow-run") && i.getText(1).equals("canceled"))));
        } finally {
            shell.dispose();
            if (installedHere != null) {
                installedHere.uninstall();
            }
        }
    }

    /** The Datasets view, alone in an open shell. */
    private static DatasetsPart datasetsPart(Shell shell) {
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 880);
        DatasetsPart part = new DatasetsPart();
        part.create(shell);
        shell.open();
        return part;
    }

    /** Picks an adapter in the Datasets view's drop-down, as a user does. */
    private static void chooseAdapter(Shell shell, String adapter) {
        Combo adapters = (Combo) Widgets.find(shell, c -> c instanceof Combo);
        adapters.select(adapters.indexOf(adapter));
        adapters.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private static void select(Table table, String run) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(0).equals(run)) {
                table.setSelection(i);
                table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                return;
            }
        }
        throw new AssertionError("no run " + run + " in the Runs view");
    }

    @Test
    void thePreferencesDialogRefusesWhatItCannotUse() throws Exception {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        Path config = home.resolve("prefs-test");
        DesktopPreferences preferences = new DesktopPreferences(config);
        PreferencesDialog dialog = new PreferencesDialog(shell, preferences);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Text dataFolder = (Text) Widgets.find(dialog.getShell(), c -> c instanceof Text);
            dataFolder.setText(home.resolve("missing").toString());
            assertFalse(dialog.apply());
            assertNotNull(Widgets.find(dialog.getShell(), c -> c instanceof Label l
                    && l.getText().startsWith("Data folder:") && l.getText().contains("is not a folder")));
            assertFalse(Files.exists(config.resolve("desktop.properties")), "a refused value was saved");
            dataFolder.setText(home.toString());
            ((org.eclipse.swt.widgets.Spinner) Widgets.find(dialog.getShell(),
                    c -> c instanceof org.eclipse.swt.widgets.Spinner)).setSelection(3072);
            assertTrue(dialog.apply());
            assertEquals("-Xmx3072m", Files.readString(config.resolve("desktop.options")).trim());
            DesktopPreferences reread = new DesktopPreferences(config);
            assertEquals(home, reread.dataFolder());
            assertEquals(3072, reread.memoryMb());
        } finally {
            dialog.close();
            shell.dispose();
        }
    }

    private static String value(Table table, String statistic) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(statistic)) {
                return item.getText(1);
            }
        }
        throw new AssertionError("no row " + statistic);
    }
}
