package org.recworkbench.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.recworkbench.api.RecWorkbenchException;

/**
 * Writes a file next to its destination and moves it into place, so readers never see half a file and a
 * failed write leaves the previous file as it was. For report writers.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code target} atomically and returns it. */
    public static Path write(Path target, Content content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            // not Files.createTempFile: its files are private (0600) whatever the umask; results are for the group
            Path tmp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                    content.writeTo(out);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
