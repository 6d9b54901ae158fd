package org.recworkbench.data.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;

/**
 * Property-based fuzzing of every dataset adapter: a hand-counted valid fixture per adapter is damaged at random
 * (truncated, bytes flipped, a separator dropped, re-encoded, a NUL inserted, a line doubled) and loaded. Each load
 * must end in a consistent dataset or a {@link DatasetFormatException} naming one of the fixture's files (or an
 * {@link InvalidSpecException} for an option), within seconds: never another exception type, never a hang, never a
 * dataset with fewer rows than the intact lines hold. Changes a reader must not see (blank lines, a byte-order mark,
 * Windows line ends) must give exactly the hand-counted sizes. QuickTheories generates the cases from a fixed seed and
 * shrinks a failure to the smallest case, whose bytes the failure message shows.
 */
class AdapterFuzzTest {
    private static final List<Fixture> FIXTURES = Fixture.all();
    private static final int EXAMPLES = Integer.getInteger("recworkbench.fuzz.examples", 3000);
    private static final long SEED = Long.getLong("recworkbench.fuzz.seed", 20261207L);
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(10);
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-load");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    static Path root;
    private static int cases;

    @AfterAll
    static void stop() {
        LOADER.shutdownNow();
    }

    /** Writes a fixture (with one file replaced) to a fresh folder and returns the adapter's options. */
    private static Map<String, Object> write(Fixture f, String replaced, byte[] content) {
        try {
            Path dir = Files.createDirectories(root.resolve(f.name() + "-" + (cases++)));
            for (Map.Entry<String, byte[]> e : f.files().entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getKey().equals(replaced) ? content : e.getValue());
            }
            Map<String, Object> options = new LinkedHashMap<>(f.options());
            options.put("path", (f.singleFile() ? dir.resolve(f.interactionsFile()) : dir).toString());
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads through a fresh adapter within the time limit; a hang is a failure, not a stuck build. */
    private static Dataset load(Fixture f, Map<String, Object> options) throws Exception {
        Future<Dataset> loading = LOADER.submit(() -> f.adapter().get().load(options, ProgressMonitor.NONE));
        try {
            return loading.get(LOAD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            loading.cancel(true);
            throw new AssertionError(f.name() + ": the load did not finish within " + LOAD_LIMIT);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw new AssertionError(f.name() + ": the load threw " + e.getCause(), e.getCause());
        }
    }

    @Test
    void everyFixtureLoadsWithItsHandCountedSize() throws Exception {
        for (Fixture f : FIXTURES) {
            Dataset d = load(f, write(f, null, null));
            assertSize(f, d);
            assertConsistent(f.name(), d);
            assertEquals(Map.of(), d.warnings(), f.name() + ": a clean fixture raises no warning");
        }
    }

    @Test
    void changesAReaderMustNotSeeKeepTheExactCounts() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 4).forAll(integers().between(0, FIXTURES.size() - 1),
                integers().between(0, 5), integers().between(0, Mutation.preserving().size() - 1), longs().all())
                .checkAssert((fixture, file, kind, seed) -> {
                    Fixture f = FIXTURES.get(fixture);
                    if (!f.text()) {
                        return; // binary formats have no lines to add
                    }
                    String name = f.fileNames().get(file % f.files().size());
                    Mutation m = Mutation.preserving().get(kind);
                    byte[] changed = m.apply(f.files().get(name), new Random(seed));
                    try {
                        assertSize(f, load(f, write(f, name, changed)));
                    } catch (Exception | AssertionError e) {
                        throw new AssertionError(report(f, name, m, changed) + ": " + e, e);
                    }
                });
    }

