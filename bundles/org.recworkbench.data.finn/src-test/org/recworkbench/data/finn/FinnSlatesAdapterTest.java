package org.recworkbench.data.finn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/** A fixture archive written byte by byte in NumPy's .npy/.npz format (the dataset is not in shared/). */
class FinnSlatesAdapterTest {
    @TempDir
    Path dir;

    private static byte[] npy(String shape, long... values) {
        String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private void npz(String name, Map<String, byte[]> arrays) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void clicksBecomeInteractionsPaddingAndNoClicksDoNot() throws Exception {
        // two users, three steps: user 10 clicks item 5 then nothing (1) then padding (0); user 11 clicks 5, 7
        npz("data.npz", Map.of("userId", npy("(2,)", 10, 11), "click", npy("(2, 3)", 5, 1, 0, 5, 7, 0),
                "interaction_type", npy("(2, 3)", 1, 2, 0, 2, 2, 0)));
        npz("itemattr.npz", Map.of("category", npy("(8,)", 0, 0, 0, 0, 0, 42, 0, 43)));
        Dataset d = new FinnSlatesAdapter().load(Map.of("path", dir.toString()), ProgressMonitor.NONE);
        assertEquals(3, d.interactions().size());
        assertEquals(List.of("5", "7"), d.items().ids());
        assertArrayEquals(new float[] {0, 0, 1}, d.interactions().extraColumns().get("step"));
        assertArrayEquals(new float[] {1, 2, 2}, d.interactions().extraColumns().get("interaction_type"));
        assertEquals(List.of("43"), d.itemAttributes().categorical().get("category").labelsOf(1));
    }

    @Test
    void missingArraysAreNamed() throws Exception {
        npz("data.npz", Map.of("userId", npy("(1,)", 1)));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new FinnSlatesAdapter().load(Map.of("path", dir.toString()), ProgressMonitor.NONE));
        assertEquals(true, e.getMessage().contains("no array 'click'"), e.getMessage());
    }
}
