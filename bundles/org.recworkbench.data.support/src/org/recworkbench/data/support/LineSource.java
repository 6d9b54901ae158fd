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
 * trailing CR (so CRLF files read like LF files).
 */
public final class LineSource implements AutoCloseable, RowContext {
    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    private LineSource(Path file, BufferedReader reader) {
        this.file = file;
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
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new LineSource(file, new BufferedReader(new java.io.StringReader(text)));
    }

    /** The underlying reader, for parsers (OpenCSV) that read by themselves; BOM and CR are theirs to handle. */
    public BufferedReader reader() {
        return reader;
    }

    public LineSource(Path file, Charset charset) {
        this.file = file;
        try {
            InputStream in = Compressed.open(file);
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, 0, "cannot open: " + e, e);
        }
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
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetFormatException(file, lineNumber + 1, 0,
                    "bytes that are not valid in the expected encoding (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetFormatException(file, lineNumber + 1, 0, "read failed: " + e, e);
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
