package org.recworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.core.result.ExperimentResult;

class ReportWritersTest {

    @TempDir
    Path folder;

    /** A writer with this id whose {@code write} runs {@code body} on the output folder. */
    private static ReportWriter writer(String id, Function<Path, List<Path>> body) {
        return new ReportWriter() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Path> write(ExperimentResult result, Path folder) {
                return body.apply(folder);
            }
        };
    }

    /** A writer that writes one file named after itself, optionally once another writer has started. */
    private static ReportWriter fileWriter(String name, CountDownLatch waitFor, CountDownLatch started) {
        return writer(name, folder -> {
            started.countDown();
            try {
                if (waitFor != null && !waitFor.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " ran alone: the other writer never started");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(AtomicFiles.write(folder.resolve(name), out -> out.write(name)));
        });
    }

    private static ReportWriter failing(String message, String id) {
        return writer(id, folder -> {
            throw new RecWorkbenchException(message);
        });
    }

    @Test
    void writersRunSideBySideAndFilesComeInTheOrderOfTheirIds() throws IOException {
        CountDownLatch aStarted = new CountDownLatch(1);
        CountDownLatch bStarted = new CountDownLatch(1);
        // each waits for the other to have started: this only finishes if the two run at the same time
        List<Path> written = ReportWriters.writeAll(List.of(fileWriter("b.txt", aStarted, bStarted),
                fileWriter("a.txt", bStarted, aStarted)), null, folder);
        assertEquals(List.of(folder.resolve("a.txt"), folder.resolve("b.txt")), written);
        assertEquals("b.txt", Files.readString(folder.resolve("b.txt")));
    }

    @Test
    void aFailingWriterDoesNotStopTheOthersAndEveryFailureIsReported() {
        CountDownLatch none = new CountDownLatch(0);
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class, () -> ReportWriters.writeAll(
                List.of(failing("second broke", "z"), fileWriter("ok.txt", null, none), failing("first broke", "a")),
                null, folder));
        assertEquals("first broke", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("second broke", e.getSuppressed()[0].getMessage());
        assertTrue(Files.exists(folder.resolve("ok.txt")), "the healthy writer still wrote its file");
    }
}
