package org.recworkbench.core.internal;

import org.recworkbench.api.RecWorkbenchException;

/** A plugin that a run was using was unregistered (its bundle stopped or was uninstalled) mid-run. */
final class PluginRemovedException extends RecWorkbenchException {
    private static final long serialVersionUID = 1L;

    PluginRemovedException(String message) {
        super(message);
    }
}
