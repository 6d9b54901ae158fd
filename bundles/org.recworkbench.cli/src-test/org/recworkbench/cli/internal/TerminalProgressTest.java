package org.recworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the progress bar prints when stderr is a log (not a terminal) and when it is a terminal. */
class TerminalProgressTest {

    @Test
    void aLogGetsTheStartAndTheEndWithTheLatestReportedValues() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.begin("fit sasrec", 3);
        p.report("loss", 1, 0.69314);
        p.worked(1);
        p.report("loss", 2, 0.41726);
        p.worked(1);
        p.done();
        p.begin("evaluate sasrec", 10);
        p.done();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("  fit sasrec ...", lines[0]);
        assertTrue(lines[1].matches("  fit sasrec done in \\d+\\.\\d\\d s \\(loss 0\\.4173\\)"), lines[1]);
        // a new task starts without the previous one's values
        assertTrue(lines[3].matches("  evaluate sasrec done in \\d+\\.\\d\\d s"), lines[3]);
    }

    @Test
    void aTerminalSeesTheValueNextToTheBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.begin("fit neumf", 20);
        p.worked(1);
        p.report("loss", 1, 0.5);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        String last = drawn.substring(drawn.lastIndexOf('\r'));
        assertTrue(last.contains("fit neumf 1/20") && last.endsWith(" loss 0.5000"), last);
    }
}
