package org.recworkbench.data.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.data.IdIndex;

class NumericRatingsReaderTest {
    @TempDir
    Path dir;

    private record Row(int user, int item, float rating, long time, long line) {
    }

    private List<Row> rows;
    private IdIndex.Builder users;
    private IdIndex.Builder items;

    private boolean read(Path file, String sep, boolean header) {
        rows = new ArrayList<>();
        users = new IdIndex.Builder();
        items = new IdIndex.Builder();
        return new NumericRatingsReader(users, items, Long.MAX_VALUE).read(file, sep, header,
                (u, i, r, t, line) -> rows.add(new Row(u, i, r, t, line)));
    }

    @Test
    void parsesCsvWithHeaderCrlfAndNoFinalNewline() throws Exception {
        Path f = Files.writeString(dir.resolve("ratings.csv"),
                "userId,movieId,rating,timestamp\r\n1,31,2.5,1260759144\r\n1,1029,3,1260759179\r\n7,31,0.5,5");
        assertTrue(read(f, ",", true));
        assertEquals(List.of(new Row(0, 0, 2.5f, 1260759144L, 2), new Row(0, 1, 3f, 1260759179L, 3),
                new Row(1, 0, 0.5f, 5L, 4)), rows);
        assertEquals("7", users.build().id(1));
        assertEquals("1029", items.build().id(1));
    }

    @Test
    void parsesMultiByteSeparatorsAndGzip() throws Exception {
        Path f = dir.resolve("ratings.dat.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("1::1193::5::978300760\n2::1193::4::978298413\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(read(f, "::", false));
        assertEquals(2, rows.size());
        assertEquals(4f, rows.get(1).rating());
    }

    @Test
    void readsASingleFileZipAndRefusesSeveral() throws Exception {
        Path zip = dir.resolve("u.data.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("u.data"));
            out.write("1\t2\t3\t4\n".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertTrue(read(zip, "\t", false));
        assertEquals(1, rows.size());
        Path two = dir.resolve("two.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(two))) {
            for (String name : new String[] {"a", "b"}) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write("1\t2\t3\t4\n".getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }
        org.recworkbench.api.DatasetFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.recworkbench.api.DatasetFormatException.class, () -> read(two, "\t", false));
        assertTrue(e.getMessage().contains("several files"), e.getMessage());
    }

    @Test
    void declinesWhatItCannotParseExactly() throws Exception {
        for (String bad : new String[] {"1,\"31\",2.5,1\n", "01,31,2.5,1\n", "1,31,2.5,1,9\n", "1,31,2.5e0,1\n",
            "1,31,,1\n", "a,31,2,1\n", "1,31,2\n", "1,31,NaN,1\n"}) {
            Path f = Files.writeString(dir.resolve("r.csv"), "1,30,4,1\n" + bad);
            assertFalse(read(f, ",", false), bad);
        }
    }

    @Test
    void mapsIdsThroughExistingBuildersInFirstSeenOrder() throws Exception {
        Path f = Files.writeString(dir.resolve("r.tsv"), "5\t9\t1\t0\n3\t9\t2\t0\n5\t8\t3\t0\n");
        rows = new ArrayList<>();
        users = new IdIndex.Builder();
        items = new IdIndex.Builder();
        items.intern("8"); // e.g. from a movies file read before the ratings
        assertTrue(new NumericRatingsReader(users, items, Long.MAX_VALUE).read(f, "\t", false,
                (u, i, r, t, line) -> rows.add(new Row(u, i, r, t, line))));
        assertEquals(List.of(0, 1, 0), rows.stream().map(Row::user).toList());
        assertEquals(List.of(1, 1, 0), rows.stream().map(Row::item).toList());
    }
}
