package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunningSimulation;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.SimulationRunner;
import org.recworkbench.core.result.TimeSeriesPoint;
import org.recworkbench.core.spec.SimulationSpec;
import org.recworkbench.core.spec.SpecReader;
import org.recworkbench.ui.model.DesktopPreferences;
import org.recworkbench.ui.widgets.Problems;
import org.recworkbench.ui.model.Engine;
import org.recworkbench.ui.widgets.ChartView;

/**
 * The live simulation dashboard: runs a simulation in the background (the demo world with three policies, or
 * any simulation spec file),
 * draws each arm's cumulative clicks, windowed click-through rate or cumulative regret as the points arrive (a JFreeChart rendered to an image, at most four times
 * a second), and switches an arm to another installed policy between two steps.
 */
public class SimulationDashboardPart {

    static final long STEPS = 300_000;

    /** What the chart can show, each a series per arm: {title, y-axis label}. */
    static final String[][] MEASURES = {{"Cumulative clicks", "clicks"}, {"Click-through rate (window)", "CTR"},
        {"Cumulative regret", "expected regret"}};

    /** Per arm, one series per measure (same order as {@link #MEASURES}); guarded by itself. */
    private final Map<String, XYSeries[]> series = new LinkedHashMap<>();
    private Combo measure;
    private ChartView chart;
    private Label status;
    private Button start;
    private Button openSpec;
    private Combo arm;
    private Combo policy;
    private Button swap;
    private RunningSimulation running;
    private volatile boolean redrawPending;
    private org.eclipse.swt.widgets.Display display;

