package org.dlnexplorer.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Limits;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetIo;
import org.dlnexplorer.preset.PresetPaths;
import org.dlnexplorer.preset.PresetValidator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lecture playlist (presets/playlists/*.json): a title and steps, each a preset (a bundled preset's name,
 * or a file relative to the playlist), optional field values set on it, a caption with inline math
 * ({@link org.dlnexplorer.chart.InlineMath}), the views to show, and a parameter to animate over a range
 * ("time": the time cursor sweeps the run). Read and checked field by field: a bad playlist is one line
 * naming the file and the field, like a bad preset.
 */
public record Lecture(String title, List<Step> steps, String source) {
    public static final int MAX_STEPS = 100, MAX_CAPTION = 600, MAX_VIEWS = 4;
    /** the animated "parameter" that sweeps the time cursor instead of a preset field */
    public static final String TIME = "time";
    public static final double DEFAULT_SECONDS = 5, MAX_SECONDS = 600;
    private static final Set<String> TOP = Set.of("schema", "title", "steps");
    private static final Set<String> STEP = Set.of("preset", "caption", "views", "set", "animate");
    private static final Set<String> ANIMATE = Set.of("parameter", "from", "to", "seconds");

    /** what a step animates: a preset field dragged from → to, or the time cursor ("time"), over seconds */
    public record Animate(String parameter, double from, double to, double seconds) {
        public boolean isTime() { return TIME.equals(parameter); }
    }

    /** one step: number from 1, the preset as named and as read (with the set values), caption, views, animation */
    public record Step(int number, String presetName, Preset preset, String presetSource, String caption,
                       List<ViewId> views, Animate animate) {}

    public static Lecture read(Path file) throws PresetException {
        String source = file.toString();
        String text;
        try {
            if (Files.size(file) > Limits.MAX_FILE_BYTES) throw new PresetException(source, null, "file too large");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PresetException(source, null, Files.exists(file) ? "cannot read file (" + e.getMessage() + ")" : "file not found");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, source, dir);
    }

    public static Lecture parse(String text, String source, Path dir) throws PresetException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^[a-z.]+\\.[A-Za-z]+Exception: ", "");
            int cut = m.indexOf(" See ");
            throw new PresetException(source, null, "malformed JSON (" + (cut > 0 ? m.substring(0, cut) : m) + ")");
        }
        if (!root.isJsonObject()) throw new PresetException(source, null, "must be a JSON object with \"title\" and \"steps\"");
        JsonObject o = root.getAsJsonObject();
        known(o, TOP, source, "");
        String title = string(o, "title", source, "title", true, 200);
        JsonElement s = o.get("steps");
        if (s == null || !s.isJsonArray() || s.getAsJsonArray().isEmpty())
            throw new PresetException(source, "steps", "must be a non-empty array of steps");
        JsonArray a = s.getAsJsonArray();
        if (a.size() > MAX_STEPS) throw new PresetException(source, "steps", "at most " + MAX_STEPS + " steps");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) steps.add(step(a.get(i), i, source, dir));
        return new Lecture(title, List.copyOf(steps), source);
    }

    private static Step step(JsonElement e, int i, String source, Path dir) throws PresetException {
        String at = "steps[" + i + "]";
        if (!e.isJsonObject()) throw new PresetException(source, at, "must be an object with \"preset\"");
        JsonObject o = e.getAsJsonObject();
        known(o, STEP, source, at + ".");
        String name = string(o, "preset", source, at + ".preset", true, 500);
        String caption = string(o, "caption", source, at + ".caption", false, MAX_CAPTION);
        Preset p;
        String presetSource;
        Path local = dir == null ? null : dir.resolve(name);
        try {
            if (local != null && Files.isRegularFile(local)) {
                p = PresetIo.read(local);
                presetSource = local.toString();
            } else {
                p = BundledPresets.readFileOrName(Path.of(name));
                presetSource = name;
            }
        } catch (PresetException ex) {
            throw new PresetException(source, at + ".preset", ex.getMessage());
        } catch (java.nio.file.InvalidPathException ex) {
            throw new PresetException(source, at + ".preset", "not a file name: " + name);
        }
        if (o.has("set")) {
            if (!o.get("set").isJsonObject()) throw new PresetException(source, at + ".set", "must be an object of field paths and numbers");
            for (var f : o.getAsJsonObject("set").entrySet()) {
                String field = at + ".set." + f.getKey();
                double v = number(f.getValue(), source, field);
                try {
                    PresetPaths.checkSettable(p, f.getKey());
                    p = PresetPaths.with(p, f.getKey(), v);
                } catch (IllegalArgumentException ex) {
                    throw new PresetException(source, field, ex.getMessage());
                }
            }
            try {
                PresetValidator.validate(p, presetSource);
            } catch (PresetException ex) {
                throw new PresetException(source, at + ".set", ex.getMessage());
            }
        }
        List<ViewId> views = views(o, p, source, at);
        Animate animate = o.has("animate") ? animate(o.get("animate"), p, source, at + ".animate") : null;
        return new Step(i + 1, name, p, presetSource, caption == null ? "" : caption, views, animate);
    }

    private static List<ViewId> views(JsonObject o, Preset p, String source, String at) throws PresetException {
        if (!o.has("views")) {
            List<ViewId> all = ViewId.panelsOrAll(p);
            return all.subList(0, Math.min(2, all.size()));
        }
        JsonElement e = o.get("views");
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty() || e.getAsJsonArray().size() > MAX_VIEWS)
            throw new PresetException(source, at + ".views", "must list 1 to " + MAX_VIEWS + " view names (" + ViewId.names() + ")");
        List<ViewId> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int k = 0; k < a.size(); k++) {
            JsonElement x = a.get(k);
            ViewId v = x.isJsonPrimitive() && x.getAsJsonPrimitive().isString() ? ViewId.fromCliName(x.getAsString()) : null;
            if (v == null) throw new PresetException(source, at + ".views[" + k + "]", "unknown view " + x + " (known: " + ViewId.names() + ")");
            if (out.contains(v)) throw new PresetException(source, at + ".views[" + k + "]", "lists " + x + " twice");
            out.add(v);
        }
        return List.copyOf(out);
    }

    private static Animate animate(JsonElement e, Preset p, String source, String at) throws PresetException {
        if (!e.isJsonObject()) throw new PresetException(source, at, "must be an object with parameter, from, to (and seconds)");
        JsonObject o = e.getAsJsonObject();
        known(o, ANIMATE, source, at + ".");
        String parameter = string(o, "parameter", source, at + ".parameter", true, 200);
        if (!TIME.equals(parameter)) {
            try {
                PresetPaths.checkSettable(p, parameter);
            } catch (IllegalArgumentException ex) {
                throw new PresetException(source, at + ".parameter", ex.getMessage() + " (or \"time\")");
            }
        }
        double from = o.has("from") ? number(o.get("from"), source, at + ".from") : Double.NaN;
        double to = o.has("to") ? number(o.get("to"), source, at + ".to") : Double.NaN;
        if (TIME.equals(parameter)) {
            if (Double.isNaN(from)) from = 0;
            if (Double.isNaN(to)) to = p.training != null && p.training.duration != null ? p.training.duration : 0;
        }
        if (Double.isNaN(from) || Double.isNaN(to)) throw new PresetException(source, at, "needs \"from\" and \"to\"");
        if (from == to) throw new PresetException(source, at + ".to", "must differ from \"from\"");
        double seconds = o.has("seconds") ? number(o.get("seconds"), source, at + ".seconds") : DEFAULT_SECONDS;
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) throw new PresetException(source, at + ".seconds", "must be in (0, " + (int) MAX_SECONDS + "]");
        if (!TIME.equals(parameter)) {
            for (double v : new double[]{from, to}) {
                try {
                    PresetValidator.validate(PresetPaths.with(p, parameter, v), source);
                } catch (IllegalArgumentException | PresetException ex) {
                    throw new PresetException(source, at + (v == from ? ".from" : ".to"), "the preset cannot take " + v + " (" + ex.getMessage() + ")");
                }
            }
        }
        return new Animate(parameter, from, to, seconds);
    }

    private static void known(JsonObject o, Set<String> keys, String source, String prefix) throws PresetException {
        for (String k : o.keySet())
            if (!keys.contains(k)) throw new PresetException(source, prefix + k, "unknown field (expected " + String.join(", ", keys.stream().sorted().toList()) + ")");
    }

    private static String string(JsonObject o, String key, String source, String field, boolean required, int max) throws PresetException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) throw new PresetException(source, field, "missing");
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw new PresetException(source, field, "must be a string");
        String s = e.getAsString();
        if (required && s.isBlank()) throw new PresetException(source, field, "must not be empty");
        if (s.length() > max) throw new PresetException(source, field, "longer than " + max + " characters");
        return s;
    }

    private static double number(JsonElement e, String source, String field) throws PresetException {
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) throw new PresetException(source, field, "must be a number");
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) throw new PresetException(source, field, "must be finite");
        return v;
    }
}
