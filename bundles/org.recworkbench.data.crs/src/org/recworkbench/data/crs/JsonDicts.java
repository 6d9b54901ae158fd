package org.recworkbench.data.crs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.data.support.RowContext;

/**
 * Streams the benchmark's JSON dictionaries with Jackson's parser, so that every error names the file and
 * the line where the unexpected token is.
 */
final class JsonDicts {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDicts() {
    }

    /** Handles one key of a top-level object; the parser stands on the value's first token. */
    @FunctionalInterface
    interface EntryHandler {
        void entry(String key, JsonParser parser, RowContext at) throws IOException;
    }

    static void forEachEntry(Path file, EntryHandler handler) {
        try (JsonParser p = FACTORY.createParser(org.recworkbench.data.support.Compressed.open(file))) {
            // errors name the line where the token at fault starts (not where the parser has read to)
            RowContext at = (column, reason) -> new DatasetFormatException(file,
                    p.currentTokenLocation().getLineNr(), column, reason);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new DatasetFormatException(file, 1, 0, "empty file, expected a JSON object");
            }
            expect(first, JsonToken.START_OBJECT, "a JSON object", at);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                handler.entry(key, p, at);
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "the end of the object", at);
        } catch (DatasetFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, 0, "not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Receives each integer of an array while the parser stands on it, so that an error names its line. */
    @FunctionalInterface
    interface IntHandler {
        void value(int value) throws IOException;
    }

    /** Reads an array of non-negative 32-bit integers at the parser's position, one value at a time. */
    static void forEachInt(JsonParser p, RowContext at, String what, IntHandler handler) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "an array of " + what + "s", at);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT, "an integer " + what, at);
            if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
                throw at.error(0, what + " " + p.getText() + " is outside 0 to " + Integer.MAX_VALUE);
            }
            handler.value(p.getIntValue());
        }
    }

    static void expect(JsonToken found, JsonToken wanted, String what, RowContext at) {
        if (found != wanted) {
            throw at.error(0, "found " + (found == null ? "the end of the file" : found) + ", expected " + what);
        }
    }
}
