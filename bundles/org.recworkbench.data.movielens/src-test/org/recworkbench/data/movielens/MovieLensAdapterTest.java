package org.recworkbench.data.movielens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/** Fixtures in each MovieLens layout, written by the tests themselves. */
class MovieLensAdapterTest {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

    @TempDir
    Path dir;

    private final MovieLensAdapter adapter = new MovieLensAdapter();

    private Dataset load(Map<String, Object> extra) {
        Map<String, Object> options = new java.util.HashMap<>(extra);
        options.put("path", dir.toString());
        return adapter.load(options, ProgressMonitor.NONE);
    }

    private void write(String name, String content, Charset cs) throws IOException {
        Files.writeString(dir.resolve(name), content, cs);
    }

    private void write100k() throws IOException {
        write("u.data", "1\t10\t5\t881250949\n2\t10\t3\t891717742\n1\t20\t4\t878887116\n", StandardCharsets.UTF_8);
        write("u.item", "10|Caf\u00e9 Society (1995)|01-Jan-1995||http://x|0|0|0|0|0|1|0|0|1|0|0|0|0|0|0|0|0|0|0\n"
                + "20|Heat (1995)|15-Dec-1995||http://y|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0\n"
                + "30|Unrated (1996)|01-Jan-1996||http://z|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n", LATIN1);
        write("u.user", "1|24|M|technician|85711\n2|53|F|other|94043\n", StandardCharsets.UTF_8);
    }

    @Test
    void reads100kWithLatin1TitlesGenresAndUsers() throws IOException {
        write100k();
        Dataset d = load(Map.of());
        assertEquals(3, d.interactions().size());
        assertEquals(2, d.users().size());
        assertEquals(3, d.items().size(), "all items of u.item are indexed, rated or not");
        int cafe = d.items().indexOf("10");
        assertEquals("Caf\u00e9 Society (1995)", d.itemAttributes().text().get("title")[cafe]);
        assertEquals(List.of("Comedy", "Drama"), d.itemAttributes().categorical().get("genre").labelsOf(cafe));
        assertEquals(1995.0, d.itemAttributes().numeric().get("year")[cafe]);
        assertEquals(53.0, d.userAttributes().numeric().get("age")[d.users().indexOf("2")]);
        assertEquals(List.of("F"), d.userAttributes().categorical().get("gender").labelsOf(d.users().indexOf("2")));
        int row = 1; // second line: user 2, item 10, rating 3
        assertEquals(d.users().indexOf("2"), d.interactions().users()[row]);
        assertEquals(3f, d.interactions().values()[row]);
        assertEquals(891717742L, d.interactions().timestamp(row));
    }

    @Test
    void readsOfficialFoldWithHeldOutFlags() throws IOException {
        write100k();
        write("u1.base", "1\t10\t5\t881250949\n2\t10\t3\t891717742\n", StandardCharsets.UTF_8);
        write("u1.test", "1\t20\t4\t878887116\n", StandardCharsets.UTF_8);
        Dataset d = load(Map.of("fold", "u1"));
        assertArrayEquals(new float[] {0, 0, 1}, d.interactions().extraColumns().get("heldout"));
        assertEquals("u1", d.metadata().get("fold"));
    }

    @Test
    void malformedTabLineNamesFileAndLine() throws IOException {
        write100k();
        write("u.data", "1\t10\t5\t881250949\n2\t10\t3\n", StandardCharsets.UTF_8);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(Map.of()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("u.data:2"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 4 fields"), e.getMessage());
    }

    @Test
    void nonNumericAndOutOfScaleRatingsAreRejectedWithColumn() throws IOException {
        write100k();
        write("u.data", "1\t10\tfive\t881250949\n", StandardCharsets.UTF_8);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(Map.of()));
        assertEquals(1, e.line());
        assertEquals(3, e.column());
        write("u.data", "1\t10\t5\t1\n1\t20\t7\t2\n", StandardCharsets.UTF_8);
        DatasetFormatException scale = assertThrows(DatasetFormatException.class, () -> load(Map.of()));
        assertEquals(2, scale.line());
        assertTrue(scale.getMessage().contains("outside the scale"), scale.getMessage());
        write("u.data", "1\t10\tNaN\t1\n", StandardCharsets.UTF_8);
        assertThrows(DatasetFormatException.class, () -> load(Map.of()));
    }

    @Test
    void readsDatLayoutOf1M() throws IOException {
        write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n",
                StandardCharsets.UTF_8);
        write("movies.dat", "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
                + "661::James and the Giant Peach (1996)::Animation|Children's|Musical\n", LATIN1);
        write("users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n", StandardCharsets.UTF_8);
        Dataset d = load(Map.of());
        assertEquals(3, d.interactions().size());
        assertEquals(List.of("Animation", "Children's", "Musical"),
                d.itemAttributes().categorical().get("genre").labelsOf(d.items().indexOf("661")));
        assertEquals(56.0, d.userAttributes().numeric().get("age")[d.users().indexOf("2")]);
    }

