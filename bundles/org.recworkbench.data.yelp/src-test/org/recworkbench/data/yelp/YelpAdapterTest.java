package org.recworkbench.data.yelp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/** Fixtures in the Yelp Open Dataset's JSON-lines layout (the dataset itself is not in shared/datasets). */
class YelpAdapterTest {
    @TempDir
    Path dir;

    private Dataset load() {
        return new YelpAdapter().load(Map.of("path", dir.toString()), ProgressMonitor.NONE);
    }

    @Test
    void readsReviewsAndBusinesses() throws Exception {
        Files.writeString(dir.resolve(YelpAdapter.BUSINESSES), "{\"business_id\": \"b1\", \"name\": \"Joe's\", "
                + "\"city\": \"Tucson\", \"state\": \"AZ\", \"categories\": \"Pizza, Restaurants\", \"attributes\": "
                + "{\"WiFi\": \"u'free'\", \"BusinessParking\": \"{'garage': False}\", \"OutdoorSeating\": \"True\"}}\n"
                + "{\"business_id\": \"b2\", \"name\": \"Spa\", \"categories\": null, \"attributes\": null}\n");
        Files.writeString(dir.resolve(YelpAdapter.REVIEWS), "{\"review_id\": \"r1\", \"user_id\": \"u1\", "
                + "\"business_id\": \"b1\", \"stars\": 4.0, \"date\": \"2018-07-07 22:09:11\"}\n"
                + "{\"review_id\": \"r2\", \"user_id\": \"u2\", \"business_id\": \"b2\", \"stars\": 1, "
                + "\"date\": \"2012-01-03 15:28:18\"}\n");
        Dataset d = load();
        assertEquals(2, d.interactions().size());
        assertEquals(1531001351L, d.interactions().timestamp(0)); // 2018-07-07T22:09:11Z
        assertEquals(List.of("Pizza", "Restaurants"), d.itemAttributes().categorical().get("category").labelsOf(0));
        assertEquals(List.of("WiFi=free", "OutdoorSeating=True"),
                d.itemAttributes().categorical().get("attribute").labelsOf(0));
        assertEquals("Joe's", d.itemAttributes().text().get("title")[0]);
    }

    @Test
    void badStarsNameTheLine() throws Exception {
        Files.writeString(dir.resolve(YelpAdapter.REVIEWS), "{\"user_id\": \"u1\", \"business_id\": \"b1\", "
                + "\"stars\": 4, \"date\": \"2018-07-07 22:09:11\"}\n{\"user_id\": \"u1\", \"business_id\": \"b1\", "
                + "\"stars\": 9, \"date\": \"2018-07-07 22:09:11\"}\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, this::load);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("stars"), e.getMessage());
    }
}
