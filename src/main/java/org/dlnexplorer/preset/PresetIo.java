package org.dlnexplorer.preset;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PresetException(source, null, "file not found");
        } catch (IOException | SecurityException e) {
            throw new PresetException(source, null, "cannot read file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return parse(text, source);
    }

    /** Parses and validates preset JSON text; source names it in error messages. */
    public static Preset parse(String text, String source) throws PresetException {
        Preset p;
        try {
            JsonElement tree = GSON.fromJson(text, JsonElement.class);
            if (tree == null || !tree.isJsonObject()) throw new PresetException(source, null, "not a JSON object");
            p = GSON.fromJson(tree, Preset.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new PresetException(source, fieldOf(e), "malformed JSON (" + firstLine(e) + ")");
        }
        if (p == null) throw new PresetException(source, null, "empty file");
        PresetValidator.validate(p, source);
        return p;
    }

    private static String fieldOf(Exception e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = GSON_PATH.matcher(msg);
        return m.find() ? m.group(1) : null;
    }

    private static String firstLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
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

    /** Writes atomically: a temporary file beside the target, then a move; nothing half written is left. */
    public static void write(Preset p, Path file) throws IOException {
        writeAtomically(file, toJson(p) + "\n");
    }

    public static void writeAtomically(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) throw new IOException("no parent directory for " + file);
        Path tmp = Files.createTempFile(dir, ".dln-", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
