package org.recworkbench.data.bookcrossing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/** Fixtures in the Book-Crossing layout (the data itself is not in shared/datasets). */
class BookCrossingAdapterTest {
    @TempDir
    Path dir;

    private Dataset load(String ratings) {
        return new BookCrossingAdapter().load(Map.of("path", dir.toString(), "ratings", ratings), ProgressMonitor.NONE);
    }

    private void fixture() throws Exception {
        Files.writeString(dir.resolve("BX-Book-Ratings.csv"), "\"User-ID\";\"ISBN\";\"Book-Rating\"\n"
                + "\"276725\";\"034545104X\";\"0\"\n\"276726\";\"0155061224\";\"5\"\n\"276727\";\"0446520802\";\"10\"\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("BX-Books.csv"), "\"ISBN\";\"Book-Title\";\"Book-Author\";"
                + "\"Year-Of-Publication\";\"Publisher\";\"Image-URL-S\"\n\"0155061224\";\"Rites of Passage\";"
                + "\"Judith Rae\";\"2001\";\"Heinle\";\"http://x\"\n\"0446520802\";\"The Notebook\";"
                + "\"Nicholas Sparks\";\"0\";\"Warner Books\";\"http://y\"\n", StandardCharsets.ISO_8859_1);
    }

    @Test
    void explicitKeepsOneToTenImplicitKeepsEverything() throws Exception {
        fixture();
        Dataset explicit = load("explicit");
        assertArrayEquals(new float[] {5, 10}, explicit.interactions().values());
        int notebook = explicit.items().indexOf("0446520802");
        assertEquals("The Notebook", explicit.itemAttributes().text().get("title")[notebook]);
        assertEquals(List.of("Nicholas Sparks"), explicit.itemAttributes().categorical().get("author")
                .labelsOf(notebook));
        assertEquals(Double.NaN, explicit.itemAttributes().numeric().get("year")[notebook]);
        Dataset implicit = load("implicit");
        assertArrayEquals(new float[] {1, 1, 1}, implicit.interactions().values());
    }

    @Test
    void outOfRangeRatingsNameTheLine() throws Exception {
        Files.writeString(dir.resolve("BX-Book-Ratings.csv"), "\"User-ID\";\"ISBN\";\"Book-Rating\"\n"
                + "\"1\";\"2\";\"11\"\n", StandardCharsets.ISO_8859_1);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load("explicit"));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
    }
}
