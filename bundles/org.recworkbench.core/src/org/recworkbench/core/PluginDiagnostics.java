package org.recworkbench.core;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What is wrong with the installed bundles, so that front ends can say it instead of leaving a user to find a
 * log file: bundles that cannot resolve (a missing import), whose activator threw, whose components failed to
 * activate or wait for a service nobody provides, whose component declarations could not be read, and jars
 * configured into the product that are not bundles at all. Thread safe.
 */
@ProviderType
public interface PluginDiagnostics {

    /** Every bundle of the framework (and every configured jar that could not be installed), by symbolic name. */
    List<BundleReport> bundles();

    /** The entries of {@link #bundles()} with a problem. */
    default List<BundleReport> problems() {
        return bundles().stream().filter(b -> !b.healthy()).toList();
    }

    /**
     * Errors the framework reported since the engine started that no bundle problem accounts for (one line each,
     * oldest first); the details are in {@link #logFile()}.
     */
    List<String> frameworkErrors();

    /** The framework's log file, where stack traces go; null when the framework keeps none. */
    String logFile();
}
