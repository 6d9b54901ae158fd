package org.recworkbench.data.jester;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/** Fixtures in the Jester text layout (the data itself is not in shared/datasets). */
class JesterAdapterTest {
    @TempDir
    Path dir;

    private Dataset load() {
        return new JesterAdapter().load(Map.of("path", dir.toString()), ProgressMonitor.NONE);
    }

    @Test
    void readsWhitespaceSeparatedContinuousRatings() throws Exception {
        Files.writeString(dir.resolve("jester_ratings.dat"), "1         5         0.219\n1\t7\t-9.281\n2  5  10\n");
        Dataset d = load();
        assertArrayEquals(new float[] {0.219f, -9.281f, 10f}, d.interactions().values());
        assertEquals(2, d.items().size());
    }

    @Test
    void outOfScaleRatingsNameTheLine() throws Exception {
        Files.writeString(dir.resolve("jester_ratings.dat"), "1 5 0.2\n1 7 -10.5\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, this::load);
        assertEquals(2, e.line());
        assertEquals(3, e.column());
    }
}
