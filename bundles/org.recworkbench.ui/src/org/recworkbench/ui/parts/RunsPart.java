package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.recworkbench.ui.model.RunQueue;
import org.recworkbench.ui.model.RunRecord;
import org.recworkbench.ui.widgets.TableViews;

/**
 * Queued, running and finished experiment runs (this session's and, from the workspace, earlier ones): state,
 * progress, start and duration; the selected run's progress bar and live log; Cancel. Selecting a finished run
 * shows its results in the Results view.
 */
public class RunsPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int PROGRESS_STEPS = 1000;

    private final Consumer<RunRecord> onChange = run -> refreshLater();
    private RunQueue queue;
    private Display display;
    private TableViewer viewer;
    private ProgressBar progress;
    private Label stage;
    private Text log;
    private Button cancel;
    private volatile boolean refreshPending;
    private boolean userPicked;

    @PostConstruct
    public void create(Composite parent) {
        queue = RunQueue.get();
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(3, false));
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel run");
        cancel.addListener(SWT.Selection, e -> {
            RunRecord run = selected();
            if (run != null) {
                queue.cancel(run);
            }
        });
        progress = new ProgressBar(parent, SWT.HORIZONTAL);
        progress.setMaximum(PROGRESS_STEPS);
        progress.setLayoutData(new GridData(240, SWT.DEFAULT));
        stage = new Label(parent, SWT.NONE);
        stage.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer = TableViews.create(sash, SWT.SINGLE, RunRecord.class,
                new TableViews.Column<>("Run", 4, RunRecord::name),
                new TableViews.Column<>("State", 2, r -> r.state().name().toLowerCase(Locale.ROOT)),
                new TableViews.Column<>("Progress", 4, r -> r.state() == RunRecord.State.RUNNING
                        ? String.format(Locale.ROOT, "%.0f %%  %s", 100 * r.progress(), r.stage())
                        : r.failure() != null ? r.failure() : r.state().finished() ? "100 %" : "waiting"),
                new TableViews.Column<>("Started", 3, r -> r.started() == null ? "" : TIME.format(r.started())),
                new TableViews.Column<>("Duration", 2, r -> Double.isNaN(r.seconds()) ? ""
                        : String.format(Locale.ROOT, "%.1f s", r.seconds())),
                new TableViews.Column<>("Folder", 5, r -> r.folder().toString()));
        viewer.getTable().addListener(SWT.Selection, e -> userPicked = true);
        viewer.addSelectionChangedListener(e -> {
            RunRecord run = selected();
            if (run != null && run.table() != null) {
                queue.focus(run);
            }
            showSelected();
        });
        log = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        sash.setWeights(3, 2);
        queue.addListener(onChange);
        refresh();
    }


    /** Coalesces the queue's change reports (any thread) into one refresh on the UI thread. */
    private void refreshLater() {
        if (refreshPending || display.isDisposed()) {
            return;
        }
        refreshPending = true;
        display.asyncExec(() -> {
            refreshPending = false;
            if (!viewer.getTable().isDisposed()) {
                refresh();
            }
        });
    }

    private void refresh() {
        RunRecord keep = selected();
        java.util.List<RunRecord> newestFirst = new java.util.ArrayList<>(queue.runs());
        java.util.Collections.reverse(newestFirst);
        viewer.setInput(newestFirst);
        // follow the newest run until the user picks one
        RunRecord show = userPicked && keep != null ? keep : newestFirst.isEmpty() ? null : newestFirst.get(0);
        if (show != null) {
            viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(show));
        }
        showSelected();
    }

    private void showSelected() {
        RunRecord run = selected();
        if (run == null) {
            progress.setSelection(0);
            stage.setText(queue.runs().isEmpty() ? "No runs yet: open the Experiment view and press Run." : "");
            log.setText("");
            cancel.setEnabled(false);
            return;
        }
        progress.setSelection((int) Math.round(run.progress() * PROGRESS_STEPS));
        stage.setText(run.state().name().toLowerCase(Locale.ROOT) + (run.state() == RunRecord.State.RUNNING
                ? ": " + run.stage() : ""));
        cancel.setEnabled(!run.state().finished());
        String text = String.join("\n", run.log());
        if (!text.equals(log.getText())) {
            log.setText(text);
            log.setTopIndex(log.getLineCount() - 1);
        }
    }

    private RunRecord selected() {
        Object first = viewer.getStructuredSelection().getFirstElement();
        return first instanceof RunRecord r ? r : null;
    }

    @PreDestroy
    public void dispose() {
        queue.removeListener(onChange);
    }
}
