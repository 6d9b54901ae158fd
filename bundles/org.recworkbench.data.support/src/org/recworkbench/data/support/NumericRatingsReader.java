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
 * <p>It accepts only what it can parse exactly; on anything else (quotes, non-numeric, zero-padded or too large ids,
 * exotic number syntax, a wrong field count, control bytes) it returns {@code false} and the caller re-reads the file
 * with the general, fully diagnosing parser. It never accepts a row the general path would reject, except the checks
 * of values in range (rating scale, timestamp span), which {@link Sink} does. Blank lines between rows are skipped
 * and counted, as {@link LineSource#nextRecord()} counts them.
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
    private final long maxId;
    private long blankLines;
    private long firstBlankLine;
    private long pendingBlank;
    private long firstPendingBlank;
    private final LongIntMap userIds = new LongIntMap();
    private final LongIntMap itemIds = new LongIntMap();
    private long line;

    /** @param maxId the largest id the format allows (a larger one is left to the general path to refuse) */
    public NumericRatingsReader(IdIndex.Builder users, IdIndex.Builder items, long maxId) {
        this.users = users;
        this.items = items;
        this.maxId = maxId;
    }

    /** Blank lines skipped between rows (not those at the very end). */
    public long blankLines() {
        return blankLines;
    }

    /** The first of them (0 when none). */
    public long firstBlankLine() {
        return firstBlankLine;
    }

    /**
     * Reads the file; {@code skipHeader} drops the first line.
     *
     * @return false when the file is not in the simple numeric form (nothing must be kept from this attempt)
     */
    public boolean read(Path file, String separator, boolean skipHeader, Sink sink) {
        byte[] sep = separator.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (sep.length == 0 || sep[0] == '\n' || sep[0] == '\r' || (sep[0] >= '0' && sep[0] <= '9')) {
            return false;
        }
        try (InputStream in = open(file)) {
            byte[] buf = new byte[BUFFER];
            int filled = 0;
            boolean header = skipHeader;
            boolean eof = false;
            while (!eof) {
                int n = in.read(buf, filled, buf.length - filled);
                eof = n < 0;
                int len = filled + Math.max(n, 0);
                if (eof && len > 0 && buf[len - 1] != '\n') {
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length + 1);
                    }
                    buf[len++] = '\n'; // a last line without its newline
                }
                int rowsEnd = lastNewline(buf, len) + 1; // rows [0, rowsEnd) are complete
                int start = 0;
                if (header && rowsEnd > 0) {
                    start = indexOfNewline(buf, 0) + 1;
                    line++;
                    header = false;
                }
                if (rowsEnd > start && !parseRows(buf, start, rowsEnd, sep, sink)) {
                    return false;
                }
                // keep the unfinished line at the front; grow only for a line longer than the buffer
                filled = len - Math.max(rowsEnd, start);
                System.arraycopy(buf, len - filled, buf, 0, filled);
                if (filled == buf.length) {
                    if (filled >= LineLimitReader.DEFAULT_MAX_CHARS) {
                        return false; // no line break for megabytes: the general path names the problem
                    }
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

    private static int lastNewline(byte[] d, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (d[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfNewline(byte[] d, int from) {
        for (int i = from; ; i++) {
            if (d[i] == '\n') {
                return i;
            }
        }
    }

    /**
     * Parses the complete lines in {@code d[from, to)} ({@code d[to - 1]} is a newline) in one pass; false as
     * soon as a row is not in the simple form. The trailing newline bounds every digit loop, so no loop needs
     * its own range check.
     */
    private boolean parseRows(byte[] d, int from, int to, byte[] sep, Sink sink) {
        int p = from;
        while (p < to) {
            line++;
            if (d[p] == '\n' || (d[p] == '\r' && d[p + 1] == '\n')) {
                p += d[p] == '\n' ? 1 : 2; // blank line: counted once a row follows it
                if (pendingBlank++ == 0) {
                    firstPendingBlank = line;
                }
                continue;
            }
            if (pendingBlank > 0) {
                firstBlankLine = blankLines == 0 ? firstPendingBlank : firstBlankLine;
                blankLines += pendingBlank;
                pendingBlank = 0;
            }
            // user id
            int s = p;
            long user = 0;
            for (int c; (c = d[p] - '0') >= 0 && c <= 9; p++) {
                user = user * 10 + c;
            }
            if (!plainId(d, s, p) || user > maxId || (p = skipSeparator(d, p, sep)) < 0) {
                return false;
            }
            // item id
            s = p;
            long item = 0;
            for (int c; (c = d[p] - '0') >= 0 && c <= 9; p++) {
                item = item * 10 + c;
            }
            if (!plainId(d, s, p) || item > maxId || (p = skipSeparator(d, p, sep)) < 0) {
                return false;
            }
            // rating: digits with at most one '.'
            s = p;
            long whole = 0;
            for (int c; (c = d[p] - '0') >= 0 && c <= 9; p++) {
                whole = whole * 10 + c;
            }
            int wholeDigits = p - s;
            long fraction = 0;
            long scale = 1;
            boolean dot = d[p] == '.';
            if (dot) {
                p++;
                for (int c; (c = d[p] - '0') >= 0 && c <= 9; p++) {
                    fraction = fraction * 10 + c;
                    scale *= 10;
                }
            }
            int ratingDigits = p - s - (dot ? 1 : 0);
            if (ratingDigits == 0 || ratingDigits > 15 || (p = skipSeparator(d, p, sep)) < 0) {
                return false;
            }
            float rating = (float) (wholeDigits == ratingDigits ? whole : whole + (double) fraction / scale);
            // timestamp, then the end of the line
            s = p;
            long time = 0;
            for (int c; (c = d[p] - '0') >= 0 && c <= 9; p++) {
                time = time * 10 + c;
            }
            if (!plainId(d, s, p)) {
                return false;
            }
            if (d[p] == '\r') {
                p++;
            }
            if (d[p] != '\n') {
                return false;
            }
            p++;
            sink.row(userIds.getOrAdd(user, users), itemIds.getOrAdd(item, items), rating, time, line);
        }
        return true;
    }

    /** 1 to 18 digits without a leading zero (zero-padded ids go to the general path, which keeps them). */
    private static boolean plainId(byte[] d, int from, int to) {
        int n = to - from;
        return n > 0 && n <= 18 && (d[from] != '0' || n == 1);
    }

    /** The position after the separator at {@code p}, or -1 when there is none. */
    private static int skipSeparator(byte[] d, int p, byte[] sep) {
        for (int j = 0; j < sep.length; j++) {
            if (d[p + j] != sep[j]) {
                return -1; // safe: d[p + j] == sep[j] != '\n' for all earlier j, so p + j is within the line
            }
        }
        return p + sep.length;
    }

    /**
     * Map from numeric external ids to dense indices, interning new ids as strings: a direct table for the
     * small ids nearly every dataset uses (no hashing), open addressing above.
     */
    static final class LongIntMap {
        private static final int DIRECT_LIMIT = 1 << 22;
        private int[] direct = new int[1 << 12]; // index + 1, 0 = not seen
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        int getOrAdd(long key, IdIndex.Builder builder) {
            if (key < DIRECT_LIMIT) {
                int k = (int) key;
                if (k < direct.length && direct[k] != 0) {
                    return direct[k] - 1;
                }
                if (k >= direct.length) {
                    direct = Arrays.copyOf(direct, Math.min(DIRECT_LIMIT, Math.max(k + 1, direct.length * 2)));
                }
                int index = builder.intern(Long.toString(key));
                direct[k] = index + 1;
                return index;
            }
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
