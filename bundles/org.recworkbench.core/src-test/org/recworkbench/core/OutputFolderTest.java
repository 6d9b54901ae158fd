package org.recworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.RecWorkbenchException;

/** A results folder holds one complete run's files: staged, then swapped in; failures and kills leave it as it was. */
class OutputFolderTest {
    /** A process id no process has (Linux caps pids far below it). */
    private static final long GONE = 2_000_000_000L;

    @TempDir
    Path dir;

    private static long entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aCommittedRunReplacesTheEarlierOneWhole() throws Exception {
        Path results = dir.resolve("results").resolve("run");
        Files.createDirectories(results);
        Files.writeString(results.resolve("old-only.csv"), "from the earlier run");
        Files.writeString(results.resolve("results.csv"), "old");
        try (OutputFolder out = OutputFolder.prepare(results)) {
            assertTrue(Files.isDirectory(out.staging()));
            assertEquals("old", Files.readString(results.resolve("results.csv")), "untouched while the run works");
            Files.writeString(out.staging().resolve("results.csv"), "new");
            assertEquals(results.toAbsolutePath(), out.commit());
        }
        assertEquals("new", Files.readString(results.resolve("results.csv")));
        assertFalse(Files.exists(results.resolve("old-only.csv")), "no file of the earlier run is left beside");
        assertEquals(1, entries(results.getParent()), "no staging or replaced folder is left");
    }

    @Test
    void aRunThatFailsLeavesTheEarlierResultsAsTheyWere() throws Exception {
        Path results = Files.createDirectories(dir.resolve("run"));
        Files.writeString(results.resolve("results.csv"), "old");
        try (OutputFolder out = OutputFolder.prepare(results)) {
            Files.writeString(out.staging().resolve("results.csv"), "half");
            // no commit: the run failed
        }
        assertEquals("old", Files.readString(results.resolve("results.csv")));
        assertEquals(1, entries(dir));
    }

    @Test
    void anUnusableFolderFailsBeforeAnyWorkNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "a file");
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class, () -> OutputFolder.prepare(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath() + " is an existing file"), e.getMessage());
        e = assertThrows(RecWorkbenchException.class, () -> OutputFolder.prepare(file.resolve("below")));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void leftoversOfKilledRunsAreCleanedOrPutBack() throws Exception {
        // a run killed while staging: its staging folder goes
        Path staging = Files.createDirectories(dir.resolve(".run.staging-" + GONE + "-1"));
        Files.writeString(staging.resolve("results.csv"), "half");
        // a run killed between the two moves of a commit: the earlier results come back
        Path replaced = Files.createDirectories(dir.resolve(".other.replaced-" + GONE + "-2"));
        Files.writeString(replaced.resolve("results.csv"), "complete");
        // a live process's staging folder stays
        Path live = Files.createDirectories(dir.resolve(".run.staging-" + ProcessHandle.current().pid() + "-99"));
        try (OutputFolder out = OutputFolder.prepare(dir.resolve("run"))) {
            assertFalse(Files.exists(staging));
            assertEquals("complete", Files.readString(dir.resolve("other").resolve("results.csv")));
            assertTrue(Files.exists(live));
        }
    }
}
