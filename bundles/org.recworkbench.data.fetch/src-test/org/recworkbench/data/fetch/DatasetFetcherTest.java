package org.recworkbench.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.RecWorkbenchException;

/** Fetching fixture archives from a local HTTP server on the loopback interface (this machine has no internet). */
class DatasetFetcherTest {
    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private final byte[] good = zip(Map.of("ml-100k/u.data", "1\t1\t5\t1\n", "ml-100k/README", "fixture"));
    private final byte[] evil = zip(Map.of("../escaped.txt", "gotcha"));
    private final byte[] other = zip(Map.of("ml-100k/u.data", "2\t2\t4\t2\n"));
    private final byte[] notAZip = "<html>Service unavailable</html>".getBytes(StandardCharsets.UTF_8);
    /** 4 KiB of zeros in one entry (a few bytes compressed), and 5 tiny entries. */
    private final byte[] bomb = zip(Map.of("ml-100k/zeros", "\0".repeat(4096)));
    private final byte[] many = zip(Map.of("ml-100k/a", "1", "ml-100k/b", "2", "ml-100k/c", "3", "ml-100k/d", "4",
            "ml-100k/e", "5"));

    DatasetFetcherTest() throws Exception {
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good.zip", x -> serve(x, good));
        server.createContext("/evil.zip", x -> serve(x, evil));
        server.createContext("/mirror/good.zip", x -> serve(x, good));
        server.createContext("/other.zip", x -> serve(x, other));
        server.createContext("/page.zip", x -> serve(x, notAZip));
        server.createContext("/bomb.zip", x -> serve(x, bomb));
        server.createContext("/many.zip", x -> serve(x, many));
        server.start();
    }

