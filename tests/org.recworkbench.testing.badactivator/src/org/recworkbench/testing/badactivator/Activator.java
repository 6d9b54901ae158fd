package org.recworkbench.testing.badactivator;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Throws when the bundle starts, as a broken third-party plugin might. */
public class Activator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("hostile test plugin: the activator fails");
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
