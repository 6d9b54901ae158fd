package org.recworkbench.data.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.recworkbench.api.DatasetFormatException;

/**
 * Reads a text file line by line with its line number, in a given charset (strictly: undecodable bytes
 * are an error naming the line), transparently reading {@code .gz} and single-file {@code .zip} files, stripping a UTF-8 BOM and a
 * trailing CR (so CRLF files read like LF files). A line longer than {@link LineLimitReader#DEFAULT_MAX_CHARS}
 * is an error naming it, also for parsers that read through {@link #reader()}.
 */
public final class LineSource implements AutoCloseable, RowContext {
    private final Path file;
    private final Charset charset;
    private final BufferedReader reader;
    private long lineNumber;
    private long blankLines;
    private long firstBlankLine;
    private long pendingBlank;
    private long firstPendingBlank;

    private LineSource(Path file, BufferedReader reader) {
        this.file = file;
        this.charset = java.nio.charset.StandardCharsets.UTF_8;
        this.reader = reader;
    }

    /**
     * Opens a small metadata file whose encoding varies between releases: strict UTF-8 when the bytes are
     * valid UTF-8, otherwise ISO-8859-1 (the encoding of ML-100K's u.item and ML-1M's .dat files).
     */
    public static LineSource openText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, 0, "cannot read: " + e, e);
        }
        String text;
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        try {
            text = (utf16 ? java.nio.charset.StandardCharsets.UTF_16 : java.nio.charset.StandardCharsets.UTF_8)
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new LineSource(file, new BufferedReader(new LineLimitReader(new java.io.StringReader(text),
                LineLimitReader.DEFAULT_MAX_CHARS)));
    }

    /** The underlying reader, for parsers (OpenCSV) that read by themselves; BOM and CR are theirs to handle. */
    public BufferedReader reader() {
        return reader;
    }

    /**
     * Opens a file in {@code charset}, unless it starts with a byte-order mark: a file that says it is UTF-8 or
     * UTF-16 (a spreadsheet's "Unicode text" export) is read as what it says.
     */
    public LineSource(Path file, Charset charset) {
        this.file = file;
        try {
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(Compressed.open(file), 1 << 16);
            Charset marked = byteOrderMark(in);
            this.charset = marked != null ? marked : charset;
            CharsetDecoder decoder = this.charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            reader = new BufferedReader(new LineLimitReader(new InputStreamReader(in, decoder),
                    LineLimitReader.DEFAULT_MAX_CHARS), 1 << 16);
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, 0, "cannot open: " + e, e);
        }
    }

    /** The charset a byte-order mark at the stream's start names (the mark is consumed), or null (nothing read). */
    private static Charset byteOrderMark(java.io.BufferedInputStream in) throws IOException {
        in.mark(3);
        int a = in.read();
        int b = in.read();
        int c = in.read();
        if (a == 0xEF && b == 0xBB && c == 0xBF) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
        in.reset();
        if ((a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE)) {
            return java.nio.charset.StandardCharsets.UTF_16; // consumes the mark and follows its byte order
        }
        return null;
    }

    /** The next line without its terminator, or null at the end. */
    public String next() {
        try {
            String line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                line = line.substring(0, line.length() - 1);
            }
            return line;
        } catch (IOException e) {
            throw readError(file, charset, e, lineNumber + 1);
        }
    }

    /**
     * The next line that is not blank, or null at the end. Blank lines between records are skipped and counted
     * ({@link #blankLines()}, {@link #firstBlankLine()}); blank lines at the very end of the file are not counted
     * (an editor's trailing newline is not a defect).
     */
    public String nextRecord() {
        for (String line; (line = next()) != null;) {
            if (!line.isBlank()) {
                if (pendingBlank > 0) {
                    if (blankLines == 0) {
                        firstBlankLine = firstPendingBlank;
                    }
                    blankLines += pendingBlank;
                    pendingBlank = 0;
                }
                return line;
            }
            if (pendingBlank++ == 0) {
                firstPendingBlank = lineNumber;
            }
        }
        return null;
    }

    /**
     * The error for a file that ended without a single record: an empty file (line 1), or one with only a header
     * or blank lines (the line after them). {@code expected} says what the rows look like.
     */
    public DatasetFormatException noRows(String expected) {
        return lineNumber == 0 ? new DatasetFormatException(file, 1, 0, "empty file, expected rows of " + expected)
                : new DatasetFormatException(file, lineNumber + 1, 0, "no rows after line " + lineNumber
                        + ", expected rows of " + expected);
    }

    /** Blank lines {@link #nextRecord()} skipped between records. */
    public long blankLines() {
        return blankLines;
    }

    /** The line number of the first of them (0 when none). */
    public long firstBlankLine() {
        return firstBlankLine;
    }

    /**
     * The error for a failed read through {@link #reader()} (parsers report their own line numbers, or none):
     * an over-long line names its line, anything else is a read failure at {@code line} (0 if unknown).
     */
    public static DatasetFormatException readError(Path file, IOException e, long line) {
        return readError(file, java.nio.charset.StandardCharsets.UTF_8, e, line);
    }

    /** As {@link #readError(Path, IOException, long)} for a file read in {@code charset}. */
    public static DatasetFormatException readError(Path file, Charset charset, IOException e, long line) {
        if (e instanceof LineLimitReader.LineTooLongException tooLong) {
            return new DatasetFormatException(file, tooLong.line(), 0, tooLong.getMessage(), e);
        }
        if (e instanceof LineLimitReader.NulCharacterException nul) {
            return new DatasetFormatException(file, nul.line(), 0, nul.getMessage(), e);
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            // readers decode ahead of the line they return: find the line of the bad bytes from the start
            long at = lineOfUndecodableBytes(file, charset);
            return new DatasetFormatException(file, at > 0 ? at : line, 0, "bytes that are not valid "
                    + charset.name() + " (" + e.getMessage() + "): a file in another encoding? (encoding option "
                    + "where the adapter has one)", e);
        }
        return new DatasetFormatException(file, line, 0, "read failed: " + e, e);
    }

    /** The 1-based line holding the first bytes that do not decode in {@code charset}; -1 if none do not. */
    static long lineOfUndecodableBytes(Path file, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        long line = 1;
        boolean eof = false;
        try (InputStream in = Compressed.open(file)) {
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                eof = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0));
                bytes.flip();
                while (true) {
                    java.nio.charset.CoderResult r = decoder.decode(bytes, chars, eof);
                    chars.flip();
                    while (chars.hasRemaining()) {
                        line += chars.get() == '\n' ? 1 : 0;
                    }
                    chars.clear();
                    if (r.isError()) {
                        return line;
                    }
                    if (!r.isOverflow()) {
                        break;
                    }
                }
                bytes.compact();
                if (eof) {
                    return -1;
                }
            }
        } catch (IOException e) {
            return -1;
        }
    }

    public long lineNumber() {
        return lineNumber;
    }

    public Path file() {
        return file;
    }

    @Override
    public DatasetFormatException error(int column, String reason) {
        return new DatasetFormatException(file, lineNumber, column, reason);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // closing a reader we only read from: nothing to recover
        }
    }
}
