package org.recworkbench.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.recworkbench.ui.dialogs.PreferencesDialog;
import org.recworkbench.ui.model.DesktopPreferences;

/** File ▸ Preferences…: opens the preferences dialog. */
public class PreferencesHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new PreferencesDialog(shell, DesktopPreferences.load()).open();
    }
}
