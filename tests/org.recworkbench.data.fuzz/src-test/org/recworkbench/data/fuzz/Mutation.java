package org.recworkbench.data.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The ways a file gets damaged or merely changed on its way to a user: each turns a file's bytes into others,
 * deterministically for a given random generator. The first ones damage (the file may no longer be valid); the
 * {@link #preserving()} ones keep the content as a reader should see it (the counts must not change).
 */
enum Mutation {
    /** Cut the file at a random byte (a partial download, a full disk). */
    TRUNCATE,
    /** Overwrite one to three random bytes with random values (corruption). */
    FLIP_BYTES,
    /** Remove one separator, quote or bracket (a field lost, a record merged). */
    DROP_SEPARATOR,
    /** The whole file re-encoded as UTF-16 (a spreadsheet's "Unicode text" export). */
    UTF_16,
    /** One letter replaced by the ISO-8859-1 byte of 'é' (a file in another encoding). */
    LATIN_1,
    /** A NUL byte inserted somewhere (binary junk). */
    NUL,
    /** One line written twice. */
    DUPLICATE_LINE,
    /** One to three blank lines between lines (preserving). */
    BLANK_LINES,
    /** A UTF-8 byte-order mark in front (preserving). */
    BOM,
    /** Windows line ends (preserving). */
    CRLF;

    /** The mutations after which a reader must see the same records. */
    static List<Mutation> preserving() {
        return List.of(BLANK_LINES, BOM, CRLF);
    }

    byte[] apply(byte[] in, Random r) {
        return switch (this) {
            case TRUNCATE -> Arrays.copyOf(in, r.nextInt(in.length + 1));
            case FLIP_BYTES -> {
                byte[] out = in.clone();
                for (int k = 1 + r.nextInt(3); k > 0 && out.length > 0; k--) {
                    out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                }
                yield out;
            }
            case DROP_SEPARATOR -> {
                List<Integer> at = positions(in, "\t,;:| \"[]{}\n");
                yield at.isEmpty() ? in : remove(in, at.get(r.nextInt(at.size())));
            }
            case UTF_16 -> new String(in, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            case LATIN_1 -> {
                List<Integer> letters = new ArrayList<>();
                for (int i = 0; i < in.length; i++) {
                    if ((in[i] >= 'a' && in[i] <= 'z') || (in[i] >= 'A' && in[i] <= 'Z')) {
                        letters.add(i);
                    }
                }
                byte[] out = in.clone();
                if (!letters.isEmpty()) {
                    out[letters.get(r.nextInt(letters.size()))] = (byte) 0xE9;
                }
                yield out;
            }
            case NUL -> insert(in, r.nextInt(in.length + 1), new byte[] {0});
            case DUPLICATE_LINE -> {
                List<int[]> lines = lines(in);
                if (lines.isEmpty()) {
                    yield in;
                }
                int[] line = lines.get(r.nextInt(lines.size()));
                yield insert(in, line[1], Arrays.copyOfRange(in, line[0], line[1]));
            }
            case BLANK_LINES -> {
                byte[] out = in;
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    List<Integer> ends = positions(out, "\n");
                    if (ends.isEmpty()) {
                        break;
                    }
                    out = insert(out, ends.get(r.nextInt(ends.size())) + 1, new byte[] {'\n'});
                }
                yield out;
            }
            case BOM -> insert(in, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case CRLF -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (byte b : in) {
                    if (b == '\n') {
                        out.write('\r');
                    }
                    out.write(b);
                }
                yield out.toByteArray();
            }
        };
    }

    /** [start, end) of each line including its line break, for files whose lines end with '\n'. */
    private static List<int[]> lines(byte[] in) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        return out;
    }

    private static List<Integer> positions(byte[] in, String bytes) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (bytes.indexOf(in[i] & 0xFF) >= 0) {
                out.add(i);
            }
        }
        return out;
    }

    private static byte[] remove(byte[] in, int at) {
        byte[] out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + 1, out, at, in.length - at - 1);
        return out;
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }
}
