package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunningSimulation;
import org.recworkbench.core.SimulationListener;
import org.recworkbench.core.SimulationRunner;
import org.recworkbench.core.result.TimeSeriesPoint;
import org.recworkbench.core.spec.SimulationSpec;

/**
 * The live simulation dashboard: runs a simulation in the background (the demo world with three policies),
 * draws each arm's cumulative clicks as the points arrive (a JFreeChart rendered to an image, at most four times
 * a second), and switches an arm to another installed policy between two steps.
 */
public class SimulationDashboardPart {

    static final long STEPS = 300_000;

    private ServiceTracker<SimulationRunner, SimulationRunner> runners;
    private ServiceTracker<PluginRegistry, PluginRegistry> registries;
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private Label chart;
    private Label status;
    private Button start;
    private Combo arm;
    private Combo policy;
    private Button swap;
    private Image image;
    private RunningSimulation running;
    private volatile boolean redrawPending;
    private org.eclipse.swt.widgets.Display display;

    @PostConstruct
    public void create(Composite parent) {
        display = parent.getDisplay();
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        runners = new ServiceTracker<>(context, SimulationRunner.class, null);
        registries = new ServiceTracker<>(context, PluginRegistry.class, null);
        runners.open();
        registries.open();
        parent.setLayout(new GridLayout(6, false));
        start = new Button(parent, SWT.PUSH);
        start.setText("Run demo simulation");
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
        chart = new Label(parent, SWT.BORDER);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        start.addListener(SWT.Selection, e -> startSimulation());
        swap.addListener(SWT.Selection, e -> switchArm());
    }

    private SimulationSpec spec() {
        return new SimulationSpec("dashboard", 42L, new SimulationSpec.SimulatorSpec("latent-factor",
                Map.of("users", 2000, "items", 300, "slate-size", 3, "candidates", 50)), null, null, null,
                List.of(new SimulationSpec.PolicySpec("random-policy", "random", Map.of(), null),
                        new SimulationSpec.PolicySpec("ucb1", "ucb1", Map.of(), null),
                        new SimulationSpec.PolicySpec("linucb", "linucb", Map.of(), null)),
                STEPS, "replicate", null, null, 5_000L, false, null, null);
    }

    private void startSimulation() {
        SimulationRunner runner = runners.getService();
        PluginRegistry registry = registries.getService();
        if (runner == null || registry == null) {
            status.setText("The simulation engine is not running.");
            return;
        }
        SimulationSpec spec = spec();
        series.clear();
        dataset.removeAllSeries();
        arm.removeAll();
        for (SimulationSpec.PolicySpec p : spec.policies()) {
            XYSeries s = new XYSeries(p.label());
            series.put(p.label(), s);
            dataset.addSeries(s);
            arm.add(p.label());
        }
        arm.select(0);
        policy.removeAll();
        registry.policies().stream().map(f -> f.descriptor().id()).distinct().forEach(policy::add);
        policy.select(0);
        try {
            Path output = Files.createTempDirectory("recwb-dashboard");
            running = runner.start(spec, output, false, this::onEvent, ProgressMonitor.NONE);
        } catch (Exception e) {
            status.setText("Cannot start: " + e.getMessage());
            return;
        }
        start.setEnabled(false);
        swap.setEnabled(true);
        status.setText("Running " + STEPS + " steps per policy…");
        running.result().whenComplete((result, failure) -> display.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            start.setEnabled(true);
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
            XYSeries s = series.get(p.arm());
            if (s != null) {
                synchronized (dataset) {
                    s.add(p.step(), p.reward(), false);
                }
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
        if (chart.isDisposed()) {
            return;
        }
        org.eclipse.swt.graphics.Point size = chart.getSize();
        if (size.x < 50 || size.y < 50) {
            return;
        }
        BufferedImage awt;
        synchronized (dataset) {
            for (XYSeries s : series.values()) {
                s.fireSeriesChanged();
            }
            JFreeChart c = ChartFactory.createXYLineChart("Cumulative clicks", "step", "clicks", dataset,
                    PlotOrientation.VERTICAL, true, false, false);
            awt = c.createBufferedImage(size.x, size.y, BufferedImage.TYPE_INT_RGB, null);
        }
        Image old = image;
        image = new Image(chart.getDisplay(), toSwt(awt));
        chart.setImage(image);
        if (old != null) {
            old.dispose();
        }
    }

    /** Number of points drawn so far (for tests). */
    public int points() {
        synchronized (dataset) {
            return series.values().stream().mapToInt(XYSeries::getItemCount).sum();
        }
    }

    private static ImageData toSwt(BufferedImage awt) {
        PaletteData palette = new PaletteData(0xFF0000, 0x00FF00, 0x0000FF);
        ImageData data = new ImageData(awt.getWidth(), awt.getHeight(), 24, palette);
        int[] row = new int[awt.getWidth()];
        for (int y = 0; y < awt.getHeight(); y++) {
            awt.getRGB(0, y, awt.getWidth(), 1, row, 0, awt.getWidth());
            data.setPixels(0, y, row.length, row, 0);
        }
        return data;
    }

    @PreDestroy
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        if (image != null) {
            image.dispose();
        }
        runners.close();
        registries.close();
    }
}
