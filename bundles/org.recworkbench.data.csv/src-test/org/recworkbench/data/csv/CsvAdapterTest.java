package org.recworkbench.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

class CsvAdapterTest {
    @TempDir
    Path dir;

    private final CsvAdapter adapter = new CsvAdapter();

    private Dataset load(Path file, Object... options) {
        Map<String, Object> o = new HashMap<>();
        o.put("path", file.toString());
        for (int i = 0; i < options.length; i += 2) {
            o.put((String) options[i], options[i + 1]);
        }
        return adapter.load(o, ProgressMonitor.NONE);
    }

    @Test
    void mapsColumnsByNameWithQuotesAndDates() throws Exception {
        Path f = Files.writeString(dir.resolve("r.csv"), "when,who,what,stars\n"
                + "2020-01-02 03:04:05,\"Smith, J\",i1,4.5\n2020-01-03 00:00:00,u2,\"i,2\",3\n");
        Dataset d = load(f, "user", "who", "item", "what", "rating", "stars", "timestamp", "when",
                "timestamp-format", "yyyy-MM-dd HH:mm:ss");
        assertEquals(2, d.interactions().size());
        assertEquals("Smith, J", d.users().id(0));
        assertEquals("i,2", d.items().id(1));
        assertArrayEquals(new float[] {4.5f, 3f}, d.interactions().values());
        assertEquals(1577934245L, d.interactions().timestamp(0)); // 2020-01-02T03:04:05Z
    }

    @Test
    void headerlessTabSeparatedLatin1ByIndex() throws Exception {
        Path f = dir.resolve("r.tsv");
        Files.writeString(f, "Zoë\titem\t1588687728923\n", StandardCharsets.ISO_8859_1);
        Dataset d = load(f, "header", false, "delimiter", "tab", "encoding", "ISO-8859-1", "user", "1", "item", "2",
                "timestamp", "3", "timestamp-format", "epoch-millis");
        assertEquals("Zoë", d.users().id(0));
        assertEquals(1588687728L, d.interactions().timestamp(0));
        assertTrue(d.isImplicit());
    }

    @Test
    void badRowsFailWithLineAndColumnUnlessSkippingWasAskedFor() throws Exception {
        Path f = Files.writeString(dir.resolve("r.csv"), "user,item,rating\nu1,i1,4\nu2,i2,NaN\nu3,i3,9\nu4\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(f, "rating", "rating"));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        Dataset d = load(f, "rating", "rating", "rating-min", 1, "rating-max", 5, "skip-bad-rows", true);
        assertEquals(1, d.interactions().size());
        assertEquals("3", d.metadata().get("skippedRows"));
        assertTrue(d.metadata().get("firstSkipReason").contains("r.csv:3"), d.metadata().get("firstSkipReason"));
    }

    @Test
    void mappingMistakesAreSpecErrors() throws Exception {
        Path f = Files.writeString(dir.resolve("r.csv"), "user,item\nu1,i1\n");
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> load(f, "rating", "stars"));
        assertEquals("dataset.options.rating", e.field());
        assertTrue(e.getMessage().contains("no column 'stars' in the header of " + f + " (line 1), which has user, "
                + "item"), "names the file and what it has: " + e.getMessage());
        assertThrows(InvalidSpecException.class, () -> load(f, "delimiter", ";;"));
        assertThrows(InvalidSpecException.class, () -> load(f, "encoding", "klingon"));
        assertThrows(InvalidSpecException.class, () -> load(f, "header", false));
        Path empty = Files.writeString(dir.resolve("e.csv"), "");
        assertThrows(DatasetFormatException.class, () -> load(empty));
    }
}
