package org.recworkbench.data.crs;

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

class CrsAdapterTest {
    @TempDir
    Path dir;

    private final CrsAdapter adapter = new CrsAdapter();

    private Dataset load(Path folder) {
        return adapter.load(Map.of("path", folder.toString()), ProgressMonitor.NONE);
    }

    private void write(String name, String json) throws Exception {
        Files.writeString(dir.resolve(name), json);
    }

    private void fixture() throws Exception {
        write("item_dict.json", "{\"0\": {\"categories\": [73, 79], \"feature_index\": [2, 3], \"busi_id\": 1},\n"
                + " \"1\": {\"categories\": [81], \"feature_index\": [4]}}");
        write("review_dict_train.json", "{\"0\": [0, 1]}");
        write("review_dict_valid.json", "{\"1\": [0]}");
        write("review_dict_test.json", "{\"0\": [1], \"1\": [1]}");
        write("user_dict.json", "{\"0\": {\"friends\": [1], \"like\": [2, 3]}, \"1\": {\"friends\": [0], \"like\": []}}");
    }

    @Test
    void readsInteractionsWithTheBenchmarkSplitAndAttributes() throws Exception {
        fixture();
        Dataset d = load(dir);
        assertEquals(5, d.interactions().size());
        assertArrayEquals(new float[] {0, 0, 0, 1, 1}, d.interactions().extraColumns().get("heldout"));
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, d.interactions().extraColumns().get("validation"));
        assertEquals(List.of("2", "3"), d.itemAttributes().categorical().get("attribute").labelsOf(0));
        assertEquals(List.of("81"), d.itemAttributes().categorical().get("category").labelsOf(1));
        assertEquals(List.of("2", "3"), d.userAttributes().categorical().get("likes").labelsOf(0));
        assertEquals(List.of("0"), d.userAttributes().categorical().get("friends").labelsOf(1));
    }

    @Test
    void errorsNameFileAndLine() throws Exception {
        fixture();
        write("review_dict_test.json", "{\"0\": [1],\n \"1\": [\"one\"]}");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(dir));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("review_dict_test.json"), e.getMessage());
        write("review_dict_test.json", "{\"0\": [7]}");
        assertTrue(assertThrows(DatasetFormatException.class, () -> load(dir)).getMessage()
                .contains("not in item_dict.json"));
        write("review_dict_test.json", "{\"0\": [1]");
        assertTrue(assertThrows(DatasetFormatException.class, () -> load(dir)).getMessage().contains("JSON"));
    }

    /** The real LastFM benchmark: figures from shared/datasets/README.md and the files themselves. */
    @Test
    void realLastFmBenchmark() throws Exception {
        Path real = Path.of(System.getProperty("recworkbench.datasets", "../../../shared/datasets"), "crs-lastfm");
        assertTrue(Files.isDirectory(real), "dataset not found at " + real.toAbsolutePath());
        Dataset d = load(real);
        assertEquals(76_693, d.interactions().size());
        float[] heldout = d.interactions().extraColumns().get("heldout");
        float[] validation = d.interactions().extraColumns().get("validation");
        double test = 0;
        double valid = 0;
        for (int i = 0; i < heldout.length; i++) {
            test += heldout[i];
            valid += validation[i];
        }
        assertEquals(11_892, test);
        assertEquals(11_891, valid);
        assertEquals(1801, d.users().size());
        assertEquals(7432, d.items().size());
        assertEquals(33, d.itemAttributes().categorical().get("attribute").values().size());
    }
}
