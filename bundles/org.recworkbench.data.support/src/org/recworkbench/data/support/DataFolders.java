package org.recworkbench.data.support;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.recworkbench.api.InvalidSpecException;

/**
 * Resolving the {@code path} option of folder-based adapters, with errors that name the option. The folder may
 * also be a {@code .zip} archive as its publisher distributes it (ml-100k.zip, hetrec2011-lastfm-2k.zip): it is
 * read in place through the JDK's zip file system, and an archive whose root holds a single folder (the
 * GroupLens layout {@code ml-100k/u.data}) stands for that folder.
 */
public final class DataFolders {
    /** Open archives by path, reopened when the file changes; zip file systems hold only the directory. */
    private static final Map<Path, OpenArchive> ARCHIVES = new ConcurrentHashMap<>();

    private record OpenArchive(FileSystem fs, long modified, long size) {
    }

    private DataFolders() {
    }

    /** The folder named by the {@code path} option, which must exist: a directory or a zip archive. */
    public static Path folder(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidSpecException("dataset.options.path", "is required: the folder of the release");
        }
        Path dir = Path.of(path);
        if (Files.isRegularFile(dir) && dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".zip")) {
            return archiveFolder(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidSpecException("dataset.options.path", "not a folder or .zip archive: "
                    + dir.toAbsolutePath());
        }
        return dir;
    }

    private static Path archiveFolder(Path zip) {
        try {
            Path key = zip.toRealPath();
            long modified = Files.getLastModifiedTime(key).toMillis();
            long size = Files.size(key);
            OpenArchive open = ARCHIVES.compute(key, (k, old) -> {
                if (old != null && old.fs().isOpen() && old.modified() == modified && old.size() == size) {
                    return old;
                }
                try {
                    return new OpenArchive(FileSystems.newFileSystem(k, Map.of()), modified, size);
                } catch (IOException | RuntimeException e) {
                    throw new InvalidSpecException("dataset.options.path", "not a readable zip archive: " + k
                            + " (" + e.getMessage() + ")");
                }
            });
            Path root = open.fs().getPath("/");
            try (Stream<Path> entries = Files.list(root)) {
                List<Path> top = entries.toList();
                if (top.size() == 1 && Files.isDirectory(top.get(0))) {
                    return top.get(0);
                }
            }
            return root;
        } catch (IOException e) {
            throw new InvalidSpecException("dataset.options.path", "cannot open " + zip.toAbsolutePath() + ": "
                    + e.getMessage());
        }
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
            throw new InvalidSpecException("dataset.options.path", "missing " + name + " in " + describe(dir));
        }
        return f;
    }

    /** The folder as a user would name it: a plain path, or {@code archive.zip!/inner/folder}. */
    public static String describe(Path dir) {
        if (dir.getFileSystem() == FileSystems.getDefault()) {
            return dir.toAbsolutePath().toString();
        }
        return dir.getFileSystem().toString() + "!" + dir;
    }
}
