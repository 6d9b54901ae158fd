package org.recworkbench.ui.widgets;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Error dialogs that say what went wrong and what to do. They do not block: the view stays usable behind them,
 * and tests find them among the display's shells.
 */
public final class Problems {

    private Problems() {
    }

    /** Opens an error dialog titled {@code title}; {@code what} says what went wrong, {@code todo} what to do. */
    public static MessageDialog show(Shell parent, String title, String what, String todo) {
        MessageDialog dialog = new MessageDialog(parent, title, null, what + (todo == null ? "" : "\n\n" + todo),
                MessageDialog.ERROR, 0, "Close");
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }
}
