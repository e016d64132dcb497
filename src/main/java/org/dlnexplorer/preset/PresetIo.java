package org.dlnexplorer.preset;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.StringReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads, validates and writes preset files with Gson. Writing is atomic (temp file, then move). */
public final class PresetIo {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .setStrictness(Strictness.STRICT).create();
    private static final Pattern GSON_PATH = Pattern.compile("path \\$\\.?([^\\s]*)");

    private PresetIo() {}

    public static Gson gson() { return GSON; }

    /** Reads and validates a preset file. */
    public static Preset read(Path file) throws PresetException {
        String source = file.toString();
        String text;
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_FILE_BYTES)
                throw new PresetException(source, null, "file of " + size + " bytes exceeds the limit of "
                        + Limits.MAX_FILE_BYTES + " bytes");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PresetException(source, null, "file not found");
        } catch (IOException | SecurityException e) {
            throw new PresetException(source, null, "cannot read file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return parse(text, source);
    }

    /** Reads (at most the file size limit) and validates preset JSON from a stream, e.g. standard input. */
    public static Preset read(java.io.InputStream in, String source) throws PresetException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, Limits.MAX_FILE_BYTES + 1));
        } catch (IOException e) {
            throw new PresetException(source, null, "cannot read (" + e.getMessage() + ")");
        }
        if (bytes.length > Limits.MAX_FILE_BYTES)
            throw new PresetException(source, null, "more than the limit of " + Limits.MAX_FILE_BYTES + " bytes");
        return parse(new String(bytes, StandardCharsets.UTF_8), source);
    }

    /** Preset JSON on one line (the clipboard's and standard input's compact form). */
    public static String toCompactJson(Preset p) {
        return com.google.gson.JsonParser.parseString(GSON.toJson(p)).toString();
    }

    /** Parses and validates preset JSON text; source names it in error messages. */
    public static Preset parse(String text, String source) throws PresetException {
        JsonShapeCheck.check(text, source);
        Preset p;
        // parse from a reader (not a tree) so that a failure knows the JSON path of the field
        JsonReader reader = new JsonReader(new StringReader(text));
        try {
            p = GSON.fromJson(reader, Preset.class);
            if (reader.peek() != JsonToken.END_DOCUMENT)
                throw new PresetException(source, null, "malformed JSON (content after the end of the object)");
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | IOException e) {
            String field = fieldOf(e);
            if (field == null) field = pathOf(reader);
            throw new PresetException(source, field, "malformed JSON (" + firstLine(e) + ")");
        }
        if (p == null) throw new PresetException(source, null, "empty file");
        PresetValidator.validate(p, source);
        return p;
    }

    private static String pathOf(JsonReader reader) {
        String path = reader.getPath();
        if (path == null || path.equals("$")) return null;
        return path.startsWith("$.") ? path.substring(2) : path.substring(1);
    }

    private static String fieldOf(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = GSON_PATH.matcher(String.valueOf(t.getMessage()));
            if (m.find()) return m.group(1).replaceAll("[.;,]$", "");
        }
        return null;
    }

    private static String firstLine(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        msg = msg.replaceFirst("^[a-z.]+\\.[A-Za-z]+Exception: ", "");
        int nl = msg.indexOf('\n');
        if (nl >= 0) msg = msg.substring(0, nl);
        int see = msg.indexOf("\nSee ");
        if (see >= 0) msg = msg.substring(0, see);
        return msg.replaceAll(" See https?://\\S+", "").trim();
    }

    public static String toJson(Preset p) {
        return GSON.toJson(p);
    }

    /** Deep copy through JSON. */
    public static Preset copy(Preset p) {
        return GSON.fromJson(GSON.toJsonTree(p), Preset.class);
    }
}
