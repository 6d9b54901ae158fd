package org.recworkbench.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.RecWorkbenchException;

/**
 * Reads experiment and simulation specs from YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) with Jackson. Unknown
 * fields are errors: the message names the field, its location and the allowed names. Thread safe.
 */
public final class SpecReader {

    private final ObjectMapper yaml = configure(new ObjectMapper(new YAMLFactory()));
    private final ObjectMapper json = configure(new ObjectMapper());

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public ExperimentSpec read(Path file) {
        return parse(text(file), isJson(file), file.toString());
    }

    public SimulationSpec readSimulation(Path file) {
        return parseSimulation(text(file), isJson(file), file.toString());
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    private static String text(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new RecWorkbenchException("spec file not found: " + file, e);
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot read spec file " + file + ": " + e.getMessage(), e);
        }
        return text;
    }

    /** Parses experiment spec text; {@code origin} is used in messages. */
    public ExperimentSpec parse(String text, boolean isJson, String origin) {
        return parse(text, isJson, origin, ExperimentSpec.class, ExperimentSpec::validate);
    }

    /** Parses simulation spec text; {@code origin} is used in messages. */
    public SimulationSpec parseSimulation(String text, boolean isJson, String origin) {
        return parse(text, isJson, origin, SimulationSpec.class, SimulationSpec::validate);
    }

    private <T> T parse(String text, boolean isJson, String origin, Class<T> type,
            java.util.function.UnaryOperator<T> validate) {
        ObjectMapper mapper = isJson ? json : yaml;
        try {
            T spec = mapper.readValue(text, type);
            if (spec == null) {
                throw new InvalidSpecException("", origin + ": the spec is empty");
            }
            try {
                return validate.apply(spec);
            } catch (InvalidSpecException e) {
                throw new InvalidSpecException(e.field(), origin + ": " + stripField(e), e);
            }
        } catch (UnrecognizedPropertyException e) {
            String allowed = e.getKnownPropertyIds() == null ? "?"
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", "));
            throw new InvalidSpecException(path(e), origin + whereKey(text, e.getPropertyName(), e.getLocation())
                    + ": unknown field '"
                    + e.getPropertyName() + "'; allowed: " + allowed, e);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax) {
                throw syntaxError(syntax, isJson, origin);
            }
            if (cause instanceof InvalidSpecException ise) {
                // thrown by a record constructor: keep its field, prefix the location
                String field = joinPath(path(e), ise.field());
                throw new InvalidSpecException(field, origin + where(e.getLocation()) + ": "
                        + stripField(ise), ise);
            }
            throw new InvalidSpecException(path(e), origin + where(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw syntaxError(e, isJson, origin);
        }
    }

    private static InvalidSpecException syntaxError(JsonProcessingException e, boolean isJson, String origin) {
        return new InvalidSpecException("", origin + where(e.getLocation()) + ": not valid "
                + (isJson ? "JSON" : "YAML") + ": " + e.getOriginalMessage().replace('\n', ' '), e);
    }

    private static String stripField(InvalidSpecException e) {
        String m = e.getMessage();
        String prefix = "'" + e.field() + "': ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Record constructors name list elements as {@code algorithms[].id}; the parser knows the index. */
    private static String joinPath(String outer, String inner) {
        if (inner == null || inner.isEmpty()) {
            return outer;
        }
        int marker = inner.indexOf("[]");
        if (marker < 0 || outer.isEmpty()) {
            return inner;
        }
        return outer + inner.substring(marker + 2);
    }

    /**
     * Where a key is written. Jackson reports unknown fields of records at the end of the enclosing object,
     * so the line of the key's first occurrence is a better pointer when the key can be found.
     */
    private static String whereKey(String text, String key, JsonLocation fallback) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)(^|[\\s{,\\-])\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:").matcher(text);
        if (!m.find()) {
            return where(fallback);
        }
        int keyStart = text.indexOf(key, m.start());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < keyStart; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return ":" + line + ":" + (keyStart - lineStart + 1);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /** Dotted path such as {@code algorithms[1].params}. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
