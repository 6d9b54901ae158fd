package org.recworkbench.ui.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.recworkbench.report.AtomicFiles;

/**
 * The desktop's preferences, in a properties file the user can also edit by hand: where datasets are (file
 * dialogs start there), the workspace where runs and their reports are kept, the compute backend new experiments
 * use, and the heap limit. The heap limit takes effect at the next start: the launcher script reads the
 * {@code desktop.options} file written next to the properties.
 *
 * <p>The folder is {@code $XDG_CONFIG_HOME/recworkbench} (else {@code ~/.config/recworkbench}); the system
 * property {@code recworkbench.config} names another (tests use it).
 */
public final class DesktopPreferences {

    public static final String DATA_FOLDER = "data.folder";
    public static final String WORKSPACE = "workspace";
    public static final String BACKEND = "backend";
    public static final String MEMORY_MB = "memory.mb";

    /** Heap limits outside this range are refused: below, even ML-100K runs starve; above, a typo. */
    public static final int MIN_MEMORY_MB = 256;
    public static final int MAX_MEMORY_MB = 1 << 20;

    private final Path folder;
    private final Properties values = new Properties();

    public DesktopPreferences(Path folder) {
        this.folder = folder;
        Path file = file();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                // unreadable preferences are not fatal: defaults apply and the next save rewrites the file
            }
        }
    }

    /** The preferences of this user (see the class comment for where). */
    public static DesktopPreferences load() {
        String configured = System.getProperty("recworkbench.config");
        if (configured != null) {
            return new DesktopPreferences(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new DesktopPreferences(base.resolve("recworkbench"));
    }

    public Path file() {
        return folder.resolve("desktop.properties");
    }

    /** Where datasets are looked for: the preference, else {@code $RECWB_DATASETS}, else the home folder. */
    public Path dataFolder() {
        String env = System.getenv("RECWB_DATASETS");
        return Path.of(values.getProperty(DATA_FOLDER, env != null ? env : System.getProperty("user.home")));
    }

    /** Where runs are kept ({@code runs/<started>-<name>/} under it). */
    public Path workspace() {
        return Path.of(values.getProperty(WORKSPACE, Path.of(System.getProperty("user.home"), "recworkbench")
                .toString()));
    }

    public String backend() {
        return values.getProperty(BACKEND, "auto");
    }

    public int memoryMb() {
        try {
            return Integer.parseInt(values.getProperty(MEMORY_MB, "8192"));
        } catch (NumberFormatException e) {
            return 8192;
        }
    }

    /**
     * Checks and stores new values; both files are written aside and moved into place, so a failed save leaves
     * the old preferences whole.
     *
     * @throws IllegalArgumentException naming the field that is wrong and what it accepts
     */
    public void save(Path dataFolder, Path workspace, String backend, int memoryMb) throws IOException {
        if (!Files.isDirectory(dataFolder)) {
            throw new IllegalArgumentException("Data folder: " + dataFolder + " is not a folder");
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException("Memory limit: got " + memoryMb + " MB, expected " + MIN_MEMORY_MB
                    + " to " + MAX_MEMORY_MB + " MB");
        }
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("Default backend: expected 'auto' or a backend id");
        }
        Files.createDirectories(workspace);
        Properties next = new Properties();
        next.setProperty(DATA_FOLDER, dataFolder.toString());
        next.setProperty(WORKSPACE, workspace.toString());
        next.setProperty(BACKEND, backend);
        next.setProperty(MEMORY_MB, Integer.toString(memoryMb));
        Files.createDirectories(folder);
        AtomicFiles.write(file(), out -> next.store(out, "RecWorkbench desktop preferences"));
        AtomicFiles.write(folder.resolve("desktop.options"), out -> out.write("-Xmx" + memoryMb + "m\n"));
        values.clear();
        values.putAll(next);
    }
}