    @Test
    void readsCsvLayoutWithQuotesCrlfBomTagsAndHalfStars() throws IOException {
        write("ratings.csv", "\uFEFFuserId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,4.5,964981247\r\n"
                + "2,1,0.5,964982224\r\n", StandardCharsets.UTF_8);
        write("movies.csv", "movieId,title,genres\r\n1,Toy Story (1995),Adventure|Animation\r\n"
                + "3,\"American President, The (1995)\",Comedy|Drama|Romance\r\n", StandardCharsets.UTF_8);
        write("tags.csv", "userId,movieId,tag,timestamp\r\n2,3,\"politics, satire\",1445714994\r\n2,3,Funny,1\r\n",
                StandardCharsets.UTF_8);
        write("links.csv", "movieId,imdbId,tmdbId\r\n1,0114709,862\r\n3,0112346,\r\n", StandardCharsets.UTF_8);
        Dataset d = load(Map.of());
        assertEquals(3, d.interactions().size());
        int president = d.items().indexOf("3");
        assertEquals("American President, The (1995)", d.itemAttributes().text().get("title")[president]);
        assertEquals(List.of("politics, satire", "funny"),
                d.itemAttributes().categorical().get("tag").labelsOf(president));
        assertEquals(0.5f, d.interactions().values()[2]);
        assertEquals("0114709", d.itemAttributes().text().get("imdbId")[d.items().indexOf("1")]);
        assertEquals(null, d.itemAttributes().text().get("tmdbId")[president], "an empty tmdbId stays unknown");
    }

    @Test
    void truncatedGzipIsAReadError() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 2000; i++) {
                out.write(("1::" + i + "::5::1\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = bytes.toByteArray();
        Files.write(dir.resolve("ratings.dat.gz"), java.util.Arrays.copyOf(all, all.length / 2));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("ratings.dat.gz"), e.getMessage());
    }

    /** The real ml-latest-small: figures from its README.txt (100836 ratings, 9742 movies, 610 users, 3683 tags). */
    @Test
    void realLatestSmall() throws IOException {
        Path real = Path.of(System.getProperty("recworkbench.datasets", "../../../shared/datasets"),
                "ml-latest-small");
        assertTrue(Files.isDirectory(real), "dataset not found at " + real.toAbsolutePath());
        Dataset d = adapter.load(Map.of("path", real.toString()), ProgressMonitor.NONE);
        assertEquals(100_836, d.interactions().size());
        assertEquals(610, d.users().size());
        assertEquals(9742, d.items().size());
        long tagAssignments = Files.readAllLines(real.resolve("tags.csv")).size() - 1;
        assertEquals(3683, tagAssignments);
        double mean = 0;
        List<String> rows = Files.readAllLines(real.resolve("ratings.csv"));
        for (String r : rows.subList(1, rows.size())) {
            mean += Double.parseDouble(r.split(",")[2]);
        }
        mean /= rows.size() - 1;
        double loaded = 0;
        for (float v : d.interactions().values()) {
            loaded += v;
        }
        assertEquals(mean, loaded / d.interactions().size(), 1e-9);
        assertEquals("Toy Story (1995)", d.itemAttributes().text().get("title")[d.items().indexOf("1")]);
        assertEquals("0114709", d.itemAttributes().text().get("imdbId")[d.items().indexOf("1")]);
    }

    /** The archive as GroupLens ships it (one top folder, several files) is read in place, without unpacking. */
    @Test
    void readsTheReleaseArchiveInPlace() throws IOException {
        write100k();
        Path zip = dir.resolveSibling(dir.getFileName() + "-ml-100k.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"u.data", "u.item", "u.user"}) {
                out.putNextEntry(new java.util.zip.ZipEntry("ml-100k/" + name));
                out.write(Files.readAllBytes(dir.resolve(name)));
            }
        }
        Dataset fromFolder = load(Map.of());
        Dataset fromZip = adapter.load(Map.of("path", zip.toString()), ProgressMonitor.NONE);
        assertEquals(fromFolder.interactions().size(), fromZip.interactions().size());
        assertEquals(fromFolder.items().size(), fromZip.items().size());
        assertArrayEquals(fromFolder.interactions().values(), fromZip.interactions().values());
        assertEquals("Caf\u00e9 Society (1995)",
                fromZip.itemAttributes().text().get("title")[fromZip.items().indexOf("10")]);
        Files.writeString(zip, "not a zip");
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> adapter.load(Map.of("path", zip.toString()), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("zip"), e.getMessage());
        Files.delete(zip);
    }

    @Test
    void csvWithWrongHeaderOrFieldCountFailsAtTheRow() throws IOException {
        write("ratings.csv", "user,movie,rating,timestamp\n1,1,4.0,1\n", StandardCharsets.UTF_8);
        DatasetFormatException header = assertThrows(DatasetFormatException.class, () -> load(Map.of()));
        assertEquals(1, header.line());
        assertTrue(header.getMessage().contains("expected 'userId,movieId,rating,timestamp'"), header.getMessage());
        write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,4.0\n", StandardCharsets.UTF_8);
        DatasetFormatException fields = assertThrows(DatasetFormatException.class, () -> load(Map.of()));
        assertEquals(3, fields.line());
        write("ratings.csv", "", StandardCharsets.UTF_8);
        assertTrue(assertThrows(DatasetFormatException.class, () -> load(Map.of())).getMessage().contains("empty"));
    }

    @Test
    void readsGzippedRatings() throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("ratings.dat.gz")))) {
            out.write("1::1::5::1\n2::1::3::2\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, load(Map.of()).interactions().size());
    }

    @Test
    void invalidUtf8InRatingsIsAnEncodingError() throws IOException {
        Files.write(dir.resolve("ratings.dat"), new byte[] {'1', ':', ':', (byte) 0xE9, ':', ':', '5', ':', ':', '1',
                '\n'});
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(Map.of()));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("encoding"), e.getMessage());
    }

    @Test
    void missingFolderOrFilesAndBadOptionsAreSpecErrors() {
        assertThrows(InvalidSpecException.class, () -> adapter.load(Map.of("path", dir.resolve("nope").toString()),
                ProgressMonitor.NONE));
        assertThrows(InvalidSpecException.class, () -> load(Map.of()));
        assertThrows(InvalidSpecException.class, () -> load(Map.of("variant", "2m")));
        assertThrows(InvalidSpecException.class, () -> adapter.load(Map.of(), ProgressMonitor.NONE));
    }
}
