package org.dlnexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.output.AtomicFiles;
import org.dlnexplorer.preset.Preset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * manifest.json of an `export --all` folder: which preset (its name and file) the folder's files belong to,
 * and the files. A folder holding another preset's export is refused, so two presets' files never mix;
 * exporting the same preset again replaces its files.
 */
final class ExportManifest {
    static final String FILE = "manifest.json";

    private ExportManifest() {}

    /** A usage error when dir holds an export of another preset (or an unreadable manifest). */
    static void check(Path dir, Preset p, Path presetFile) {
        Path m = dir.resolve(FILE);
        if (!Files.exists(m)) return;
        String other;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(m, StandardCharsets.UTF_8));
            JsonObject o = e.isJsonObject() ? e.getAsJsonObject() : null;
            other = o != null && o.has("preset") && o.get("preset").isJsonPrimitive() ? o.get("preset").getAsString() : null;
        } catch (IOException | RuntimeException e) {
            throw new UsageError(m + ": unreadable export manifest; choose an empty --out folder or remove it");
        }
        if (other == null)
            throw new UsageError(m + ": not an export manifest; choose an empty --out folder");
        if (!other.equals(p.name))
            throw new UsageError("--out: " + dir + " holds the export of another preset (\"" + other
                    + "\", see " + FILE + "); choose another folder");
    }

    /** Writes the manifest (atomically) after the files. */
    static void write(Path dir, Preset p, Path presetFile, List<String> files) {
        write(dir, p, presetFile, files, java.util.Map.of());
    }

    /** The same, with the views left out because they do not apply (view → reason), as "skipped". */
    static void write(Path dir, Preset p, Path presetFile, List<String> files, java.util.Map<String, String> skipped) {
        JsonObject o = new JsonObject();
        o.addProperty("preset", p.name);
        o.addProperty("source", presetFile.toString());
        JsonArray a = new JsonArray();
        for (String f : files) a.add(f);
        o.add("files", a);
        if (!skipped.isEmpty()) {
            JsonObject s = new JsonObject();
            skipped.forEach(s::addProperty);
            o.add("skipped", s);
        }
        try {
            AtomicFiles.writeString(dir.resolve(FILE), o.toString() + "\n");
        } catch (IOException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
