package org.recworkbench.data.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.data.IdIndex;

/**
 * The fast path for the large, simple files that dominate load time (MovieLens {@code ratings.csv},
 * {@code ratings.dat}, {@code u.data}): rows of {@code user SEP item SEP rating SEP timestamp} with decimal
 * integer ids, parsed straight from bytes without creating strings, ids mapped through a primitive hash map
 * into the caller's {@link IdIndex.Builder}s (first-seen order, the same as the general path).
 *
 * <p>It accepts only what it can parse exactly; on anything else (quotes, non-numeric or zero-padded ids,
 * exotic number syntax, a wrong field count) it returns {@code false} and the caller re-reads the file with
 * the general, fully diagnosing parser. It never accepts a row the general path would reject, except the
 * rating-scale check, which {@link Sink} does.
 */
public final class NumericRatingsReader {

    /** Receives each parsed row. */
    @FunctionalInterface
    public interface Sink {
        void row(int user, int item, float rating, long timestamp, long line);
    }

    private static final int BUFFER = 1 << 20;

    private final IdIndex.Builder users;
    private final IdIndex.Builder items;
    private final LongIntMap userIds = new LongIntMap();
    private final LongIntMap itemIds = new LongIntMap();

    public NumericRatingsReader(IdIndex.Builder users, IdIndex.Builder items) {
        this.users = users;
        this.items = items;
    }

    /**
     * Reads the file; {@code skipHeader} drops the first line.
     *
     * @return false when the file is not in the simple numeric form (nothing must be kept from this attempt)
     */
    public boolean read(Path file, String separator, boolean skipHeader, Sink sink) {
        byte[] sep = separator.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = open(file)) {
            byte[] buf = new byte[BUFFER];
            int filled = 0;
            long line = 0;
            boolean header = skipHeader;
            long[] fields = new long[4];
            int n;
            while ((n = in.read(buf, filled, buf.length - filled)) > 0 || filled > 0) {
                int len = filled + Math.max(n, 0);
                boolean last = n <= 0;
                int start = 0;
                for (int i = 0; i < len; i++) {
                    if (buf[i] != '\n') {
                        continue;
                    }
                    line++;
                    int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    if (header) {
                        header = false;
                    } else if (end > start && !parse(buf, start, end, sep, fields, sink, line)) {
                        return false;
                    }
                    start = i + 1;
                }
                if (last) {
                    if (start < len) {
                        line++;
                        int end = buf[len - 1] == '\r' ? len - 1 : len;
                        if (!header && end > start && !parse(buf, start, end, sep, fields, sink, line)) {
                            return false;
                        }
                    }
                    break;
                }
                // keep the unfinished line at the front; grow only for a line longer than the buffer
                filled = len - start;
                System.arraycopy(buf, start, buf, 0, filled);
                if (filled == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            return true;
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, 0, "read failed: " + e, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        return Compressed.open(file);
    }

    /** Parses one row; false when the row is not in the simple form. */
    private boolean parse(byte[] d, int from, int to, byte[] sep, long[] f, Sink sink, long line) {
        int pos = from;
        float rating = 0;
        for (int field = 0; field < 4; field++) {
            int end = field == 3 ? to : indexOf(d, sep, pos, to);
            if (end < 0 || end == pos) {
                return false;
            }
            if (field == 2) {
                rating = decimal(d, pos, end);
                if (Float.isNaN(rating)) {
                    return false;
                }
            } else {
                if ((d[pos] == '0' && end - pos > 1) || end - pos > 18) {
                    return false; // zero-padded or too long: leave it to the general path
                }
                long v = 0;
                for (int i = pos; i < end; i++) {
                    int c = d[i] - '0';
                    if (c < 0 || c > 9) {
                        return false;
                    }
                    v = v * 10 + c;
                }
                f[field] = v;
            }
            pos = end + sep.length;
        }
        int u = userIds.getOrAdd(f[0], users);
        int i = itemIds.getOrAdd(f[1], items);
        sink.row(u, i, rating, f[3], line);
        return true;
    }

    private static int indexOf(byte[] d, byte[] sep, int from, int to) {
        if (sep.length == 1) {
            byte b = sep[0];
            for (int i = from; i < to; i++) {
                if (d[i] == b) {
                    return i;
                }
            }
            return -1;
        }
        outer:
        for (int i = from; i <= to - sep.length; i++) {
            for (int j = 0; j < sep.length; j++) {
                if (d[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Digits with at most one '.', or NaN when anything else is there. */
    private static float decimal(byte[] d, int from, int to) {
        long whole = 0;
        long fraction = 0;
        long scale = 1;
        boolean dot = false;
        int digits = 0;
        for (int i = from; i < to; i++) {
            byte c = d[i];
            if (c == '.' && !dot) {
                dot = true;
            } else if (c >= '0' && c <= '9' && digits < 15) {
                digits++;
                if (dot) {
                    fraction = fraction * 10 + (c - '0');
                    scale *= 10;
                } else {
                    whole = whole * 10 + (c - '0');
                }
            } else {
                return Float.NaN;
            }
        }
        return digits == 0 ? Float.NaN : (float) (whole + (double) fraction / scale);
    }

    /** Open-addressing map from numeric external ids to dense indices, interning new ids as strings. */
    static final class LongIntMap {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        int getOrAdd(long key, IdIndex.Builder builder) {
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            while (used[slot]) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            int index = builder.intern(Long.toString(key));
            used[slot] = true;
            keys[slot] = key;
            values[slot] = index;
            if (++size * 2 > keys.length) {
                grow();
            }
            return index;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldUsed[s]) {
                    int slot = (int) mix(oldKeys[s]) & mask;
                    while (used[slot]) {
                        slot = (slot + 1) & mask;
                    }
                    used[slot] = true;
                    keys[slot] = oldKeys[s];
                    values[slot] = oldValues[s];
                }
            }
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            return z ^ (z >>> 33);
        }
    }
}
