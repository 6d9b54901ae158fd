package org.recworkbench.data.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a data file transparently: {@code .gz} is gunzipped, a {@code .zip} holding exactly one file is read
 * from that file (a zip with several files is an error naming them: unpack it, or use {@code recwb dataset
 * fetch}), anything else is read as is.
 */
public final class Compressed {
    private Compressed() {
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (name.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry = nextFile(zip);
            if (entry == null) {
                zip.close();
                throw new IOException("the zip archive holds no file");
            }
            String first = entry.getName();
            try (ZipInputStream probe = new ZipInputStream(Files.newInputStream(file))) {
                nextFile(probe);
                ZipEntry second = nextFile(probe);
                if (second != null) {
                    zip.close();
                    throw new IOException("the zip archive holds several files (" + first + ", " + second.getName()
                            + ", ...): unpack it or use recwb dataset fetch");
                }
            }
            return zip;
        }
        return in;
    }

    /** Whether {@link #open} decompresses this file (by its name). */
    public static boolean isCompressed(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".gz") || name.endsWith(".zip");
    }

    private static ZipEntry nextFile(ZipInputStream zip) throws IOException {
        for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
            if (!e.isDirectory()) {
                return e;
            }
        }
        return null;
    }
}
