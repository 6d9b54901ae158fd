package org.recworkbench.data.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;

/** .npy bytes built here by hand following the NumPy format specification (format.rst, version 1.0). */
class NpyArrayTest {
    @TempDir
    Path dir;

    /** A version-1 .npy: magic, version, little-endian header length, header padded to 64 bytes, data. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    static byte[] longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return b.array();
    }

    @Test
    void readsIntegerAndFloatArraysOfAnyShape() throws Exception {
        NpyArray a = NpyArray.read(new ByteArrayInputStream(npy("<i8", "(2, 3)", longs(1, 2, 3, 4, 5, -6))), dir, "a");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, -6}, a.longs());
        ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-2f);
        NpyArray b = NpyArray.read(new ByteArrayInputStream(npy("<f4", "(2,)", f.array())), dir, "b");
        assertArrayEquals(new double[] {0.5, -2}, b.doubles());
        NpyArray c = NpyArray.read(new ByteArrayInputStream(npy("|u1", "(3,)", new byte[] {1, (byte) 200, 3})), dir,
                "c");
        assertArrayEquals(new long[] {1, 200, 3}, c.longs());
    }

    @Test
    void readsNpzArchivesAndRejectsGarbage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("userId.npy"));
            zip.write(npy("<i8", "(2,)", longs(7, 9)));
            zip.closeEntry();
        }
        Path npz = Files.write(dir.resolve("data.npz"), bytes.toByteArray());
        Map<String, NpyArray> arrays = NpyArray.readNpz(npz);
        assertArrayEquals(new long[] {7, 9}, arrays.get("userId").longs());
        assertThrows(DatasetFormatException.class, () -> NpyArray.read(new ByteArrayInputStream(
                "not numpy at all".getBytes(StandardCharsets.US_ASCII)), dir, "x"));
    }
}
