package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.core.DatasetStatistics;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.ui.model.DatasetProfile;
import org.recworkbench.ui.model.DesktopPreferences;
import org.recworkbench.ui.model.Engine;
import org.recworkbench.ui.model.JobMonitor;
import org.recworkbench.ui.widgets.ChartView;
import org.recworkbench.ui.widgets.ParameterForm;
import org.recworkbench.ui.widgets.Problems;
import org.recworkbench.ui.widgets.RegistryWatch;

/**
 * Opens a dataset through any installed adapter, with an options form generated from the adapter's descriptors,
 * and shows its statistics and plots: counts and density, rating histogram, item-popularity long tail and user
 * activity. Loading runs as a job, so the window stays responsive on large datasets.
 */
public class DatasetsPart {

    private Composite parent;
    private Combo adapters;
    private Group optionsGroup;
    private ParameterForm options;
    private Button open;
    private Label status;
    private Table statistics;
    private ChartView ratings;
    private ChartView popularity;
    private ChartView activity;
    private DatasetProfile profile;

    @PostConstruct
    public void create(Composite parent) {
        this.parent = parent;
        parent.setLayout(new GridLayout(2, true));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        top.setLayout(new GridLayout(4, false));
        new Label(top, SWT.NONE).setText("Adapter");
        adapters = new Combo(top, SWT.READ_ONLY);
        adapters.setLayoutData(new GridData(200, SWT.DEFAULT));
        open = new Button(top, SWT.PUSH);
        open.setText("Open");
        status = new Label(top, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        optionsGroup = new Group(top, SWT.NONE);
        optionsGroup.setText("Options");
        optionsGroup.setLayout(new org.eclipse.swt.layout.FillLayout());
        optionsGroup.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        listAdapters();
        adapters.addListener(SWT.Selection, e -> selectAdapter(adapters.getText(), Map.of()));
        RegistryWatch.whileAlive(adapters, this::listAdapters);
        open.addListener(SWT.Selection, e -> openDataset());

        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        org.eclipse.jface.layout.TableColumnLayout columns = new org.eclipse.jface.layout.TableColumnLayout();
        holder.setLayout(columns);
        statistics = new Table(holder, SWT.BORDER | SWT.FULL_SELECTION);
        statistics.setHeaderVisible(true);
        statistics.setLinesVisible(true);
        for (String title : new String[] {"Statistic", "Value"}) {
            TableColumn c = new TableColumn(statistics, SWT.NONE);
            c.setText(title);
            columns.setColumnData(c, new org.eclipse.jface.viewers.ColumnWeightData(title.equals("Value") ? 4 : 5));
        }
        ratings = chart(parent);
        popularity = chart(parent);
        activity = chart(parent);
    }

    /** Fills the adapter list with what is installed now, keeping the choice if its adapter is still there. */
    private void listAdapters() {
        String chosen = adapters.getText();
        adapters.removeAll();
        Engine.registry().map(PluginRegistry::datasetAdapters).orElse(List.of()).forEach(a -> adapters.add(a.id()));
        if (adapters.getItemCount() == 0) {
            status.setText("No dataset adapters are installed: install one from the Plugins view.");
            open.setEnabled(false);
        } else if (adapters.indexOf(chosen) >= 0) {
            adapters.select(adapters.indexOf(chosen));
        } else {
            if (!chosen.isEmpty() && options != null) {
                options.control().dispose(); // its adapter went away
                options = null;
            }
            status.setText(chosen.isEmpty() ? "Choose an adapter, fill in its options and press Open."
                    : "The adapter '" + chosen + "' was removed.");
        }
    }

    private static ChartView chart(Composite parent) {
        ChartView view = new ChartView(parent, SWT.BORDER);
        view.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return view;
    }

    /** Shows the options form of an adapter, filled with the given values (the rest stay at their defaults). */
    public void selectAdapter(String id, Map<String, ?> values) {
        adapters.select(adapters.indexOf(id));
        if (options != null) {
            options.control().dispose();
        }
        DatasetAdapter adapter = Engine.registry().flatMap(r -> r.datasetAdapter(id)).orElse(null);
        if (adapter == null) {
            status.setText("The adapter '" + id + "' is not installed.");
            options = null;
            return;
        }
        options = new ParameterForm(optionsGroup, "dataset.options", adapter.options(), values, this::browse,
                () -> open.setEnabled(options.problems().isEmpty()), 2);
        open.setEnabled(options.problems().isEmpty());
        status.setText(adapter.description());
        parent.layout(true, true);
    }

    private String browse() {
        java.nio.file.Path start = DesktopPreferences.load().dataFolder();
        // most adapters read a folder (ML-100K, Last.fm, …); a few read one file: offer the folder first
        DirectoryDialog folders = new DirectoryDialog(parent.getShell());
        folders.setFilterPath(start.toString());
        folders.setMessage("Choose the dataset's folder (Cancel to choose a single file)");
        String folder = folders.open();
        if (folder != null) {
            return folder;
        }
        FileDialog files = new FileDialog(parent.getShell(), SWT.OPEN);
        files.setFilterPath(start.toString());
        return files.open();
    }

    /** Loads the dataset in the background with the options in the form. */
    public void openDataset() {
        if (options == null || !options.problems().isEmpty()) {
            status.setText(options == null ? "Choose an adapter first." : String.join("; ", options.problems()));
            return;
        }
        ExperimentRunner runner = Engine.experiments().orElse(null);
        if (runner == null) {
            status.setText("The experiment engine is not running.");
            return;
        }
        DatasetSpec spec = new DatasetSpec(adapters.getText(), options.values());
        Display display = parent.getDisplay();
        open.setEnabled(false);
        status.setText("Loading " + spec.adapter() + "…");
        Instant started = Instant.now();
        Job job = new Job("Open dataset " + spec.adapter()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                DatasetProfile loaded = null;
                String what = null;
                String todo = null;
                try {
                    loaded = DatasetProfile.of(runner.loadDataset(spec, List.of(), new JobMonitor(monitor)));
                } catch (DatasetFormatException e) {
                    what = e.getMessage();
                    todo = "Check that the file is the format the '" + spec.adapter() + "' adapter reads, or choose "
                            + "another adapter.";
                } catch (InvalidSpecException e) {
                    what = e.getMessage();
                    todo = "Correct the option in the form.";
                } catch (RuntimeException e) {
                    what = e.getMessage() == null ? e.toString() : e.getMessage();
                }
                DatasetProfile result = loaded;
                String problem = what;
                String advice = todo;
                display.asyncExec(() -> {
                    if (status.isDisposed()) {
                        return;
                    }
                    open.setEnabled(true);
                    if (result == null) {
                        status.setText("Cannot open: " + problem);
                        Problems.show(parent.getShell(), "Cannot open the dataset", problem, advice);
                    } else {
                        show(result, (java.time.Duration.between(started, Instant.now()).toMillis()) / 1000.0);
                    }
                });
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
    }

    /** The profile shown now, or null (for tests and for the experiment editor's "use this dataset"). */
    public DatasetProfile profile() {
        return profile;
    }

    private void show(DatasetProfile p, double seconds) {
        profile = p;
        DatasetStatistics s = p.statistics();
        status.setText(String.format(Locale.ROOT, "Opened %s in %.1f s.", s.name(), seconds));
        statistics.removeAll();
        row("Name", s.name());
        row("Users", String.format(Locale.ROOT, "%,d", s.users()));
        row("Items", String.format(Locale.ROOT, "%,d", s.items()));
        row("Interactions", String.format(Locale.ROOT, "%,d", s.interactions()));
        row("Density", String.format(Locale.ROOT, "%.4f %%", 100 * s.density()));
        row("Mean value", String.format(Locale.ROOT, "%.3f", s.meanValue()));
        row("Per user (min / median / mean / max)", String.format(Locale.ROOT, "%d / %.1f / %.1f / %d",
                s.minPerUser(), s.medianPerUser(), s.meanPerUser(), s.maxPerUser()));
        row("Per item (min / median / max)", String.format(Locale.ROOT, "%d / %.1f / %d", s.minPerItem(),
                s.medianPerItem(), s.maxPerItem()));
        row("Item popularity Gini", String.format(Locale.ROOT, "%.3f", s.itemGini()));
        row("Share of the top 20 % items", String.format(Locale.ROOT, "%.1f %%", 100 * s.shortHeadShare()));
        if (s.firstTimestamp() != 0 || s.lastTimestamp() != 0) {
            row("Time span", Instant.ofEpochSecond(s.firstTimestamp()) + " – "
                    + Instant.ofEpochSecond(s.lastTimestamp()));
        }
        ratings.setChart(() -> ratingChart(s));
        popularity.setChart(() -> longTailChart(p));
        activity.setChart(() -> activityChart(p));
    }

    private void row(String name, String value) {
        TableItem item = new TableItem(statistics, SWT.NONE);
        item.setText(new String[] {name, value});
    }

    private static JFreeChart ratingChart(DatasetStatistics s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        s.valueHistogram().forEach((value, count) -> data.addValue(count, "interactions",
                value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString()));
        JFreeChart chart = ChartFactory.createBarChart("Rating histogram", "value", "interactions", data,
                PlotOrientation.VERTICAL, false, true, false);
        if (s.valueHistogram().isEmpty()) {
            chart.addSubtitle(new TextTitle("implicit feedback or counts: no rating scale"));
        }
        return chart;
    }

    private static JFreeChart longTailChart(DatasetProfile p) {
        XYSeries series = new XYSeries("interactions per item");
        for (int i = 0; i < p.popularity().length; i++) {
            series.add(i + 1, p.popularity()[i]);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Item popularity (long tail)", "item rank",
                "interactions (log scale)", new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, true,
                false);
        LogarithmicAxis log = new LogarithmicAxis("interactions (log scale)");
        log.setStrictValuesFlag(false); // every active item has at least one interaction; never zero here
        chart.getXYPlot().setRangeAxis(log);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "top 20 %% of items: %.0f %% · Gini %.2f",
                100 * p.statistics().shortHeadShare(), p.statistics().itemGini())));
        return chart;
    }

    private static JFreeChart activityChart(DatasetProfile p) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int b = 0; b < p.activityBins().length; b++) {
            int low = p.activityBins()[b];
            data.addValue(p.activityUsers()[b], "users", low == 1 ? "1" : low + "–" + (2 * low - 1));
        }
        return ChartFactory.createBarChart("User activity", "interactions per user", "users", data,
                PlotOrientation.VERTICAL, false, true, false);
    }

    /** The three charts (for tests and screenshots): rating histogram, long tail, user activity. */
    public List<ChartView> charts() {
        return List.of(ratings, popularity, activity);
    }
}
