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
 * check deletes what it fetched. A cached copy records the digest and address it came from ({@code .complete}): it
 * is reused only for the same digest, and a fetch from another address re-verifies the kept archive first. Unpacking
 * refuses entries that would land outside the target folder (zip slip), absolute paths, archives that expand beyond a
 * size or entry-count limit (zip bombs), and archives that hold nothing or not the folder the catalogue names.
 */
public final class DatasetFetcher {

    /** Refuse archives that expand beyond this (the largest MovieLens release unpacks to under 2 GiB). */
    static final long MAX_UNPACKED_BYTES = 8L << 30;
    /** Refuse archives with more entries (the public datasets have at most a few thousand files). */
    static final int MAX_ENTRIES = 100_000;
    private static final String COMPLETE = ".complete";

    private final Path cache;
    private final HttpClient http;
    private final long maxUnpackedBytes;
    private final int maxEntries;

    public DatasetFetcher(Path cache) {
        this(cache, MAX_UNPACKED_BYTES, MAX_ENTRIES);
    }

    /** A fetcher with other unpacking limits (tests use small ones). */
    DatasetFetcher(Path cache, long maxUnpackedBytes, int maxEntries) {
        this.cache = cache;
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxEntries = maxEntries;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Makes the dataset available locally and returns the folder its adapter reads. A complete copy fetched with the
     * same digest is reused without a download.
     *
     * @param url the archive's address (the catalogue's, or another mirror)
     * @param sha256 the expected hex digest of the archive
     */
    public Path fetch(String name, String url, String sha256, String folderInArchive) {
        if (sha256 == null || !sha256.matches("(?i)[0-9a-f]{64}")) {
            throw new RecWorkbenchException("a 64-digit hex SHA-256 of the archive is required for '" + name
                    + "', got " + sha256);
        }
        String expected = sha256.toLowerCase(Locale.ROOT);
        Path target = cache.resolve(name);
        Path archive = cache.resolve("downloads").resolve(name + ".zip");
        try {
            String[] cached = completeRecord(target);
            if (cached != null && cached[0].equals(expected) && Files.isDirectory(target.resolve(folderInArchive))) {
                if (cached[1].equals(url)) {
                    return target.resolve(folderInArchive).normalize();
                }
                // the same digest asked for from another address: the kept archive must still have it
                if (Files.isRegularFile(archive) && sha256Of(archive).equals(expected)) {
                    record(target, expected, url);
                    return target.resolve(folderInArchive).normalize();
                }
            }
            Files.createDirectories(cache.resolve("downloads"));
            String actual = download(url, archive);
            if (!actual.equals(expected)) {
                Files.deleteIfExists(archive);
                throw new RecWorkbenchException("SHA-256 mismatch for " + url + ": got " + actual + ", expected "
                        + expected + "; the download was deleted");
            }
            Path staging = Files.createTempDirectory(cache, "." + name + "-");
            try {
                int files = unzip(archive, staging, maxUnpackedBytes, maxEntries);
                if (files == 0) {
                    throw new IOException("the archive holds no files");
                }
                if (!Files.isDirectory(staging.resolve(folderInArchive).normalize())) {
                    throw new IOException("the archive has no folder '" + folderInArchive + "' (is it the right "
                            + "file for " + name + "?)");
                }
                record(staging, expected, url);
                deleteTree(target);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(archive); // an archive that cannot be unpacked is not kept to be reused
                throw e;
            } finally {
                deleteTree(staging);
            }
            return target.resolve(folderInArchive).normalize();
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot fetch " + name + " from " + url + ": " + describe(e), e);
        }
    }

    /** {digest, url} of a complete copy, or null when there is none (or an unreadable record). */
    private static String[] completeRecord(Path target) throws IOException {
        Path file = target.resolve(COMPLETE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String[] lines = Files.readString(file).split("\\R");
        return lines.length >= 2 ? new String[] {lines[0].trim().toLowerCase(Locale.ROOT), lines[1].trim()} : null;
    }

    private static void record(Path folder, String sha256, String url) throws IOException {
        Path tmp = folder.resolve(COMPLETE + ".tmp");
        Files.writeString(tmp, sha256 + "\n" + url + "\n");
        Files.move(tmp, folder.resolve(COMPLETE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An I/O failure in words: the JDK's network exceptions often have no message of their own. */
    static String describe(IOException e) {
        if (e instanceof java.net.UnknownHostException) {
            return "host " + e.getMessage() + " not found (offline, or a mistyped address?)";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + " (offline, or the server is down?)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "the server did not answer in time";
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            Throwable cause = e.getCause();
            return e.getClass().getSimpleName() + (cause == null ? "" : " (" + cause + ")");
        }
        return e.getMessage();
    }

    private static String sha256Of(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
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

    /**
     * Unpacks a zip into {@code dir}, refusing entries that escape it and archives that expand beyond the limits;
     * returns the number of files written.
     */
    static int unzip(Path archive, Path dir, long maxBytes, int maxEntries) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        long total = 0;
        int entries = 0;
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (++entries > maxEntries) {
                    throw new IOException("the archive has more than " + maxEntries + " entries (a zip bomb?)");
                }
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
                        if (total > maxBytes) {
                            throw new IOException("the archive expands beyond " + human(maxBytes) + " (a zip bomb?)");
                        }
                        os.write(buf, 0, n);
                    }
                }
                files++;
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("not a readable zip archive (" + e.getMessage() + ")", e);
        }
        return files;
    }

    private static String human(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes";
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
