package com.shopassist.ai.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The arguments of one tool call: the JSON a model sent, or what the offline assistant passes
 * ({@link #of}). Readers are lenient where a person would be ("12" for 12, "Rp 500.000" for
 * 500000) and throw {@link BadArgument} where no reading makes sense; tools turn that into a
 * result the model can correct.
 */
public final class Args {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private final JsonNode node;

    private Args(JsonNode node) {
        this.node = node;
    }

    /** A model's arguments; blank means none. Throws {@link BadArgument} for text that is not JSON. */
    public static Args parse(String json) {
        if (json == null || json.isBlank()) return none();
        try {
            JsonNode n = JSON.readTree(json);
            return new Args(n != null && n.isObject() ? n : JSON.createObjectNode());
        } catch (IOException e) {
            throw new BadArgument("Arguments are not valid JSON: " + json);
        }
    }

    public static Args none() {
        return new Args(JSON.createObjectNode());
    }

    /** Name-value pairs; a null value is left out, as a model would leave it out. */
    public static Args of(Object... namesAndValues) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object v = namesAndValues[i + 1];
            if (v != null) o.set(name, JSON.valueToTree(v));
        }
        return new Args(o);
    }

    /**
     * Text, stripped; null when absent or blank. Numbers read as their digits. Control characters
     * (NUL among them, which PostgreSQL refuses in a query parameter) read as spaces.
     */
    public String str(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        String s = CONTROL.matcher(v.isTextual() ? v.asText() : v.toString()).replaceAll(" ");
        return s.isBlank() ? null : s.strip();
    }

    public String requiredStr(String field) {
        String s = str(field);
        if (s == null) throw new BadArgument("Missing argument " + field + ".");
        return s;
    }

    /** A whole number, also from text with other characters ("Rp 500.000"); null when absent. */
    public Long lng(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asLong();
        String s = v.asText().replaceAll("[^0-9-]", "");
        if (s.isEmpty()) throw new BadArgument("Argument " + field + " must be a whole number, not " + v + ".");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadArgument("Argument " + field + " must be a whole number, not " + v + ".");
        }
    }

    public Integer integer(String field) {
        Long l = lng(field);
        if (l == null) return null;
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)
            throw new BadArgument("Argument " + field + " is too large.");
        return l.intValue();
    }

    public long requiredLong(String field) {
        Long l = lng(field);
        if (l == null) throw new BadArgument("Missing argument " + field + ".");
        return l;
    }

    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        return v.isBoolean() ? v.asBoolean() : Boolean.parseBoolean(v.asText());
    }

    /** A list of product ids, required. */
    public List<Long> ids(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.isEmpty())
            throw new BadArgument("Argument " + field + " must be a list of product ids.");
        List<Long> out = new ArrayList<>();
        for (JsonNode n : v) {
            if (n.isNumber()) out.add(n.asLong());
            else {
                try {
                    out.add(Long.parseLong(n.asText().strip()));
                } catch (NumberFormatException e) {
                    throw new BadArgument("Argument " + field + " must be a list of product ids.");
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return node.toString();
    }

    /** Arguments no reading makes sense of; the message says what to send instead. */
    public static final class BadArgument extends RuntimeException {
        public BadArgument(String message) {
            super(message, null, false, false);
        }
    }
}