    private void serve(com.sun.net.httpserver.HttpExchange x, byte[] body) throws java.io.IOException {
        requests.incrementAndGet();
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void downloadsVerifiesUnpacksAndReuses() throws Exception {
        DatasetFetcher fetcher = new DatasetFetcher(cache);
        Path folder = fetcher.fetch("ml-100k", url("/good.zip"), sha256(good), "ml-100k");
        assertEquals("1\t1\t5\t1\n", Files.readString(folder.resolve("u.data")));
        assertEquals(1, requests.get());
        fetcher.fetch("ml-100k", url("/good.zip"), sha256(good), "ml-100k");
        assertEquals(1, requests.get(), "a complete copy is reused");
    }

    @Test
    void aWrongHashKeepsNothing() throws Exception {
        String wrong = "0".repeat(64);
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> new DatasetFetcher(cache).fetch("ml-100k", url("/good.zip"), wrong, "ml-100k"));
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("ml-100k")));
        assertFalse(Files.exists(cache.resolve("downloads/ml-100k.zip")));
        assertThrows(RecWorkbenchException.class,
                () -> new DatasetFetcher(cache).fetch("ml-100k", url("/good.zip"), "abc", "ml-100k"));
    }

    @Test
    void entriesEscapingTheTargetAreRefused() throws Exception {
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> new DatasetFetcher(cache).fetch("evil", url("/evil.zip"), sha256(evil), "."));
        assertTrue(e.getMessage().contains("unsafe entry"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("escaped.txt")));
        assertFalse(Files.exists(cache.getParent().resolve("escaped.txt")));
        assertFalse(Files.exists(cache.resolve("evil")));
    }

    @Test
    void httpErrorsAreReported() {
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> new DatasetFetcher(cache).fetch("x", url("/missing.zip"), "a".repeat(64), "."));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void aFileThatUnpacksToNothingIsNeverMarkedComplete() throws Exception {
        DatasetFetcher fetcher = new DatasetFetcher(cache);
        // the user vouches for the bytes with their digest, but they are an error page, not a zip
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> fetcher.fetch("ml-100k", url("/page.zip"), sha256(notAZip), "ml-100k"));
        assertTrue(e.getMessage().contains("the archive holds no files"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("ml-100k")), "no cache entry claims to be complete");
        assertFalse(Files.exists(cache.resolve("downloads/ml-100k.zip")), "the refused download is removed");
        assertThrows(RecWorkbenchException.class,
                () -> fetcher.fetch("ml-100k", url("/page.zip"), sha256(notAZip), "ml-100k"));
        assertEquals(2, requests.get(), "the second fetch tries again instead of returning an empty folder");
        // an archive without the folder the catalogue names is refused as well
        e = assertThrows(RecWorkbenchException.class,
                () -> fetcher.fetch("ml-1m", url("/good.zip"), sha256(good), "ml-1m"));
        assertTrue(e.getMessage().contains("no folder 'ml-1m'"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("ml-1m")));
    }

    @Test
    void anotherDigestFetchesAgainAndAnotherAddressReverifies() throws Exception {
        DatasetFetcher fetcher = new DatasetFetcher(cache);
        fetcher.fetch("ml-100k", url("/good.zip"), sha256(good), "ml-100k");
        // the same name with another digest: the cached copy is not what is asked for
        Path folder = fetcher.fetch("ml-100k", url("/other.zip"), sha256(other), "ml-100k");
        assertEquals("2\t2\t4\t2\n", Files.readString(folder.resolve("u.data")));
        assertEquals(2, requests.get());
        // the same digest from a mirror: the kept archive is checked again, and nothing is downloaded
        fetcher.fetch("ml-100k", url("/mirror/other.zip"), sha256(other), "ml-100k");
        assertEquals(2, requests.get());
        // ...but a kept archive that no longer has the digest is fetched again from the new address
        Files.write(cache.resolve("downloads/ml-100k.zip"), new byte[] {1, 2, 3});
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> fetcher.fetch("ml-100k", url("/mirror/good.zip"), sha256(other), "ml-100k"));
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
        assertEquals(3, requests.get());
    }

    @Test
    void archivesBeyondTheLimitsAreRefused() throws Exception {
        DatasetFetcher small = new DatasetFetcher(cache, 1_000, 3);
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> small.fetch("ml-100k", url("/bomb.zip"), sha256(bomb), "ml-100k"));
        assertTrue(e.getMessage().contains("expands beyond 1000 bytes"), e.getMessage());
        e = assertThrows(RecWorkbenchException.class,
                () -> small.fetch("ml-100k", url("/many.zip"), sha256(many), "ml-100k"));
        assertTrue(e.getMessage().contains("more than 3 entries"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("ml-100k")));
        assertFalse(Files.exists(cache.resolve("downloads/ml-100k.zip")));
    }

    @Test
    void anUnreachableServerIsSaidInWords() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class, () -> new DatasetFetcher(cache).fetch(
                "ml-100k", "http://127.0.0.1:" + port + "/ml-100k.zip", sha256(good), "ml-100k"));
        assertTrue(e.getMessage().contains("connection refused or unreachable"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void theCatalogueNamesPublisherUrls() {
        KnownDataset ml = KnownDataset.find("ml-100k").orElseThrow();
        assertEquals("https://files.grouplens.org/datasets/movielens/ml-100k.zip", ml.url());
        assertEquals("movielens", ml.adapter());
    }

    @Test
    void pinnedDigestsAreWellFormedAndDistinct() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (KnownDataset d : KnownDataset.CATALOGUE) {
            assertTrue(d.url().startsWith("https://"), d.name());
            if (d.sha256() != null) {
                assertTrue(d.sha256().matches("[0-9a-f]{64}"), d.name() + ": " + d.sha256());
                assertTrue(seen.add(d.sha256()), d.name() + " repeats another entry's digest");
            }
        }
        // the TensorFlow Datasets checksum for ml-100k (see KnownDataset)
        assertEquals("50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229",
                KnownDataset.find("ml-100k").orElseThrow().sha256());
    }
}
