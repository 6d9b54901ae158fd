package org.recworkbench.testing.desktop.internal;

import java.nio.file.Path;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Starts the desktop driver when the system property {@code recworkbench.drive} names an output folder (the
 * desktop smoke test adds this bundle to a copy of the product and sets it); otherwise does nothing.
 */
public class Activator implements BundleActivator {

    private Thread driver;

    @Override
    public void start(BundleContext context) {
        String out = System.getProperty("recworkbench.drive");
        if (out == null || out.isBlank()) {
            return;
        }
        String plugin = System.getProperty("recworkbench.drive.plugin", "");
        driver = new Thread(new DesktopDriver(context, Path.of(out), plugin.isBlank() ? null : Path.of(plugin)),
                "recworkbench-desktop-driver");
        driver.setDaemon(true);
        driver.start();
    }

    @Override
    public void stop(BundleContext context) {
        if (driver != null) {
            driver.interrupt();
        }
    }
}
