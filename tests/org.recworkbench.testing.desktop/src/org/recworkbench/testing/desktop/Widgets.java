package org.recworkbench.testing.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Drives real SWT widgets the way a user would: find them, press them, wait for the views to follow. Used by the
 * OSGi tests (widgets on the test thread) and by the desktop driver (the whole application, from its own thread
 * through {@code Display.syncExec}). Failures are {@link AssertionError}s naming what was not found.
 */
public final class Widgets {

    private Widgets() {
    }

    /** A top-level shell of this size whose one child fills it, for a part under test. */
    public static Shell shell(Display display, int width, int height) {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
        return shell;
    }

    /** Sends a selection event, as a click does. */
    public static void press(Control control) {
        check(control != null, "control not found");
        check(control.isEnabled(), "control is disabled: " + control);
        control.notifyListeners(SWT.Selection, new Event());
    }

    /** The push button with this text (depth first), failing when there is none. */
    public static Button button(Composite parent, String text) {
        Control found = find(parent, c -> c instanceof Button b && b.getText().equals(text));
        check(found != null, "no button '" + text + "'");
        return (Button) found;
    }

    /** The first control, depth first, that the predicate accepts; null when none does. */
    public static Control find(Composite parent, Predicate<Control> wanted) {
        for (Control c : parent.getChildren()) {
            if (wanted.test(c)) {
                return c;
            }
            if (c instanceof Composite composite) {
                Control found = find(composite, wanted);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The control generated for a parameter (forms tag each field with its parameter name). */
    public static Control field(Composite parent, String parameter) {
        Control found = find(parent, c -> parameter.equals(c.getData("parameter")));
        check(found != null, "no field for '" + parameter + "'");
        return found;
    }

    /** Runs the event loop (views refresh from timers and async runnables) until the condition holds or 60 s. */
    public static boolean waitFor(Display display, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            while (display.readAndDispatch()) {
                // drain
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Lets pending events run (layouts, async updates). */
    public static void settle(Display display) {
        while (display.readAndDispatch()) {
            // drain
        }
    }

    /** Saves what the shell shows to target/screenshots (copied to docs/screenshots by hand when views change). */
    public static Path screenshot(Shell shell, String name) throws Exception {
        return screenshot(shell, Path.of("target", "screenshots"), name);
    }

    /** Saves what the shell shows as a PNG in {@code folder}. */
    public static Path screenshot(Shell shell, Path folder, String name) throws Exception {
        GC gc = new GC(shell);
        Image image = new Image(shell.getDisplay(), shell.getClientArea().width, shell.getClientArea().height);
        try {
            gc.copyArea(image, 0, 0);
            Files.createDirectories(folder);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(folder.resolve(name).toString(), SWT.IMAGE_PNG);
            return folder.resolve(name);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The open dialogs (shells with a parent) that show a message containing {@code text}. */
    public static java.util.List<Shell> dialogsSaying(Display display, String text) {
        java.util.List<Shell> found = new java.util.ArrayList<>();
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.isVisible() && s.getParent() != null && find(s, c -> c instanceof org.eclipse.swt.widgets.Label l
                    && l.getText().contains(text)) != null) {
                found.add(s);
            }
        }
        return found;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
