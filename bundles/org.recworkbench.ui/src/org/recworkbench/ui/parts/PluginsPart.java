package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.recworkbench.core.PluginRegistry;

/**
 * Every registered plugin service by kind, as the engine's registry sees it now: the view checks the registry's
 * change counter twice a second and refreshes when a bundle came or went, without a restart.
 */
public class PluginsPart {

    /** One row: the kind of plugin, its id and description, and the bundle that registered it. */
    public record Row(String kind, String id, String description, org.osgi.framework.Bundle bundle) {
        String bundleText() {
            return bundle == null ? "" : bundle.getSymbolicName() + " " + bundle.getVersion();
        }
    }

    static final int REFRESH_MILLIS = 500;

    private ServiceTracker<PluginRegistry, PluginRegistry> tracker;
    private TableViewer viewer;
    private org.eclipse.swt.widgets.Label message;
    private long seenChanges = -1;

    @PostConstruct
    public void create(Composite parent) {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), PluginRegistry.class,
                null);
        tracker.open();
        parent.setLayout(new org.eclipse.swt.layout.GridLayout(4, false));
        Button install = new Button(parent, SWT.PUSH);
        install.setText("Install…");
        install.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(parent.getShell(),
                    SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.jar"});
            String file = dialog.open();
            if (file != null) {
                install(java.nio.file.Path.of(file));
            }
        });
        Button stop = new Button(parent, SWT.PUSH);
        stop.setText("Stop");
        stop.addListener(SWT.Selection, e -> onSelectedBundle(org.osgi.framework.Bundle::stop, "stopped"));
        Button uninstall = new Button(parent, SWT.PUSH);
        uninstall.setText("Uninstall");
        uninstall.addListener(SWT.Selection, e -> {
            Row row = selected();
            if (row != null && row.bundle() != null && org.eclipse.jface.dialogs.MessageDialog.openConfirm(
                    parent.getShell(), "Uninstall plugin", "Uninstall " + row.bundleText() + "? Its services go away "
                            + "at once; running experiments and simulations that use them report it.")) {
                onSelectedBundle(org.osgi.framework.Bundle::uninstall, "uninstalled");
            }
        });
        message = new org.eclipse.swt.widgets.Label(parent, SWT.NONE);
        message.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(layout, "Kind", 2, Row::kind);
        column(layout, "Id", 3, Row::id);
        column(layout, "Description", 8, Row::description);
        column(layout, "Bundle", 4, Row::bundleText);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        refresh();
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                if (viewer.getTable().isDisposed()) {
                    return;
                }
                PluginRegistry r = tracker.getService();
                if (r != null && r.changes() != seenChanges) {
                    refresh();
                }
                viewer.getTable().getDisplay().timerExec(REFRESH_MILLIS, this);
            }
        };
        parent.getDisplay().timerExec(REFRESH_MILLIS, poll);
    }

    /** Installs and starts a plugin bundle from a jar; the table shows its services at the next refresh. */
    public void install(java.nio.file.Path jar) {
        try {
            org.osgi.framework.Bundle b = FrameworkUtil.getBundle(getClass()).getBundleContext()
                    .installBundle(jar.toUri().toString());
            b.start();
            message.setText("Installed " + b.getSymbolicName() + " " + b.getVersion() + ".");
        } catch (org.osgi.framework.BundleException | RuntimeException e) {
            message.setText("Cannot install " + jar.getFileName() + ": " + e.getMessage());
        }
    }

    private Row selected() {
        Object first = viewer.getStructuredSelection().getFirstElement();
        return first instanceof Row r ? r : null;
    }

    @FunctionalInterface
    private interface BundleAction {
        void apply(org.osgi.framework.Bundle bundle) throws org.osgi.framework.BundleException;
    }

    private void onSelectedBundle(BundleAction action, String done) {
        Row row = selected();
        if (row == null || row.bundle() == null) {
            message.setText("Select a plugin first.");
            return;
        }
        if (row.bundle().getSymbolicName().equals("org.recworkbench.core")
                || row.bundle().getBundleId() == 0) {
            message.setText("The engine itself cannot be stopped from here.");
            return;
        }
        try {
            action.apply(row.bundle());
            message.setText(row.bundleText() + " " + done + ".");
        } catch (org.osgi.framework.BundleException | RuntimeException e) {
            message.setText("Cannot change " + row.bundleText() + ": " + e.getMessage());
        }
    }

    private void refresh() {
        PluginRegistry r = tracker.getService();
        seenChanges = r == null ? -1 : r.changes();
        viewer.setInput(rows());
    }

    private void column(TableColumnLayout layout, String title, int weight,
            java.util.function.Function<Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        layout.setColumnData(c.getColumn(), new ColumnWeightData(weight));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }
        });
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        PluginRegistry r;
        try {
            r = tracker.waitForService(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return rows;
        }
        if (r == null) {
            rows.add(new Row("-", "-", "the engine (org.recworkbench.core) is not running", null));
            return rows;
        }
        r.datasetAdapters().forEach(a -> rows.add(new Row("adapter", a.id(), a.description(), bundle(a))));
        r.recommenders().forEach(a -> rows.add(new Row("algorithm", a.descriptor().id(), a.descriptor().description(),
                bundle(a))));
        r.metricSets().forEach(m -> rows.add(new Row("metric set", m.id(), m.description(), bundle(m))));
        r.simulators().forEach(s -> rows.add(new Row("simulator", s.descriptor().id(), s.descriptor().description(),
                bundle(s))));
        r.policies().forEach(p -> rows.add(new Row("policy", p.descriptor().id(), p.descriptor().description(),
                bundle(p))));
        return rows;
    }

    private static org.osgi.framework.Bundle bundle(Object service) {
        return FrameworkUtil.getBundle(service.getClass());
    }

    @PreDestroy
    public void dispose() {
        tracker.close();
    }
}
