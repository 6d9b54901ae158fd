package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.report.AtomicFiles;
import org.recworkbench.ui.model.Engine;
import org.recworkbench.ui.model.ResultTable;
import org.recworkbench.ui.model.RunQueue;
import org.recworkbench.ui.model.RunRecord;
import org.recworkbench.ui.model.SpecDocument;
import org.recworkbench.ui.widgets.ChartView;
import org.recworkbench.ui.widgets.Problems;

/**
 * The results of the run in focus (the last one to finish, or the one picked in the Runs view): a sortable table
 * of algorithms × metrics with markers where a difference from the baseline is significant, a bar chart of one
 * metric and the distribution of its per-user values, and export to CSV, LaTeX and PNG.
 */
public class ResultsPart {

    private final Consumer<RunRecord> onFocus = run -> {
        if (!display().isDisposed()) {
            display().asyncExec(() -> show(run));
        }
    };
    private Composite parent;
    private Label title;
    private Combo metric;
    private Table table;
    private ChartView bars;
    private ChartView distribution;
    private ResultTable shown;
    private int sortColumn = -1;
    private boolean sortAscending;

    @PostConstruct
    public void create(Composite parent) {
        this.parent = parent;
        parent.setLayout(new GridLayout(6, false));
        title = new Label(parent, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        new Label(parent, SWT.NONE).setText("Chart metric");
        metric = new Combo(parent, SWT.READ_ONLY);
        metric.setLayoutData(new GridData(140, SWT.DEFAULT));
        metric.addListener(SWT.Selection, e -> drawCharts());
        button("Export CSV…", "*.csv", this::exportCsv);
        button("Export LaTeX…", "*.tex", this::exportLatex);
        button("Export PNG…", "*.png", this::exportPng);
        new Label(parent, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        SashForm charts = new SashForm(sash, SWT.HORIZONTAL);
        bars = new ChartView(charts, SWT.BORDER);
        distribution = new ChartView(charts, SWT.BORDER);
        sash.setWeights(2, 3);
        RunQueue.get().addFocusListener(onFocus);
        show(RunQueue.get().focused());
    }

    private Display display() {
        return parent.getDisplay();
    }

    private void button(String text, String extension, Consumer<Path> export) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> {
            if (shown == null) {
                return;
            }
            FileDialog dialog = new FileDialog(parent.getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] {extension});
            dialog.setFileName(shown.name() + extension.substring(1));
            dialog.setOverwrite(true);
            String chosen = dialog.open();
            if (chosen != null) {
                export.accept(Path.of(chosen));
            }
        });
    }

    /** Shows a run's results (null: the empty state). */
    public void show(RunRecord run) {
        if (table.isDisposed()) {
            return;
        }
        shown = run == null ? null : run.table();
        for (TableColumn c : table.getColumns()) {
            c.dispose();
        }
        table.removeAll();
        metric.removeAll();
        if (shown == null) {
            title.setText("No results yet: run an experiment, or pick a finished run in the Runs view.");
            bars.setChart(null);
            distribution.setChart(null);
            parent.layout(true);
            return;
        }
        String baseline = shown.baseline();
        title.setText(shown.name() + " — " + shown.algorithms().size() + " algorithms"
                + (baseline == null ? "" : "; ▲/▼ significantly above/below " + baseline));
        column("Algorithm", 160, -1);
        for (int m = 0; m < shown.metrics().size(); m++) {
            column(shown.metrics().get(m), 110, m);
            metric.add(shown.metrics().get(m));
        }
        metric.select(0);
        fillRows();
        drawCharts();
        parent.layout(true);
    }

    private void column(String text, int width, int metricIndex) {
        TableColumn c = new TableColumn(table, metricIndex < 0 ? SWT.LEFT : SWT.RIGHT);
        c.setText(text);
        c.setWidth(width);
        c.setMoveable(true);
        c.addListener(SWT.Selection, e -> sortBy(metricIndex));
    }

    /** Sorts the rows by a metric column (-1: by algorithm), descending first; a second click reverses. */
    public void sortBy(int metricIndex) {
        sortAscending = sortColumn == metricIndex ? !sortAscending : metricIndex < 0;
        sortColumn = metricIndex;
        TableColumn c = table.getColumn(metricIndex + 1);
        table.setSortColumn(c);
        table.setSortDirection(sortAscending ? SWT.UP : SWT.DOWN);
        fillRows();
    }

    private void fillRows() {
        table.removeAll();
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < shown.algorithms().size(); a++) {
            order.add(a);
        }
        if (sortColumn >= 0 && sortColumn < shown.metrics().size()) {
            // undefined values (failed algorithms) go last whichever the direction
            Comparator<Integer> byValue = Comparator.comparingDouble(a -> shown.value(a, sortColumn));
            order.sort(Comparator.<Integer, Boolean>comparing(a -> Double.isNaN(shown.value(a, sortColumn)))
                    .thenComparing(sortAscending ? byValue : byValue.reversed()));
        } else if (sortColumn == -1 && table.getSortColumn() != null) {
            Comparator<Integer> byName = Comparator.comparing(a -> shown.algorithms().get(a).label());
            order.sort(sortAscending ? byName : byName.reversed());
        }
        for (int a : order) {
            TableItem item = new TableItem(table, SWT.NONE);
            var result = shown.algorithms().get(a);
            item.setText(0, result.label() + (result.succeeded() ? "" : " (" + result.status().name()
                    .toLowerCase(Locale.ROOT) + ")"));
            for (int m = 0; m < shown.metrics().size(); m++) {
                double v = shown.value(a, m);
                item.setText(m + 1, Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f %s", v,
                        shown.marker(a, m)).trim());
            }
            item.setData(a);
        }
    }

    /** The rows as shown: algorithm label and the cell texts, in the table's order (for tests). */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            String[] cells = new String[table.getColumnCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = item.getText(i);
            }
            rows.add(cells);
        }
        return rows;
    }

    private void drawCharts() {
        int m = metric.getSelectionIndex();
        if (shown == null || m < 0) {
            return;
        }
        ResultTable t = shown;
        String id = t.metrics().get(m);
        bars.setChart(() -> barChart(t, m, id));
        distribution.setChart(() -> distributionChart(t, m, id));
    }

    private static JFreeChart barChart(ResultTable t, int m, String id) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int a = 0; a < t.algorithms().size(); a++) {
            double v = t.value(a, m);
            if (!Double.isNaN(v)) {
                data.addValue(v, id, t.algorithms().get(a).label());
            }
        }
        return ChartFactory.createBarChart(id + " by algorithm", null, id, data, PlotOrientation.VERTICAL, false,
                true, false);
    }

    private static JFreeChart distributionChart(ResultTable t, int m, String id) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (int a = 0; a < t.algorithms().size(); a++) {
            double[] values = t.perUser(a, m);
            if (values.length > 0) {
                data.add(Arrays.stream(values).boxed().toList(), id, t.algorithms().get(a).label());
            }
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false); // the bar chart shows the means; here the spread
        renderer.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), new NumberAxis(id + " per user"),
                renderer);
        return new JFreeChart(id + " per user (quartiles and median)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    // ------------------------------------------------------------------ export

    public void exportCsv(Path file) {
        export(file, () -> AtomicFiles.write(file, out -> out.write(shown.toCsv())));
    }

    public void exportLatex(Path file) {
        List<MetricDescriptor> catalog = Engine.registry().map(SpecDocument::metricCatalog).orElse(List.of());
        export(file, () -> AtomicFiles.write(file, out -> out.write(shown.toLatex(id -> higherIsBetter(catalog,
                id)))));
    }

    /** Saves the bar chart of the chosen metric as a 1200 × 800 PNG. */
    public void exportPng(Path file) {
        export(file, () -> {
            try {
                bars.savePng(file, 1200, 800);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void export(Path file, Runnable write) {
        if (shown == null) {
            return;
        }
        try {
            write.run();
            title.setText("Exported " + file.getFileName() + ".");
        } catch (RuntimeException e) {
            Problems.show(parent.getShell(), "Cannot export", file + ": " + e.getMessage(),
                    "Choose a folder you can write to.");
        }
    }

    static boolean higherIsBetter(List<MetricDescriptor> catalog, String id) {
        String name = id.contains("@") ? id.substring(0, id.indexOf('@')) : id;
        return catalog.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .map(MetricDescriptor::higherIsBetter).orElse(true);
    }

    /** The two charts (for tests): the metric's bar chart and its per-user distribution. */
    public List<ChartView> charts() {
        return List.of(bars, distribution);
    }

    @PreDestroy
    public void dispose() {
        RunQueue.get().removeFocusListener(onFocus);
    }
}
