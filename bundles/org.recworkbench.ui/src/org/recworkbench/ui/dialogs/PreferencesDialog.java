package org.recworkbench.ui.dialogs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.ui.model.DesktopPreferences;
import org.recworkbench.ui.model.Engine;

/**
 * Preferences: the data folder, the workspace for runs, the default compute backend of new experiments, and the
 * heap limit (applied at the next start). A value that cannot be used keeps the dialog open and says why.
 */
public class PreferencesDialog extends Dialog {

    private final DesktopPreferences preferences;
    private Text dataFolder;
    private Text workspace;
    private Combo backend;
    private Spinner memory;
    private Label message;

    public PreferencesDialog(Shell parent, DesktopPreferences preferences) {
        super(parent);
        this.preferences = preferences;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Preferences");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));
        dataFolder = folder(area, "Data folder", preferences.dataFolder());
        workspace = folder(area, "Workspace (runs)", preferences.workspace());
        new Label(area, SWT.NONE).setText("Default backend");
        backend = new Combo(area, SWT.READ_ONLY);
        List<String> ids = new ArrayList<>(List.of("auto"));
        Engine.registry().map(PluginRegistry::backends).orElse(List.of()).forEach(b -> ids.add(b.id()));
        ids.forEach(backend::add);
        backend.select(Math.max(0, ids.indexOf(preferences.backend())));
        new Label(area, SWT.NONE);
        new Label(area, SWT.NONE).setText("Memory limit (MB)");
        memory = new Spinner(area, SWT.BORDER);
        memory.setValues(preferences.memoryMb(), DesktopPreferences.MIN_MEMORY_MB, DesktopPreferences.MAX_MEMORY_MB,
                0, 256, 1024);
        new Label(area, SWT.NONE).setText("applies at the next start");
        message = new Label(area, SWT.WRAP);
        message.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_RED));
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        return area;
    }

    private Text folder(Composite area, String label, Path value) {
        new Label(area, SWT.NONE).setText(label);
        Text text = new Text(area, SWT.BORDER);
        text.setText(value.toString());
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 360;
        text.setLayoutData(data);
        Button browse = new Button(area, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setFilterPath(text.getText());
            String chosen = dialog.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID && !apply()) {
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** Saves the values; false (and the reason shown) when one cannot be used. */
    public boolean apply() {
        try {
            preferences.save(Path.of(dataFolder.getText().trim()), Path.of(workspace.getText().trim()),
                    backend.getText(), memory.getSelection());
            return true;
        } catch (IllegalArgumentException | IOException e) {
            message.setText(e.getMessage());
            message.getParent().layout(true);
            return false;
        }
    }
}
