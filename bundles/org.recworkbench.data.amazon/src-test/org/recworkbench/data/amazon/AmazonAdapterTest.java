package org.recworkbench.data.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

class AmazonAdapterTest {
    @TempDir
    Path dir;

    private final AmazonAdapter adapter = new AmazonAdapter();

    private Dataset load(Path reviews, Path meta) {
        Map<String, Object> o = new java.util.HashMap<>();
        o.put("path", reviews.toString());
        if (meta != null) {
            o.put("metadata", meta.toString());
        }
        return adapter.load(o, ProgressMonitor.NONE);
    }

    @Test
    void reads2018ReviewsWithMetadataAndCountsDuplicates() throws Exception {
        Path reviews = Files.writeString(dir.resolve("Fashion_5.json"),
                "{\"overall\": 5.0, \"reviewerID\": \"A1\", \"asin\": \"B1\", \"unixReviewTime\": 1441324800}\n"
                        + "{\"overall\": 4.0, \"reviewerID\": \"A1\", \"asin\": \"B1\", \"unixReviewTime\": 1441324801}\n"
                        + "{\"overall\": 2.0, \"reviewerID\": \"A2\", \"asin\": \"B2\", \"unixReviewTime\": 1}\n");
        Path meta = Files.writeString(dir.resolve("meta.json"), "{\"asin\": \"B1\", \"title\": \"Shoe\", \"brand\": "
                + "\"Acme\", \"price\": \"$12.99\", \"category\": [\"Clothing\", \"Shoes\"]}\n"
                + "{\"asin\": \"B9\", \"title\": \"Not reviewed\"}\n");
        Dataset d = load(reviews, meta);
        assertEquals(3, d.interactions().size());
        assertEquals("1", d.metadata().get("duplicatePairs"));
        int b1 = d.items().indexOf("B1");
        assertEquals("Shoe", d.itemAttributes().text().get("title")[b1]);
        assertEquals(12.99, d.itemAttributes().numeric().get("price")[b1], 1e-12);
        assertEquals(List.of("Clothing", "Shoes"), d.itemAttributes().categorical().get("category").labelsOf(b1));
        assertEquals(List.of("Acme"), d.itemAttributes().categorical().get("brand").labelsOf(b1));
        assertTrue(Double.isNaN(d.itemAttributes().numeric().get("price")[d.items().indexOf("B2")]));
    }

    @Test
    void reads2023ReviewsGzipped() throws Exception {
        Path reviews = dir.resolve("All_Beauty.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(reviews))) {
            out.write(("{\"rating\": 4.0, \"user_id\": \"U1\", \"asin\": \"X1\", \"parent_asin\": \"P1\", "
                    + "\"timestamp\": 1588687728923}\n").getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = load(reviews, null);
        assertEquals("P1", d.items().id(0), "2023 reviews are keyed by parent_asin");
        assertEquals(1588687728L, d.interactions().timestamp(0));
    }

    @Test
    void badLinesNameTheLine() throws Exception {
        Path reviews = Files.writeString(dir.resolve("r.json"), "{\"overall\": 5.0, \"reviewerID\": \"A1\", "
                + "\"asin\": \"B1\", \"unixReviewTime\": 1}\n{\"overall\": \"five\", \"reviewerID\": \"A1\", "
                + "\"asin\": \"B2\", \"unixReviewTime\": 1}\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(reviews, null));
        assertEquals(2, e.line());
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"overall\": 5.0,\n");
        assertTrue(assertThrows(DatasetFormatException.class, () -> load(broken, null)).getMessage()
                .contains("not valid JSON"));
        Path scale = Files.writeString(dir.resolve("s.json"), "{\"overall\": 7.0, \"reviewerID\": \"A1\", "
                + "\"asin\": \"B1\", \"unixReviewTime\": 1}\n");
        assertTrue(assertThrows(DatasetFormatException.class, () -> load(scale, null)).getMessage()
                .contains("outside the scale"));
    }

    /** The shared 2018 AMAZON_FASHION 5-core: counts recomputed from the raw lines; README figures. */
    @Test
    void realFashion5Core() throws Exception {
        Path file = Path.of(System.getProperty("recworkbench.datasets", "../../../shared/datasets"),
                "amazon-fashion-5core-2018", "AMAZON_FASHION_5.jsonl");
        assertTrue(Files.isRegularFile(file), "dataset not found at " + file.toAbsolutePath());
        List<String> lines = Files.readAllLines(file);
        Set<String> pairs = new HashSet<>();
        for (String l : lines) {
            String user = l.replaceAll(".*\"reviewerID\": \"([^\"]+)\".*", "$1");
            String item = l.replaceAll(".*\"asin\": \"([^\"]+)\".*", "$1");
            pairs.add(user + "\t" + item);
        }
        Dataset d = load(file, null);
        assertEquals(lines.size(), d.interactions().size());
        assertEquals(3176, d.interactions().size(), "README: 3,176 reviews");
        assertEquals(406, d.users().size(), "README: 406 users");
        assertEquals(31, d.items().size(), "README: 31 items");
        assertEquals(lines.size() - pairs.size(), Long.parseLong(d.metadata().get("duplicatePairs")));
        assertEquals(134, Long.parseLong(d.metadata().get("duplicatePairs")), "README: 134 duplicate pairs");
    }
}
