package org.recworkbench.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.recworkbench.api.RecWorkbenchException;

/**
 * The folder a run's results go to, kept consistent as a set. {@link #prepare} checks it before any work (a path
 * that is a file, or a place that cannot be written, fails in milliseconds naming it) and opens a staging folder
 * beside it; the run writes there; {@link #commit} then replaces the folder with the staging one. So a folder holds
 * the files of one complete run, never the files of two: a run that fails or is killed leaves the previous results
 * as they were. Leftovers of killed runs (staging folders of processes that are gone, a replaced folder whose swap
 * was cut short) are cleaned up, or put back, by the next {@code prepare} in the same place. Not thread safe: one
 * run, one instance.
 */
public final class OutputFolder implements AutoCloseable {
    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(staging|replaced)-(\\d+)-\\d+");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path folder;
    private final Path staging;
    private boolean committed;

    private OutputFolder(Path folder, Path staging) {
        this.folder = folder;
        this.staging = staging;
    }

    /**
     * Checks that {@code folder} can receive a run's results and opens the staging folder beside it.
     *
     * @throws RecWorkbenchException naming the path and why it cannot be used
     */
    public static OutputFolder prepare(Path folder) {
        Path target = check(folder);
        Path parent = target.getParent();
        cleanLeftovers(parent, target.getFileName().toString());
        Path staging = parent.resolve("." + target.getFileName() + ".staging-" + ProcessHandle.current().pid() + "-"
                + SEQUENCE.incrementAndGet());
        try {
            Files.createDirectory(staging);
        } catch (AccessDeniedException e) {
            throw new RecWorkbenchException("cannot write results to " + target + ": no permission to write in "
                    + parent, e);
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot write results to " + target + ": " + e, e);
        }
        return new OutputFolder(target, staging);
    }

    /**
     * Checks that {@code folder} is, or can be made, a writable folder (creating its parents), without staging:
     * for runs that write in place, such as simulations with checkpoints. Returns its absolute path.
     *
     * @throws RecWorkbenchException naming the path and why it cannot be used
     */
    public static Path check(Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null) {
            throw new RecWorkbenchException("output folder " + folder + " cannot be the file system's root");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new RecWorkbenchException("output folder " + target + " is an existing file, not a folder; "
                    + "choose another --output or remove the file");
        }
        if (Files.isDirectory(target) && !Files.isWritable(target)) {
            throw new RecWorkbenchException("output folder " + target + " is not writable");
        }
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new RecWorkbenchException("cannot create output folder " + target + ": " + e.getFile()
                    + " is a file, not a folder", e);
        } catch (AccessDeniedException e) {
            throw new RecWorkbenchException("cannot create output folder " + target + ": no permission to write in "
                    + e.getFile(), e);
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot create output folder " + target + ": " + e, e);
        }
        if (!Files.isWritable(parent)) {
            throw new RecWorkbenchException("cannot write results to " + target + ": no permission to write in "
                    + parent);
        }
        return target;
    }

    /** Where the run writes its files until {@link #commit}. */
    public Path staging() {
        return staging;
    }

    /** The folder the results end up in. */
    public Path folder() {
        return folder;
    }

    /** Puts the staged results in place of the folder (replacing an earlier run's) and returns the folder. */
    public Path commit() {
        Path aside = folder.resolveSibling("." + folder.getFileName() + ".replaced-" + ProcessHandle.current().pid()
                + "-" + SEQUENCE.incrementAndGet());
        try {
            boolean replacing = Files.exists(folder);
            if (replacing) {
                move(folder, aside);
            }
            move(staging, folder);
            committed = true;
            if (replacing) {
                deleteTree(aside);
            }
            return folder;
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot put the results in " + folder + " (they are in " + staging
                    + "): " + e, e);
        }
    }

    /** Without a commit, drops the staged files: the folder keeps what it held before. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // best effort: the next prepare() in this place removes a staging folder whose process is gone
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Removes what killed runs left beside {@code name} in {@code parent}: staging folders of processes that no
     * longer run, and replaced folders (put back where the swap was cut short and the folder is missing).
     */
    static void cleanLeftovers(Path parent, String name) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".*-*")) {
            for (Path p : entries) {
                Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (!m.matches() || ProcessHandle.of(Long.parseLong(m.group(3))).isPresent()) {
                    continue;
                }
                Path original = parent.resolve(m.group(1));
                if (m.group(2).equals("replaced") && !Files.exists(original)) {
                    move(p, original); // the new results never arrived: the previous ones go back
                } else {
                    deleteTree(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: a leftover that cannot be removed stays hidden and harms nothing
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // gone already
                }
            }
        }
    }
}
