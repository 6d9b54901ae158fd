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
            RowContext at = (column, reason) -> new DatasetFormatException(file,
                    p.currentLocation().getLineNr(), column, reason);
            expect(p.nextToken(), JsonToken.START_OBJECT, "a JSON object", at);
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

    /** Reads an array of integers at the parser's position. */
    static int[] intArray(JsonParser p, RowContext at, String what) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "an array of " + what, at);
        int[] values = new int[8];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT, "an integer " + what, at);
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = p.getIntValue();
        }
        return java.util.Arrays.copyOf(values, n);
    }

    static void expect(JsonToken found, JsonToken wanted, String what, RowContext at) {
        if (found != wanted) {
            throw at.error(0, "found " + found + ", expected " + what);
        }
    }
}
