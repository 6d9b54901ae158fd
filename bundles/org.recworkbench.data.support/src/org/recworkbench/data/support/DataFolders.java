package org.recworkbench.data.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.recworkbench.api.InvalidSpecException;

/** Resolving the {@code path} option of folder-based adapters, with errors that name the option. */
public final class DataFolders {
    private DataFolders() {
    }

    /** The folder named by the {@code path} option, which must exist. */
    public static Path folder(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidSpecException("dataset.options.path", "is required: the folder of the release");
        }
        Path dir = Path.of(path);
        if (!Files.isDirectory(dir)) {
            throw new InvalidSpecException("dataset.options.path", "not a folder: " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** {@code name} in the folder, else {@code name.gz} or {@code name.zip} when only a compressed copy is there. */
    public static Path file(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        for (String suffix : new String[] {".gz", ".zip"}) {
            Path compressed = dir.resolve(name + suffix);
            if (Files.isRegularFile(compressed)) {
                return compressed;
            }
        }
        return plain;
    }

    public static boolean exists(Path dir, String name) {
        return Files.isRegularFile(file(dir, name));
    }

    /** The file, which must exist: a missing required file is an input error naming it. */
    public static Path required(Path dir, String name) {
        Path f = file(dir, name);
        if (!Files.isRegularFile(f)) {
            throw new InvalidSpecException("dataset.options.path", "missing " + name + " in " + dir.toAbsolutePath());
        }
        return f;
    }
}
