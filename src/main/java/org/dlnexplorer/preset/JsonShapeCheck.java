package org.dlnexplorer.preset;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One streaming pass over preset text before Gson binds it (linear time, constant stack): refuses malformed
 * JSON with its line and column, nesting deeper than {@link Limits#MAX_NESTING} (Gson would recurse into a
 * StackOverflowError), duplicate keys (naming the key; JSON parsers disagree on which one wins) and null inside
 * an array (where a number is expected).
 */
final class JsonShapeCheck {
    /** a longer JSON path is shown with its middle left out */
    private static final int MAX_SHOWN_PATH = 80;
    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private JsonShapeCheck() {}

    static void check(String text, String source) throws PresetException {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        Deque<Set<String>> keys = new ArrayDeque<>();   // per open container: its keys (null for an array)
        try {
            if (r.peek() == JsonToken.END_DOCUMENT) throw new PresetException(source, null, "empty file");
            do {
                JsonToken t = r.peek();
                switch (t) {
                    case BEGIN_OBJECT, BEGIN_ARRAY -> {
                        if (keys.size() >= Limits.MAX_NESTING)
                            throw new PresetException(source, path(r), "nested deeper than " + Limits.MAX_NESTING
                                    + " levels " + at(r) + " (the limit on nesting)");
                        if (t == JsonToken.BEGIN_OBJECT) { r.beginObject(); keys.push(new HashSet<>()); }
                        else { r.beginArray(); keys.push(ARRAY); }
                    }
                    case END_OBJECT -> { r.endObject(); keys.pop(); }
                    case END_ARRAY -> { r.endArray(); keys.pop(); }
                    case NAME -> {
                        String name = r.nextName();
                        if (!keys.peek().add(name))
                            throw new PresetException(source, path(r), "duplicate key \"" + name + "\" " + at(r)
                                    + " (each key may appear once)");
                    }
                    case NULL -> {
                        if (keys.peek() == ARRAY)
                            throw new PresetException(source, path(r), "null inside an array " + at(r)
                                    + " (expected a number)");
                        r.nextNull();
                    }
                    default -> r.skipValue();
                }
            } while (!keys.isEmpty());
            if (r.peek() != JsonToken.END_DOCUMENT)
                throw new PresetException(source, null, "malformed JSON " + at(r) + " (content after the end of the object)");
        } catch (EOFException e) {
            throw new PresetException(source, null, "malformed JSON: the file ends early " + location(e.getMessage(), r)
                    + " (an object or array is not closed)");
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new PresetException(source, null, "malformed JSON " + location(e.getMessage(), r) + " (" + reason(e) + ")");
        }
    }

    private static final Set<String> ARRAY = Set.of();

    /** "at line 3, column 7" */
    private static String at(JsonReader r) {
        return location(r.toString(), r);
    }

    private static String location(String message, JsonReader r) {
        Matcher m = LOCATION.matcher(String.valueOf(message));
        if (!m.find()) {
            m = LOCATION.matcher(r.toString());
            if (!m.find()) return "";
        }
        return "at line " + m.group(1) + ", column " + m.group(2);
    }

    /** Gson's reason in plain words, without its advice to parse leniently. */
    private static String reason(Exception e) {
        String msg = String.valueOf(e.getMessage());
        int cut = msg.indexOf(" at line ");
        String head = cut >= 0 ? msg.substring(0, cut) : msg;
        if (head.startsWith("Use JsonReader.setStrictness") || head.contains("malformed JSON"))
            return "not valid JSON here: check for a missing comma, quote or bracket, or a stray character";
        if (head.startsWith("JSON forbids NaN")) return "NaN and Infinity are not numbers in JSON";
        if (head.startsWith("Expected name")) return "expected a quoted key";
        if (head.startsWith("Expected value")) return "expected a value";
        if (head.startsWith("Unterminated")) return head.toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("Expected ':'")) return "expected ':' after a key";
        return head.replaceAll("\\s+", " ").trim();
    }

    private static String path(JsonReader r) {
        String p = r.getPath();
        if (p == null || p.equals("$")) return null;
        p = p.startsWith("$.") ? p.substring(2) : p.substring(1);
        return p.length() <= MAX_SHOWN_PATH ? p : p.substring(0, MAX_SHOWN_PATH / 2) + "…" + p.substring(p.length() - MAX_SHOWN_PATH / 2);
    }
}
