package org.recworkbench.ui.widgets;

import org.eclipse.swt.widgets.Control;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.ui.model.Engine;

/**
 * Calls back on the UI thread when plugins came or went (the registry's change counter moved), checking twice a
 * second while the owning control lives: views list what is installed now, without a restart.
 */
public final class RegistryWatch {

    static final int PERIOD_MILLIS = 500;

    private RegistryWatch() {
    }

    /** Starts watching for {@code owner}'s lifetime; {@code onChange} runs on the UI thread. */
    public static void whileAlive(Control owner, Runnable onChange) {
        long[] seen = {Engine.registry().map(PluginRegistry::changes).orElse(-1L)};
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                if (owner.isDisposed()) {
                    return;
                }
                long now = Engine.registry().map(PluginRegistry::changes).orElse(-1L);
                if (now != seen[0]) {
                    seen[0] = now;
                    onChange.run();
                }
                owner.getDisplay().timerExec(PERIOD_MILLIS, this);
            }
        };
        owner.getDisplay().timerExec(PERIOD_MILLIS, poll);
    }
}
