package org.recworkbench.data.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Strict reading of JSON-lines files (one object per line) with errors at the line. Thread safe. */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** The line as a JSON object. */
    public static JsonNode object(RowContext at, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw at.error(0, "expected one JSON object per line");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw at.error(0, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A required identifier field, held to the rules of {@link Fields#id}. */
    public static String id(RowContext at, JsonNode node, String field) {
        return Fields.id(at, 0, "'" + field + "'", text(at, node, field));
    }

    /** A required, non-blank text field. */
    public static String text(RowContext at, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw at.error(0, "missing '" + field + "'");
        }
        return v.asText();
    }
}
