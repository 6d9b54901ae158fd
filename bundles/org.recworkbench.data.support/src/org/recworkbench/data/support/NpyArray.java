package org.recworkbench.data.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.recworkbench.api.DatasetFormatException;

/**
 * A NumPy array read from the {@code .npy} format (versions 1-3) without Python: C-ordered integer, unsigned,
 * boolean or floating-point arrays of any shape, little or big endian, held as {@code long[]} or
 * {@code double[]}; {@code .npz} files are zip archives of {@code .npy} entries.
 */
public final class NpyArray {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([biuf])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** NumPy writes headers of a few hundred bytes; a larger one comes from damage. */
    private static final int MAX_HEADER = 1 << 20;

    private final int[] shape;
    private final long[] longs;
    private final double[] doubles;

    private NpyArray(int[] shape, long[] longs, double[] doubles) {
        this.shape = shape;
        this.longs = longs;
        this.doubles = doubles;
    }

    public int[] shape() {
        return shape.clone();
    }

    public boolean isFloating() {
        return doubles != null;
    }

    /** The elements in C order as longs (floating values truncated). */
    public long[] longs() {
        if (longs != null) {
            return longs;
        }
        return Arrays.stream(doubles).mapToLong(d -> (long) d).toArray();
    }

    /** The elements in C order as doubles. */
    public double[] doubles() {
        return doubles != null ? doubles : Arrays.stream(longs).asDoubleStream().toArray();
    }

    /** Every array of an {@code .npz} archive, by name (without {@code .npy}). */
    public static Map<String, NpyArray> readNpz(Path file) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        // a stream, not ZipFile: the .npz may itself sit inside a zip archive opened as a folder
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().endsWith(".npy")) {
                    out.put(e.getName().substring(0, e.getName().length() - 4), read(zip, file, e.getName()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: the zip reader's answer to an entry name that is not valid UTF-8
            throw new DatasetFormatException(file, 0, 0, "not a readable .npz archive: " + e.getMessage(), e);
        }
        return out;
    }

    /** One {@code .npy} stream; {@code file} and {@code entry} name the place in errors. */
    public static NpyArray read(InputStream stream, Path file, String entry) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[6];
        in.readFully(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw bad(file, entry, "not an .npy array (bad magic)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.reverseBytes(in.readInt());
        } else {
            throw bad(file, entry, "unsupported .npy version " + major);
        }
        if (headerLength < 0 || headerLength > MAX_HEADER) {
            throw bad(file, entry, "header length " + Integer.toUnsignedString(headerLength) + " is beyond "
                    + MAX_HEADER + " bytes: a damaged file?");
        }
        byte[] headerBytes = new byte[headerLength];
        in.readFully(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw bad(file, entry, "unsupported header " + header.trim());
        }
        if (fortran.group(1).equals("True")) {
            throw bad(file, entry, "Fortran-ordered arrays are not supported");
        }
        int[] shape;
        int size;
        try {
            shape = Arrays.stream(shapeText.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            size = Integer.parseInt(descr.group(3));
        } catch (NumberFormatException e) {
            throw bad(file, entry, "unsupported header " + header.trim());
        }
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw bad(file, entry, "negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.min(count * d, Long.MAX_VALUE / 16);
        }
        if (count > Integer.MAX_VALUE || count * size > Integer.MAX_VALUE - 16) {
            throw bad(file, entry, "array of " + count + " elements of " + size + " bytes is too large");
        }
        char kind = descr.group(2).charAt(0);
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        // read as the bytes arrive, not into a buffer of the header's claimed size: a damaged header cannot claim GiBs
        byte[] raw = in.readNBytes((int) (count * size));
        if (raw.length < count * size) {
            throw bad(file, entry, "the array is cut short: its header promises " + count * size + " bytes, the "
                    + "file holds " + raw.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(order);
        int n = (int) count;
        if (kind == 'f') {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = switch (size) {
                    case 4 -> buf.getFloat();
                    case 8 -> buf.getDouble();
                    default -> throw bad(file, entry, "unsupported float size " + size);
                };
            }
            return new NpyArray(shape, null, d);
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = switch (size) {
                case 1 -> kind == 'i' ? buf.get() : Byte.toUnsignedLong(buf.get());
                case 2 -> kind == 'i' ? buf.getShort() : Short.toUnsignedLong(buf.getShort());
                case 4 -> kind == 'i' ? buf.getInt() : Integer.toUnsignedLong(buf.getInt());
                case 8 -> buf.getLong();
                default -> throw bad(file, entry, "unsupported integer size " + size);
            };
        }
        return new NpyArray(shape, l, null);
    }

    private static DatasetFormatException bad(Path file, String entry, String reason) {
        return new DatasetFormatException(file, 0, 0, entry + ": " + reason);
    }
}
