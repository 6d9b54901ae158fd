package org.recworkbench.ui.widgets;

import java.util.List;
import java.util.function.Function;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** Table viewers over lists of records: headers, lines, columns sharing the width by weight. */
public final class TableViews {

    /** One column: its title, its share of the width, and the text of a row in it. */
    public record Column<T>(String title, int weight, Function<T, String> text) {
    }

    private TableViews() {
    }

    /**
     * A viewer in a holder composite of its own (column weights need a layout of the table's parent); the caller
     * places the holder with {@code holder.setLayoutData} via {@code viewer.getTable().getParent()}.
     */
    @SafeVarargs
    public static <T> TableViewer create(Composite parent, int style, Class<T> rowType, Column<T>... columns) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        TableViewer viewer = new TableViewer(holder, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | style);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        for (Column<T> column : List.of(columns)) {
            TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
            c.getColumn().setText(column.title());
            layout.setColumnData(c.getColumn(), new ColumnWeightData(column.weight()));
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text().apply(rowType.cast(element));
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }
}
