package org.recworkbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.spec.DatasetSpec;

/**
 * The corpus of broken inputs, one case per defect and adapter, loaded through the running engine (the adapter
 * services of the installed bundles). Every broken file must fail with a {@link DatasetFormatException} naming
 * the file, the line (and column where one field is at fault) and what was wrong; where the defect is a single
 * bad interaction row, {@code skip-bad-rows} must instead leave exactly that row out and say so in the
 * metadata. Line and column numbers below are counted by hand from the fixture text (1-based).
 */
class BrokenInputCorpusTest {

    @TempDir
    Path root;

    /** One fixture: the files of a dataset folder and the expected failure. */
    private record Case(String name, String adapter, Map<String, byte[]> files, String file, long line, int column,
            String says, int rowsWhenSkipping, Map<String, Object> extraOptions) {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String s, int keepBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(utf8(s));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] all = out.toByteArray();
        return keepBytes < 0 ? all : Arrays.copyOf(all, keepBytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static Case bad(String name, String adapter, String fileName, byte[] content, long line, int column,
            String says, int rowsWhenSkipping) {
        return new Case(name, adapter, Map.of(fileName, content), fileName, line, column, says, rowsWhenSkipping,
                Map.of());
    }

    private static final String RATINGS_CSV_HEADER = "userId,movieId,rating,timestamp\n";
    private static final String ML_ROW = "1\t10\t5\t881250949\n";

    static List<Case> corpus() {
        String longLine = "x".repeat((1 << 24) + 10);
        return List.of(
                // MovieLens 100K u.data: the second row has 3 fields
                bad("wrong field count", "movielens", "u.data", utf8(ML_ROW + "2\t10\t3\n"), 2, 0, "field", 1),
                bad("non-numeric rating", "movielens", "u.data", utf8(ML_ROW + "2\t10\tfive\t881250949\n"), 2, 3,
                        "five", 1),
                bad("NaN rating", "movielens", "u.data", utf8(ML_ROW + "2\t10\tNaN\t881250949\n"), 2, 3, "NaN", 1),
                bad("infinite rating", "movielens", "u.data", utf8(ML_ROW + "2\t10\tInfinity\t881250949\n"), 2, 3,
                        "Infinity", 1),
                bad("rating outside 1-5", "movielens", "u.data", utf8(ML_ROW + "2\t10\t6\t881250949\n"), 2, 3,
                        "outside", 1),
                bad("non-numeric timestamp", "movielens", "u.data", utf8(ML_ROW + "2\t10\t4\tyesterday\n"), 2, 4,
                        "yesterday", 1),
                // MovieLens CSV releases
                bad("empty ratings.csv", "movielens", "ratings.csv", new byte[0], 1, 0, "empty", -1),
                bad("truncated gzip", "movielens", "ratings.csv.gz",
                        gzip(RATINGS_CSV_HEADER + "1,1,4.0,1\n".repeat(2000), 60), -1, 0, "", -1),
                bad("ISO-8859-1 byte in a UTF-8 file", "movielens", "ratings.csv",
                        concat(utf8(RATINGS_CSV_HEADER + "1,1,4.0,1\n1,2,4.0,"), new byte[] {(byte) 0xE9, '\n'}),
                        3, 0, "encoding", -1),
                bad("wrong header", "movielens", "ratings.csv", utf8("user,movie,rating,timestamp\n1,1,4.0,1\n"),
                        1, 0, "header", -1),
                bad("missing field in CSV", "movielens", "ratings.csv",
                        utf8(RATINGS_CSV_HEADER + "1,1,4.0,1\r\n1,2,4.0\r\n"), 3, 0, "fields", 1),
                new Case("duplicated movie id", "movielens", Map.of("movies.csv",
                        utf8("movieId,title,genres\n1,Toy Story (1995),Comedy\n1,Jumanji (1995),Fantasy\n"),
                        "ratings.csv", utf8(RATINGS_CSV_HEADER + "1,1,4.0,1\n")), "movies.csv", 3, 1, "twice", -1,
                        Map.of()),
                bad("ratings.dat with 3 fields", "movielens", "ratings.dat", utf8("1::1::5::978300760\n1::2::5\n"),
                        2, 0, "field", 1),
                // HetRec Last.fm: header is line 1
                bad("negative play count", "lastfm", "user_artists.dat",
                        utf8("userID\tartistID\tweight\n2\t51\t13883\n2\t52\t-5\n"), 3, 3, "negative", 1),
                // Jester
                bad("Jester rating above 10", "jester", "jester_ratings.dat", utf8("1 5 0.219\n1 7 11\n"), 2, 3,
                        "outside", 1),
                // Netflix Prize: a movie header line, then CustomerID,Rating,Date
                bad("Netflix date", "netflix", "combined_data_1.txt",
                        utf8("1:\n1488844,3,2005-09-06\n822109,5,06/09/2005\n"), 3, 3, "YYYY-MM-DD", 1),
                bad("Netflix rating before a movie", "netflix", "combined_data_1.txt",
                        utf8("1488844,3,2005-09-06\n"), 1, 0, "before", -1),
                // Book-Crossing (ISO-8859-1, ';'-separated, quoted)
                bad("Book-Crossing rating above 10", "bookcrossing", "BX-Book-Ratings.csv",
                        "\"User-ID\";\"ISBN\";\"Book-Rating\"\n\"276725\";\"034545104X\";\"5\"\n\"276726\";\"0155061224\";\"11\"\n"
                                .getBytes(StandardCharsets.ISO_8859_1), 3, 3, "outside", 1),
                // Amazon 2018 JSON lines: the second line is cut off
                bad("broken JSON line", "amazon", "reviews.json",
                        utf8("{\"reviewerID\":\"A1\",\"asin\":\"B1\",\"overall\":5.0,\"unixReviewTime\":1}\n"
                                + "{\"reviewerID\":\"A2\",\"asin\":\"B1\",\"overall\":\n"), 2, 0, "JSON", 1),
                // Yelp reviews: stars out of range on line 2
                bad("Yelp stars out of range", "yelp", "yelp_academic_dataset_review.json",
                        utf8("{\"user_id\":\"u1\",\"business_id\":\"b1\",\"stars\":4,\"date\":\"2018-07-07 22:09:11\"}\n"
                                + "{\"user_id\":\"u2\",\"business_id\":\"b1\",\"stars\":6,\"date\":\"2018-07-07 22:09:11\"}\n"),
                        2, 0, "stars", 1),
                // generic CSV: a line of 16 Mi characters without a line break
                new Case("huge line", "csv", Map.of("r.csv", utf8("user,item\nu1,i1\n" + longLine)), "r.csv", 3, 0,
                        "longer than", -1, Map.of("user", "user", "item", "item")),
                // conversational benchmark: item_dict.json cut off mid-object
                bad("truncated JSON document", "crs", "item_dict.json", utf8("{\"0\": {\"feature_index\": [1, 2]\n"),
                        -1, 0, "", -1),
                // FINN.no slates: data.npz that is not a NumPy archive
                bad("not an npz archive", "finn-slates", "data.npz", utf8("this is not a zip archive\n"), -1, 0, "",
                        -1),

                // ---- empty and header-only files: refused at the line where rows should start
                bad("empty u.data", "movielens", "u.data", new byte[0], 1, 0, "empty file", -1),
                bad("header-only ratings.csv", "movielens", "ratings.csv", utf8(RATINGS_CSV_HEADER), 2, 0,
                        "no rows after the header", -1),
                bad("header-only user_artists.dat", "lastfm", "user_artists.dat", utf8("userID\tartistID\tweight\n"), 2,
                        0, "no rows after line 1", -1),
                bad("header-only Book-Crossing ratings", "bookcrossing", "BX-Book-Ratings.csv",
                        utf8("\"User-ID\";\"ISBN\";\"Book-Rating\"\n"), 2, 0, "no rows after the header", -1),
                bad("empty Amazon reviews", "amazon", "reviews.json", new byte[0], 1, 0, "empty file", -1),
                bad("empty jester file", "jester", "jester_ratings.dat", new byte[0], 1, 0, "empty file", -1),
                new Case("header-only OBD log", "obd", Map.of("all.csv", utf8(OBD_HEADER)), "all.csv", 2, 0,
                        "no rows after the header", -1, Map.of()),
                new Case("header-only generic CSV", "csv", Map.of("r.csv", utf8("user,item\n")), "r.csv", 2, 0,
                        "no rows after the header", -1, Map.of()),
                bad("empty Spotify slice", "spotify-mpd", "mpd.slice.0-999.json", new byte[0], 1, 0, "empty file",
                        -1),
                bad("empty CRS dictionary", "crs", "item_dict.json", new byte[0], 1, 0, "empty file", -1),

                // ---- ids: non-numeric where the format's are numbers, out of range, junk, NUL bytes
                bad("user id 12x", "movielens", "u.data", utf8(ML_ROW + "12x\t10\t3\t881250949\n"), 2, 1,
                        "user id '12x' is not a number", 1),
                bad("user id u1", "movielens", "u.data", utf8(ML_ROW + "u1\t10\t3\t881250949\n"), 2, 1,
                        "user id 'u1' is not a number", 1),
                bad("movie id beyond 2^31", "movielens", "u.data", utf8(ML_ROW + "2\t3000000000\t3\t881250949\n"), 2,
                        2, "movie id 3000000000 is beyond the format's range", 1),
                bad("non-numeric ratings.dat id", "movielens", "ratings.dat",
                        utf8("1::1::5::978300760\n1::x2::5::978300760\n"), 2, 2, "movie id 'x2' is not a number", 1),
                bad("NUL byte inside a field", "movielens", "u.data",
                        concat(utf8(ML_ROW + "2\t1"), new byte[] {0}, utf8("0\t3\t881250949\n")), 2, 0, "NUL", -1),
                bad("5 MB junk id", "movielens", "u.data", utf8(ML_ROW + "x".repeat(5 << 20) + "\t10\t3\t881250949\n"),
                        2, 1, "characters long", 1),
                bad("Netflix movie id 12x", "netflix", "combined_data_1.txt", utf8("12x:\n1488844,3,2005-09-06\n"), 1,
                        1, "movie id '12x' is not a number", -1),
                bad("Jester user u1", "jester", "jester_ratings.dat", utf8("1 5 0.219\nu1 7 1.5\n"), 2, 1,
                        "user id 'u1' is not a number", 1),
                bad("Last.fm artist id with a letter", "lastfm", "user_artists.dat",
                        utf8("userID\tartistID\tweight\n2\t51\t13883\n2\t5a\t7\n"), 3, 2, "artist id '5a' is not a number",
                        1),
                bad("Yelp user id holding a control character", "yelp", "yelp_academic_dataset_review.json",
                        utf8("{\"user_id\":\"u\\u00011\",\"business_id\":\"b1\",\"stars\":4,\"date\":\"2018-07-07 22:09:11\"}\n"),
                        1, 0, "control character", -1),

                // ---- timestamps: negative, beyond the storable span, milliseconds read as seconds
                bad("negative timestamp", "movielens", "u.data", utf8(ML_ROW + "2\t10\t3\t-5\n"), 2, 4, "negative", 1),
                bad("timestamp 70 years from the others", "movielens", "u.data",
                        utf8(ML_ROW + "2\t10\t3\t3100000000\n"), 2, 4, "within 68 years of each other", 1),
                bad("milliseconds in u.data", "movielens", "u.data", utf8("1\t10\t5\t881250949000\n"), 1, 4,
                        "looks like milliseconds", -1),
                new Case("milliseconds read as seconds in a CSV", "csv",
                        Map.of("r.csv", utf8("user,item,t\nu1,i1,1500000000000\n")), "r.csv", 2, 3,
                        "looks like milliseconds read as seconds: set timestamp-format: epoch-millis", -1,
                        Map.of("timestamp", "t")),

                // ---- values outside what the dataset defines
                new Case("OBD position outside the slate", "obd", Map.of("all.csv", utf8(OBD_HEADER + OBD_ROW
                        + OBD_ROW.replace(",0,1,0,", ",1,4,0,"))), "all.csv", 3, 4, "position 4 is outside the slate", -1,
                        Map.of()),
                new Case("OBD item missing from item_context.csv", "obd", Map.of("all.csv", utf8(OBD_HEADER + OBD_ROW
                        + OBD_ROW.replace(",0,1,0,", ",7,1,0,")), "item_context.csv", utf8(OBD_ITEMS)), "all.csv", 3, 3,
                        "item_id 7 is not in item_context.csv (2 items)", -1, Map.of()),
                new Case("CRS attribute outside the dictionary", "crs", Map.of("tag_map.json", utf8("{\"13\": 0, "
                        + "\"18\": 1}\n"), "item_dict.json", utf8("{\"0\": {\"feature_index\": [0,\n 5]}}\n"),
                        "review_dict_train.json", utf8("{\"5\": [0]}\n"), "review_dict_valid.json", utf8("{}\n"),
                        "review_dict_test.json", utf8("{}\n")), "item_dict.json", 2, 0,
                        "attribute index 5 of item 0 is not in the attribute dictionary of tag_map.json (2 attributes, "
                                + "indexes 0 to 1)", -1, Map.of()),

                // ---- the line numbers that used to be off
                new Case("OBD column missing from the header", "obd", Map.of("all.csv",
                        utf8(OBD_HEADER.replace("click,", "clicked,") + OBD_ROW)), "all.csv", 1, 0,
                        "no column 'click' in the header", -1, Map.of()),
                new Case("CRS item missing from item_dict.json", "crs", Map.of("item_dict.json",
                        utf8("{\"0\": {\"feature_index\": [1]}}\n"), "review_dict_train.json",
                        utf8("{\n  \"5\": [\n    0,\n    7\n  ]\n}\n"), "review_dict_valid.json", utf8("{}\n"),
                        "review_dict_test.json", utf8("{}\n")), "review_dict_train.json", 4, 0,
                        "item 7 of user 5 is not in item_dict.json", -1, Map.of()),
                new Case("unterminated quote in movies.csv", "movielens", Map.of("movies.csv",
                        utf8("movieId,title,genres\n1,\"Toy Story (1995),Comedy\n2,Jumanji (1995),Fantasy\n"),
                        "ratings.csv", utf8(RATINGS_CSV_HEADER + "1,1,4.0,1\n")), "movies.csv", 2, 0,
                        "never closed", -1, Map.of()),
                new Case("unterminated quote in a generic CSV", "csv", Map.of("r.csv",
                        utf8("user,item\nu1,i1\nu2,\"i2\nu3,i3\n")), "r.csv", 3, 0, "never closed", -1, Map.of()));
    }

    /** An OBD log without affinity columns, and a row of it (item 0 at position 1, no click). */
    private static final String OBD_HEADER = ",timestamp,item_id,position,click,propensity_score,user_feature_0,"
            + "user_feature_1,user_feature_2,user_feature_3\n";
    private static final String OBD_ROW = "0,2019-11-24 00:03:13.442536+00:00,0,1,0,0.5,a,b,c,d\n";
    private static final String OBD_ITEMS = ",item_id,item_feature_0,item_feature_1,item_feature_2,item_feature_3\n"
            + "0,0,0.5,x,y,z\n1,1,0.1,x,y,z\n";

    @TestFactory
    Stream<DynamicTest> everyBrokenFileFailsWithItsPlace() {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.adapter() + ": " + c.name(), () -> {
            Path dir = Files.createDirectories(root.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
            for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
            Map<String, Object> options = new LinkedHashMap<>(c.extraOptions());
            boolean singleFile = c.adapter().equals("amazon") || c.adapter().equals("csv")
                    || c.adapter().equals("spotify-mpd");
            options.put("path", (singleFile ? dir.resolve(c.file()) : dir).toString());
            RuntimeException e = assertThrows(RuntimeException.class, () -> runner.loadDataset(
                    new DatasetSpec(c.adapter(), options), List.of(), ProgressMonitor.NONE));
            DatasetFormatException error = assertInstanceOf(DatasetFormatException.class, e, e.toString());
            assertEquals(c.file(), error.file().getFileName().toString(), error.getMessage());
            if (c.line() >= 0) {
                assertEquals(c.line(), error.line(), error.getMessage());
                assertEquals(c.column(), error.column(), error.getMessage());
            }
            assertTrue(error.getMessage().contains(c.says()), error.getMessage());
            assertTrue(error.getMessage().contains(c.file()), "the message names the file: " + error.getMessage());
            if (c.rowsWhenSkipping() >= 0) {
                Map<String, Object> skipping = new HashMap<>(options);
                skipping.put("skip-bad-rows", true);
                Dataset d = runner.loadDataset(new DatasetSpec(c.adapter(), skipping), List.of(),
                        ProgressMonitor.NONE);
                assertEquals(c.rowsWhenSkipping(), d.interactions().size(), "only the bad row is left out");
                assertEquals("1", d.metadata().get("skippedRows"));
                assertTrue(d.metadata().get("firstSkipReason").contains(c.file() + ":" + c.line()),
                        d.metadata().get("firstSkipReason"));
            }
        }));
    }

