package org.recworkbench.data.support;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses lines longer than a limit while characters stream through, so that a file without line breaks
 * (a binary file, a wrong delimiter setting, one giant JSON document) fails with a clear error instead of
 * filling the heap inside {@code readLine} or a CSV parser. It also refuses NUL characters, which no text format
 * holds and which otherwise end up inside ids (a binary or corrupted file). It counts lines itself to say which one.
 */
public final class LineLimitReader extends FilterReader {
    /** The default limit: 16 Mi characters, far above any line of the supported formats. */
    public static final int DEFAULT_MAX_CHARS = 1 << 24;

    /** A line over the limit; {@link #line()} is its 1-based number. */
    public static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        LineTooLongException(long line, int max) {
            super("line " + line + " is longer than " + max + " characters: a file without line breaks, or the "
                    + "wrong format or delimiter for it?");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** A NUL character; {@link #line()} and {@link #column()} (1-based, in characters) say where. */
    public static final class NulCharacterException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final int column;

        NulCharacterException(long line, int column) {
            super("a NUL character (byte 0) at character " + column + " of line " + line
                    + ": a binary or corrupted file, or one in UTF-16 (convert it to UTF-8)?");
            this.line = line;
            this.column = column;
        }

        public long line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private final int max;
    private long line = 1;
    private int sinceBreak;

    public LineLimitReader(Reader in, int maxChars) {
        super(in);
        this.max = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            count(buf[i]);
        }
        return n;
    }

    private void count(char c) throws IOException {
        if (c == '\n') {
            line++;
            sinceBreak = 0;
        } else if (++sinceBreak > max) {
            throw new LineTooLongException(line, max);
        } else if (c == '\0') {
            throw new NulCharacterException(line, sinceBreak);
        }
    }
}