    @PostConstruct
    public void create(Composite parent) {
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(9, false));
        start = new Button(parent, SWT.PUSH);
        start.setText("Run demo simulation");
        openSpec = new Button(parent, SWT.PUSH);
        openSpec.setText("Run spec…");
        openSpec.setToolTipText("Run a simulation spec file (as recwb simulate reads it)");
        openSpec.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(parent.getShell(),
                    SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.yaml;*.yml;*.json", "*"});
            String chosen = dialog.open();
            if (chosen != null) {
                run(Path.of(chosen));
            }
        });
        measure = new Combo(parent, SWT.READ_ONLY);
        for (String[] m : MEASURES) {
            measure.add(m[0]);
        }
        measure.select(0);
        measure.addListener(SWT.Selection, e -> chart.redraw());
        new Label(parent, SWT.NONE).setText("   ");
        new Label(parent, SWT.NONE).setText("Switch arm");
        arm = new Combo(parent, SWT.READ_ONLY);
        arm.setLayoutData(new GridData(120, SWT.DEFAULT));
        policy = new Combo(parent, SWT.READ_ONLY);
        policy.setLayoutData(new GridData(160, SWT.DEFAULT));
        swap = new Button(parent, SWT.PUSH);
        swap.setText("Switch");
        swap.setEnabled(false);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("No simulation running.");
        chart = new ChartView(parent, SWT.BORDER);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 9, 1));
        chart.setChart(this::buildChart);
        start.addListener(SWT.Selection, e -> startSimulation(demoSpec(), null));
        swap.addListener(SWT.Selection, e -> switchArm());
    }

    private static SimulationSpec demoSpec() {
        return new SimulationSpec("dashboard", 42L, new SimulationSpec.SimulatorSpec("latent-factor",
                Map.of("users", 2000, "items", 300, "slate-size", 3, "candidates", 50)), null, null, null,
                List.of(new SimulationSpec.PolicySpec("random-policy", "random", Map.of(), null),
                        new SimulationSpec.PolicySpec("ucb1", "ucb1", Map.of(), null),
                        new SimulationSpec.PolicySpec("linucb", "linucb", Map.of(), null)),
                STEPS, "replicate", null, null, 5_000L, true, null, null);
    }

    /**
     * Runs a simulation spec file; its output goes to {@code <workspace>/simulations/<name>/} unless the spec
     * names a folder. A file that is not a valid spec is reported in a dialog and nothing starts.
     */
    public void run(Path specFile) {
        SimulationSpec spec;
        try {
            spec = new SpecReader().readSimulation(specFile);
        } catch (RuntimeException e) {
            status.setText("Cannot run " + specFile.getFileName() + ".");
            Problems.show(status.getShell(), "Cannot run the simulation spec", e.getMessage(),
                    "Correct the file (docs/spec.md describes the simulation schema) and run it again.");
            return;
        }
        Path output = spec.output() != null ? specFile.toAbsolutePath().getParent().resolve(spec.output())
                : DesktopPreferences.load().workspace().resolve("simulations").resolve(spec.name());
        startSimulation(spec, output);
    }

    private void startSimulation(SimulationSpec spec, Path output) {
        SimulationRunner runner = Engine.simulations().orElse(null);
        PluginRegistry registry = Engine.registry().orElse(null);
        if (runner == null || registry == null) {
            status.setText("The simulation engine is not running.");
            return;
        }
        if (running != null && !running.result().isDone()) {
            status.setText("A simulation is running: wait for it, or close the view to stop it.");
            return;
        }
        arm.removeAll();
        synchronized (series) {
            series.clear(); // filled as points arrive: one line per variant and arm
        }
        spec.policies().forEach(p -> arm.add(p.label()));
        arm.select(0);
        policy.removeAll();
        registry.policies().stream().map(f -> f.descriptor().id()).distinct().forEach(policy::add);
        policy.select(0);
        try {
            running = runner.start(spec, output != null ? output : Files.createTempDirectory("recwb-dashboard"), false,
                    this::onEvent, ProgressMonitor.NONE);
        } catch (Exception e) {
            status.setText("Cannot start: " + e.getMessage());
            return;
        }
        start.setEnabled(false);
        openSpec.setEnabled(false);
        swap.setEnabled(true);
        status.setText("Running " + spec.name() + ": " + spec.steps() + " steps per policy…");
        running.result().whenComplete((result, failure) -> display.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            start.setEnabled(true);
            openSpec.setEnabled(true);
            swap.setEnabled(false);
            status.setText(failure != null ? "Failed: " + failure.getMessage()
                    : String.format("Finished in %.1f s.", result.seconds()));
            redraw();
        }));
    }

    private void switchArm() {
        if (running == null || arm.getSelectionIndex() < 0 || policy.getSelectionIndex() < 0) {
            return;
        }
        try {
            running.swap(arm.getText(), policy.getText());
            status.setText("Switched " + arm.getText() + " to " + policy.getText() + ".");
        } catch (RuntimeException e) {
            status.setText("Cannot switch: " + e.getMessage());
        }
    }

    /** Called from the simulation's threads: collect, and ask the UI thread for a redraw now and then. */
    private void onEvent(SimulationListener.SimulationEvent event) {
        if (event instanceof SimulationListener.Recorded r) {
            TimeSeriesPoint p = r.point();
            synchronized (series) {
                // one variant: lines named by arm; several: "variant / arm"
                String key = p.variant() == null || p.variant().isEmpty() || p.variant().equals("base")
                        ? p.arm() : p.variant() + " / " + p.arm();
                XYSeries[] s = series.computeIfAbsent(key, k -> {
                    XYSeries[] perMeasure = new XYSeries[MEASURES.length];
                    for (int m = 0; m < MEASURES.length; m++) {
                        perMeasure[m] = new XYSeries(k);
                    }
                    return perMeasure;
                });
                s[0].add(p.step(), p.reward(), false);
                s[1].add(p.step(), p.windowCtr(), false);
                s[2].add(p.step(), p.regret(), false);
            }
            if (!redrawPending && !display.isDisposed()) {
                redrawPending = true;
                // timers belong to the UI thread: schedule one from there
                display.asyncExec(() -> display.timerExec(250, this::redraw));
            }
        }
    }

    private void redraw() {
        redrawPending = false;
        chart.redraw();
    }

    /** A chart of a snapshot of the chosen series: the simulation threads keep adding points while it is drawn. */
    private JFreeChart buildChart() {
        int m = measure.getSelectionIndex();
        XYSeriesCollection snapshot = new XYSeriesCollection();
        synchronized (series) {
            for (XYSeries[] perMeasure : series.values()) {
                XYSeries s = perMeasure[m];
                try {
                    snapshot.addSeries(s.getItemCount() == 0 ? new XYSeries(s.getKey())
                            : s.createCopy(0, s.getItemCount() - 1));
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ChartFactory.createXYLineChart(MEASURES[m][0], "step", MEASURES[m][1], snapshot,
                PlotOrientation.VERTICAL, true, false, false);
    }

    /** The lines of the chart (variant and arm), for tests. */
    public List<String> lines() {
        synchronized (series) {
            return List.copyOf(series.keySet());
        }
    }

    /** Number of points drawn so far (for tests). */
    public int points() {
        synchronized (series) {
            return series.values().stream().mapToInt(s -> s[0].getItemCount()).sum();
        }
    }

    @PreDestroy
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
    }
}
