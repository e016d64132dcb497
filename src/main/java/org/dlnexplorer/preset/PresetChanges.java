package org.dlnexplorer.preset;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an edited preset changed from the preset it was made from, so that a saved file never claims to be
 * the original: the name gets " (modified)" and the description a last line listing each changed field
 * with its old → new value. Fields compared: everything but the name, the description and the "view"
 * section (where the views are placed changes no number a description quotes).
 */
public final class PresetChanges {
    public static final String MODIFIED_SUFFIX = " (modified)";
    public static final String CHANGED_PREFIX = "Changed from \"";
    private static final Set<String> NOT_COMPARED = Set.of("name", "description", "view");

    private PresetChanges() {}

    /** "field: old → new" for every leaf that differs (absent shown as "none"), in field order. */
    public static List<String> changes(Preset base, Preset edited) {
        List<String> out = new ArrayList<>();
        diff("", PresetIo.gson().toJsonTree(base), PresetIo.gson().toJsonTree(edited), out);
        return out;
    }

    /**
     * The edited preset, renamed and described as a modification of base when anything changed (a copy;
     * the arguments are not changed). Nothing changed: the edited preset as it is.
     */
    public static Preset annotate(Preset base, Preset edited) {
        List<String> changes = changes(base, edited);
        if (changes.isEmpty()) return edited;
        Preset p = PresetIo.copy(edited);
        String baseName = base.name == null ? "preset" : base.name;
        p.name = baseName.endsWith(MODIFIED_SUFFIX) ? baseName : baseName + MODIFIED_SUFFIX;
        String line = CHANGED_PREFIX + baseName + "\": " + String.join(", ", changes) + ".";
        String d = base.description == null ? "" : base.description.strip();
        p.description = d.isEmpty() ? line : d + "\n\n" + line;
        return p;
    }

    private static void diff(String path, JsonElement a, JsonElement b, List<String> out) {
        boolean aNull = a == null || a.isJsonNull(), bNull = b == null || b.isJsonNull();
        if (aNull && bNull) return;
        if (!aNull && !bNull && a.isJsonObject() && b.isJsonObject()) {
            JsonObject oa = a.getAsJsonObject(), ob = b.getAsJsonObject();
            List<String> ordered = new ArrayList<>(oa.keySet());
            for (String k : ob.keySet()) if (!ordered.contains(k)) ordered.add(k);
            for (String k : ordered) {
                if (path.isEmpty() && NOT_COMPARED.contains(k)) continue;
                diff(path.isEmpty() ? k : path + "." + k, oa.get(k), ob.get(k), out);
            }
            return;
        }
        if (!aNull && a.equals(b)) return;
        if (!aNull && !bNull && a.isJsonPrimitive() && b.isJsonPrimitive()
                && a.getAsJsonPrimitive().isNumber() && b.getAsJsonPrimitive().isNumber()
                && a.getAsDouble() == b.getAsDouble()) return;   // 1 and 1.0 are the same value
        out.add(path + ": " + show(a) + " → " + show(b));
    }

    private static String show(JsonElement e) {
        if (e == null || e.isJsonNull()) return "none";
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
        return e.toString();
    }
}