    /** A file that loads, with the rows it must give and the one warning it must raise. */
    private record Odd(String name, String adapter, String file, byte[] content, int rows, String key, String says,
            Map<String, Object> extraOptions) {
    }

    /** Odd but valid files: each loads with every row kept, and its warning names the count and the first place. */
    static List<Odd> oddities() {
        return List.of(
                new Odd("repeated pair", "movielens", "u.data",
                        utf8("1\t10\t5\t881250949\n2\t11\t3\t881250951\n1\t10\t4\t881250950\n"), 3,
                        "warning.duplicates", "1 repeated (user, item) pair, first at u.data:3 (user 1, item 10); all "
                                + "kept", Map.of()),
                new Odd("blank lines between rows", "movielens", "u.data",
                        utf8("1\t10\t5\t881250949\n\n\n2\t10\t3\t881250949\n\n"), 2, "warning.blank-lines",
                        "2 blank lines skipped, first at u.data:2", Map.of()),
                new Odd("half star in ML-100K", "movielens", "u.data",
                        utf8("1\t10\t5\t881250949\n2\t10\t3.5\t881250949\n"), 2, "warning.fractional-ratings",
                        "1 rating with a fraction in a release rated in whole steps (1.0-5.0), first at u.data:2 (3.5)",
                        Map.of()),
                new Odd("blank line in ratings.csv", "movielens", "ratings.csv",
                        utf8(RATINGS_CSV_HEADER + "1,1,4.0,1\n\n1,2,4.0,2\n"), 2, "warning.blank-lines",
                        "1 blank line skipped, first at ratings.csv:3", Map.of()),
                new Odd("repeated Amazon review", "amazon", "reviews.json",
                        utf8("{\"reviewerID\":\"A1\",\"asin\":\"B1\",\"overall\":5.0,\"unixReviewTime\":1}\n"
                                + "{\"reviewerID\":\"A1\",\"asin\":\"B1\",\"overall\":4.0,\"unixReviewTime\":2}\n"),
                        2, "warning.duplicates", "1 repeated (user, item) pair, first at reviews.json:2 (user A1, item "
                                + "B1)", Map.of()),
                new Odd("blank line in a generic CSV", "csv", "r.csv", utf8("user,item\nu1,i1\n\nu2,i1\n"), 2,
                        "warning.blank-lines", "1 blank line skipped, first at r.csv:3", Map.of()));
    }

    @TestFactory
    Stream<DynamicTest> oddButValidFilesLoadWholeWithAWarning() {
        ExperimentRunner runner = Services.await(ExperimentRunner.class);
        return oddities().stream().map(c -> DynamicTest.dynamicTest(c.adapter() + ": " + c.name(), () -> {
            Path dir = Files.createDirectories(root.resolve("odd-" + c.name().replaceAll("[^A-Za-z0-9]+", "-")));
            Files.write(dir.resolve(c.file()), c.content());
            Map<String, Object> options = new LinkedHashMap<>(c.extraOptions());
            boolean singleFile = c.adapter().equals("amazon") || c.adapter().equals("csv");
            options.put("path", (singleFile ? dir.resolve(c.file()) : dir).toString());
            Dataset d = runner.loadDataset(new DatasetSpec(c.adapter(), options), List.of(), ProgressMonitor.NONE);
            assertEquals(c.rows(), d.interactions().size(), "every row is kept");
            String warning = d.warnings().get(c.key());
            assertTrue(warning != null && warning.startsWith(c.says()), c.key() + " = " + warning + "; all: "
                    + d.warnings());
            assertEquals(1, d.warnings().size(), "only this warning: " + d.warnings());
        }));
    }
}
