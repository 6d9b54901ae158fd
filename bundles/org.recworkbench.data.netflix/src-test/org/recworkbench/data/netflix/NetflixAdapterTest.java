package org.recworkbench.data.netflix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/** Fixtures in the Netflix Prize layout (the data itself is not in shared/datasets). */
class NetflixAdapterTest {
    @TempDir
    Path dir;

    private Dataset load(boolean probe) {
        return new NetflixAdapter().load(Map.of("path", dir.toString(), "probe", probe), ProgressMonitor.NONE);
    }

    private void fixture() throws Exception {
        Files.createDirectories(dir.resolve("training_set"));
        Files.writeString(dir.resolve("training_set/mv_0000001.txt"), "1:\n1488844,3,2005-09-06\n822109,5,2005-05-13\n");
        Files.writeString(dir.resolve("training_set/mv_0000002.txt"), "2:\n822109,4,2004-01-01\n");
        Files.writeString(dir.resolve("movie_titles.txt"), "1,2003,Dinosaur Planet\n2,NULL,Isle of Man TT, Review\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("probe.txt"), "2:\n822109\n");
    }

    @Test
    void readsMovieBlocksTitlesAndTheProbeSet() throws Exception {
        fixture();
        Dataset d = load(true);
        assertEquals(3, d.interactions().size());
        assertEquals(2, d.users().size());
        assertEquals(1125964800L, d.interactions().timestamp(0)); // 2005-09-06T00:00Z
        assertEquals("Isle of Man TT, Review", d.itemAttributes().text().get("title")[d.items().indexOf("2")]);
        assertTrue(Double.isNaN(d.itemAttributes().numeric().get("year")[d.items().indexOf("2")]));
        assertArrayEquals(new float[] {0, 0, 1}, d.interactions().extraColumns().get("heldout"));
    }

    @Test
    void combinedDataFilesAndErrors() throws Exception {
        Files.writeString(dir.resolve("combined_data_1.txt"), "1:\n7,3,2005-09-06\n2:\n7,9,2005-09-06\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(false));
        assertEquals(4, e.line());
        assertEquals(2, e.column());
        Files.writeString(dir.resolve("combined_data_1.txt"), "7,3,2005-09-06\n");
        assertTrue(assertThrows(DatasetFormatException.class, () -> load(false)).getMessage().contains("MovieID"));
    }
}