    @Test
    void anyDamageEndsInAConsistentDatasetOrAnErrorNamingTheFile() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(integers().between(0, FIXTURES.size() - 1),
                integers().between(0, 5), integers().between(0, Mutation.values().length - 1), longs().all())
                .checkAssert((fixture, file, kind, seed) -> {
                    Fixture f = FIXTURES.get(fixture);
                    String name = f.fileNames().get(file % f.files().size());
                    Mutation m = Mutation.values()[kind];
                    byte[] damaged = m.apply(f.files().get(name), new Random(seed));
                    String what = report(f, name, m, damaged);
                    Dataset d;
                    try {
                        d = load(f, write(f, name, damaged));
                    } catch (DatasetFormatException e) {
                        Path at = e.file();
                        assertTrue(at != null && f.files().containsKey(at.getFileName().toString()),
                                what + ": the error names no file of the dataset: " + e.getMessage());
                        assertTrue(e.getMessage().contains(at.getFileName().toString()), what + ": " + e.getMessage());
                        assertTrue(e.line() >= 0 && e.column() >= 0, what + ": " + e.getMessage());
                        return;
                    } catch (InvalidSpecException e) {
                        assertTrue(e.field() != null && e.field().startsWith("dataset.options"), what + ": " + e);
                        return;
                    } catch (Exception e) {
                        throw new AssertionError(what + ": neither a dataset nor a clear error: " + e, e);
                    }
                    assertConsistent(what, d);
                    if (m == Mutation.TRUNCATE && name.equals(f.interactionsFile()) && f.headerLines() >= 0) {
                        // the rows whose line is intact must all be there; a cut last line may parse or not
                        int intact = Math.max(0, count(damaged, (byte) '\n') - f.headerLines());
                        int rows = d.interactions().size();
                        assertTrue(rows == intact || rows == intact + 1, what + ": " + intact
                                + " intact rows, loaded " + rows);
                    }
                    if (m == Mutation.DUPLICATE_LINE && name.equals(f.interactionsFile()) && f.headerLines() >= 0
                            && d.interactions().size() == f.interactions() + 1 && f.repeatedPairsWarn()) {
                        assertTrue(d.warnings().containsKey("warning.duplicates"), what + ": " + d.warnings());
                    }
                });
    }

    private static void assertSize(Fixture f, Dataset d) {
        assertEquals(f.interactions(), d.interactions().size(), f.name() + " interactions");
        assertEquals(f.users(), d.users().size(), f.name() + " users");
        assertEquals(f.items(), d.items().size(), f.name() + " items");
    }

    /** What a loaded dataset must always be: non-empty, indices in range, finite values, ids fit to print. */
    private static void assertConsistent(String what, Dataset d) {
        Interactions x = d.interactions();
        assertTrue(x.size() > 0, what + ": a dataset without interactions is not a clean load");
        assertEquals(d.users().size(), x.numUsers(), what);
        assertEquals(d.items().size(), x.numItems(), what);
        for (int r = 0; r < x.size(); r++) {
            int u = x.users()[r];
            int i = x.items()[r];
            if (u < 0 || u >= x.numUsers() || i < 0 || i >= x.numItems() || !Float.isFinite(x.values()[r])
                    || x.timestamp(r) < 0) {
                fail(what + ": row " + r + " is out of range: user " + u + ", item " + i + ", value " + x.values()[r]
                        + ", time " + x.timestamp(r));
            }
        }
        assertIds(what, d.users());
        assertIds(what, d.items());
    }

    private static void assertIds(String what, IdIndex ids) {
        for (String id : ids.ids()) {
            boolean control = id.codePoints().anyMatch(Character::isISOControl);
            if (id.isBlank() || control || id.length() > 1_000) {
                fail(what + ": an id no one can use got in: '" + id.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
    }

    private static int count(byte[] bytes, byte b) {
        int n = 0;
        for (byte x : bytes) {
            n += x == b ? 1 : 0;
        }
        return n;
    }

    /** The case in a form that reproduces it: fixture, file, mutation and the damaged bytes (hex when short). */
    private static String report(Fixture f, String file, Mutation m, byte[] bytes) {
        String content = bytes.length <= 600 ? HexFormat.of().formatHex(bytes) : bytes.length + " bytes";
        return f.name() + "/" + file + " after " + m + " [" + content + "]";
    }
}
