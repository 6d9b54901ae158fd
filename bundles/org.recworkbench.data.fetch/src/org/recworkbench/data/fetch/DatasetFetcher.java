package org.recworkbench.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.recworkbench.api.RecWorkbenchException;

/**
 * Downloads a dataset archive into {@code <cache>/downloads}, checks its SHA-256, and unpacks it into
 * {@code <cache>/<name>}. Nothing is half-written: the download goes to a {@code .part} file, the archive is
 * unpacked into a temporary folder beside the target and moved into place only when complete, and a failed
 * check deletes what it fetched. Unpacking refuses entries that would land outside the target folder
 * (zip slip), absolute paths and archives that expand beyond a size limit.
 */
public final class DatasetFetcher {

    /** Refuse archives that expand beyond this (the largest MovieLens release unpacks to under 2 GiB). */
    static final long MAX_UNPACKED_BYTES = 8L << 30;

    private final Path cache;
    private final HttpClient http;

    public DatasetFetcher(Path cache) {
        this.cache = cache;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Makes the dataset available locally and returns the folder its adapter reads. An existing complete copy
     * is reused without a download.
     *
     * @param url the archive's address (the catalogue's, or another mirror)
     * @param sha256 the expected hex digest of the archive
     */
    public Path fetch(String name, String url, String sha256, String folderInArchive) {
        if (sha256 == null || !sha256.matches("(?i)[0-9a-f]{64}")) {
            throw new RecWorkbenchException("a 64-digit hex SHA-256 of the archive is required for '" + name
                    + "', got " + sha256);
        }
        Path target = cache.resolve(name);
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target.resolve(folderInArchive).normalize();
        }
        try {
            Files.createDirectories(cache.resolve("downloads"));
            Path archive = cache.resolve("downloads").resolve(name + ".zip");
            String actual = download(url, archive);
            if (!actual.equalsIgnoreCase(sha256)) {
                Files.deleteIfExists(archive);
                throw new RecWorkbenchException("SHA-256 mismatch for " + url + ": got " + actual + ", expected "
                        + sha256.toLowerCase(Locale.ROOT) + "; the download was deleted");
            }
            Path staging = Files.createTempDirectory(cache, "." + name + "-");
            try {
                unzip(archive, staging);
                Files.writeString(staging.resolve(".complete"), sha256 + "\n");
                deleteTree(target);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(staging);
            }
            return target.resolve(folderInArchive).normalize();
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot fetch " + name + " from " + url + ": " + e.getMessage(), e);
        }
    }

    /** Downloads to {@code archive} through a {@code .part} file; returns the SHA-256 of the bytes. */
    String download(String url, Path archive) throws IOException {
        Path part = archive.resolveSibling(archive.getFileName() + ".part");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(response.body(), digest);
                    OutputStream out = Files.newOutputStream(part)) {
                in.transferTo(out);
            }
            Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return HexFormat.of().formatHex(digest.digest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Unpacks a zip into {@code dir}, refusing entries that escape it and archives that expand too far. */
    static void unzip(Path archive, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                String name = e.getName();
                Path out = root.resolve(name).normalize();
                if (name.startsWith("/") || name.contains(":") || !out.startsWith(root) || out.equals(root)) {
                    throw new IOException("unsafe entry '" + name + "' would be written outside " + root);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = zip.read(buf)) > 0;) {
                        total += n;
                        if (total > MAX_UNPACKED_BYTES) {
                            throw new IOException("archive expands beyond " + (MAX_UNPACKED_BYTES >> 30) + " GiB");
                        }
                        os.write(buf, 0, n);
                    }
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
