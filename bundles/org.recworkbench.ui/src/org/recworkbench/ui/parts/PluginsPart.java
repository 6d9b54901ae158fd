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
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.recworkbench.core.PluginRegistry;

/**
 * Every registered plugin service by kind, as the engine's registry sees it now: the view checks the registry's
 * change counter twice a second and refreshes when a bundle came or went, without a restart.
 */
public class PluginsPart {

    /** One row: the kind of plugin, its id and description. */
    record Row(String kind, String id, String description) {
    }

    static final int REFRESH_MILLIS = 500;

    private ServiceTracker<PluginRegistry, PluginRegistry> tracker;
    private TableViewer viewer;
    private long seenChanges = -1;

    @PostConstruct
    public void create(Composite parent) {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), PluginRegistry.class,
                null);
        tracker.open();
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(layout, "Kind", 2, Row::kind);
        column(layout, "Id", 3, Row::id);
        column(layout, "Description", 10, Row::description);
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
            rows.add(new Row("-", "-", "the engine (org.recworkbench.core) is not running"));
            return rows;
        }
        r.datasetAdapters().forEach(a -> rows.add(new Row("adapter", a.id(), a.description())));
        r.recommenders().forEach(a -> rows.add(new Row("algorithm", a.descriptor().id(), a.descriptor().description())));
        r.metricSets().forEach(m -> rows.add(new Row("metric set", m.id(), m.description())));
        r.simulators().forEach(s -> rows.add(new Row("simulator", s.descriptor().id(), s.descriptor().description())));
        r.policies().forEach(p -> rows.add(new Row("policy", p.descriptor().id(), p.descriptor().description())));
        return rows;
    }

    @PreDestroy
    public void dispose() {
        tracker.close();
    }
}
