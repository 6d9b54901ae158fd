package org.recworkbench.data.obd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class ObdAdapterTest {
    @TempDir
    Path dir;

    private final ObdAdapter adapter = new ObdAdapter();

    private static final String HEADER = ",timestamp,item_id,position,click,propensity_score,user_feature_0,"
            + "user_feature_1,user_feature_2,user_feature_3,user-item_affinity_0,user-item_affinity_1\n";

    private Dataset load() {
        return adapter.load(Map.of("path", dir.toString(), "campaign", "men"), ProgressMonitor.NONE);
    }

    private void write(String log) throws Exception {
        Files.writeString(dir.resolve("men.csv"), HEADER + log);
        Files.writeString(dir.resolve("item_context.csv"), ",item_id,item_feature_0,item_feature_1,item_feature_2,"
                + "item_feature_3\n0,0,-0.67,aa,bb,cc\n1,1,0.5,dd,bb,cc\n");
    }

    @Test
    void readsImpressionsWithPositionsAndPropensities() throws Exception {
        write("0,2019-11-24 00:03:13.442536+00:00,1,3,0,0.25,u1,u2,u3,u4,0.0,2.0\n"
                + "1,2019-11-24 00:03:36.705207+00:00,0,1,1,0.5,u1,u2,u3,u4,1.0,0.0\n"
                + "2,2019-11-24 00:04:00+00:00,1,2,0,0.125,v1,u2,u3,u4,0.0,0.0\n");
        Dataset d = load();
        assertEquals(3, d.interactions().size());
        assertEquals(2, d.users().size(), "the user is the context: the four hashed features");
        assertArrayEquals(new float[] {0, 1, 0}, d.interactions().values());
        assertArrayEquals(new float[] {3, 1, 2}, d.interactions().extraColumns().get("position"));
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.125f}, d.interactions().extraColumns().get("propensity"));
        assertArrayEquals(new float[] {2, 0, 0}, d.interactions().extraColumns().get("affinity_1"));
        assertEquals(1574553793L, d.interactions().timestamp(0)); // 2019-11-24T00:03:13Z
        int item1 = d.items().indexOf("1");
        assertEquals(0.5, d.itemAttributes().numeric().get("item_feature_0")[item1]);
        assertEquals(List.of("dd"), d.itemAttributes().categorical().get("item_feature_1").labelsOf(item1));
        assertEquals("logged-bandit", d.metadata().get("feedback"));
    }

    @Test
    void badValuesAreReportedAtTheirRow() throws Exception {
        write("0,2019-11-24 00:03:13+00:00,1,3,2,0.25,u1,u2,u3,u4,0.0,0.0\n");
        DatasetFormatException click = assertThrows(DatasetFormatException.class, this::load);
        assertEquals(2, click.line());
        assertTrue(click.getMessage().contains("not 0 or 1"), click.getMessage());
        write("0,2019-11-24 00:03:13+00:00,1,3,0,0,u1,u2,u3,u4,0.0,0.0\n");
        assertTrue(assertThrows(DatasetFormatException.class, this::load).getMessage().contains("propensity"));
        write("0,yesterday,1,3,0,0.5,u1,u2,u3,u4,0.0,0.0\n");
        assertTrue(assertThrows(DatasetFormatException.class, this::load).getMessage().contains("timestamp"));
        write("0,2019-11-24 00:03:13+00:00,1,3,0,0.5,u1,u2\n");
        assertTrue(assertThrows(DatasetFormatException.class, this::load).getMessage().contains("fields"));
    }

    /** The shared small sample: counts and clicks recomputed here from the raw file. */
    @Test
    void realSample() throws Exception {
        Path root = Path.of(System.getProperty("recworkbench.datasets", "../../../shared/datasets"), "obd");
        assertTrue(Files.isDirectory(root), "dataset not found at " + root.toAbsolutePath());
        List<String> lines = Files.readAllLines(root.resolve("random/men/men.csv"));
        int clickColumn = List.of(lines.get(0).split(",")).indexOf("click");
        double clicks = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[clickColumn])).sum();
        Dataset d = adapter.load(Map.of("path", root.toString(), "policy", "random", "campaign", "men"),
                ProgressMonitor.NONE);
        assertEquals(lines.size() - 1, d.interactions().size());
        assertEquals(10_000, d.interactions().size(), "the README: 10,000 rounds per file");
        double loaded = 0;
        for (float v : d.interactions().values()) {
            loaded += v;
        }
        assertEquals(clicks, loaded);
        assertTrue(d.items().size() <= 34, "the men campaign has 34 items");
        for (float p : d.interactions().extraColumns().get("propensity")) {
            assertTrue(p > 0 && p <= 1);
        }
        assertEquals(34, d.interactions().extraColumns().keySet().stream().filter(k -> k.startsWith("affinity_"))
                .count());
    }
}
