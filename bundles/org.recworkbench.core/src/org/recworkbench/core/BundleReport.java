package org.recworkbench.core;

/**
 * One bundle of the running product as {@link PluginDiagnostics} sees it.
 *
 * @param id the framework's bundle id; -1 for a configured jar that could not be installed
 * @param symbolicName its symbolic name (for a jar that is not a bundle: the name it was configured under)
 * @param version its version
 * @param location where it was installed from
 * @param state {@code ACTIVE}, {@code STARTING} (lazy), {@code RESOLVED}, {@code INSTALLED} (unresolved) or
 *     {@code NOT INSTALLED}
 * @param problem why it does not work as installed, in plain words; null when it does
 */
public record BundleReport(long id, String symbolicName, String version, String location, String state,
        String problem) {

    public boolean healthy() {
        return problem == null;
    }
}
