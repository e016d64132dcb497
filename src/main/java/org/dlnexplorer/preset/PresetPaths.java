package org.dlnexplorer.preset;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads and sets numeric preset fields by path: "init.delta", "training.learningRate",
 * "task.target.singularValues[0]", "network.widths[1]", and two derived fields:
 * "network.depth" (keeps n_0, n_L and the first hidden width) and "network.width" (every hidden width).
 * Used by compare sets, sweeps and the app's sliders.
 */
public final class PresetPaths {
    private PresetPaths() {}

    /** A copy of p with the field at path set to value (integral fields are rounded). */
    public static Preset with(Preset p, String path, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("value for " + path + " must be finite");
        if (path.equals("network.depth")) return withDepth(p, (int) Math.round(value));
        if (path.equals("network.width")) return withHiddenWidth(p, (int) Math.round(value));
        JsonObject root = PresetIo.gson().toJsonTree(p).getAsJsonObject();
        String[] parts = path.split("\\.");
        JsonElement node = root;
        for (int i = 0; i < parts.length - 1; i++) node = child(node, parts[i], path, true);
        set(node, parts[parts.length - 1], value, path);
        return PresetIo.gson().fromJson(root, Preset.class);
    }

    /** The numeric value at path, or null when the field is absent. */
    public static Double get(Preset p, String path) {
        if (path.equals("network.depth")) return p.network == null || p.network.widths == null ? null : (double) (p.network.widths.length - 1);
        if (path.equals("network.width")) return p.network == null || p.network.widths == null || p.network.widths.length < 3 ? null : (double) p.network.widths[1];
        JsonElement node = PresetIo.gson().toJsonTree(p);
        for (String part : path.split("\\.")) {
            node = child(node, part, path, false);
            if (node == null) return null;
        }
        if (!node.isJsonPrimitive() || !node.getAsJsonPrimitive().isNumber())
            throw new IllegalArgumentException("\"" + path + "\" is not a numeric field");
        return node.getAsDouble();
    }

    private static JsonElement child(JsonElement node, String part, String path, boolean create) {
        String name = part;
        int index = -1;
        int br = part.indexOf('[');
        if (br >= 0) {
            if (!part.endsWith("]")) throw new IllegalArgumentException("bad field path \"" + path + "\"");
            name = part.substring(0, br);
            index = Integer.parseInt(part.substring(br + 1, part.length() - 1));
        }
        if (!node.isJsonObject()) throw new IllegalArgumentException("no field \"" + path + "\"");
        JsonObject obj = node.getAsJsonObject();
        JsonElement c = obj.get(name);
        if (c == null) {
            if (!create) return null;
            if (index >= 0) throw new IllegalArgumentException("no field \"" + path + "\"");
            c = new JsonObject();
            obj.add(name, c);
        }
        if (index >= 0) {
            if (!c.isJsonArray() || index >= c.getAsJsonArray().size())
                throw new IllegalArgumentException("no field \"" + path + "\"");
            c = c.getAsJsonArray().get(index);
        }
        return c;
    }

    private static void set(JsonElement node, String part, double value, String path) {
        if (!node.isJsonObject()) throw new IllegalArgumentException("no field \"" + path + "\"");
        JsonPrimitive v = value == Math.rint(value) && Math.abs(value) < 1e15
                ? new JsonPrimitive((long) value) : new JsonPrimitive(value);
        int br = part.indexOf('[');
        if (br >= 0) {
            String name = part.substring(0, br);
            int index = Integer.parseInt(part.substring(br + 1, part.length() - 1));
            JsonElement arr = node.getAsJsonObject().get(name);
            if (arr == null || !arr.isJsonArray() || index >= arr.getAsJsonArray().size())
                throw new IllegalArgumentException("no field \"" + path + "\"");
            JsonArray a = arr.getAsJsonArray();
            if (!a.get(index).isJsonPrimitive()) throw new IllegalArgumentException("\"" + path + "\" is not a numeric field");
            a.set(index, v);
            return;
        }
        JsonElement old = node.getAsJsonObject().get(part);
        if (old != null && !(old.isJsonPrimitive() && old.getAsJsonPrimitive().isNumber()))
            throw new IllegalArgumentException("\"" + path + "\" is not a numeric field");
        if (old == null && !KNOWN_NUMERIC.contains(path))
            throw new IllegalArgumentException("unknown numeric field \"" + path + "\"");
        node.getAsJsonObject().add(part, v);
    }

    /** numeric fields that may be absent from a preset and still be set */
    public static final java.util.Set<String> KNOWN_NUMERIC = java.util.Set.of(
            "init.scale", "init.delta", "init.seed", "training.duration", "training.samples",
            "training.learningRate", "training.rtol", "training.atol", "task.target.seed");

    private static Preset withDepth(Preset p, int depth) {
        if (depth < 1) throw new IllegalArgumentException("network.depth must be ≥ 1");
        Preset c = PresetIo.copy(p);
        int[] w = c.network.widths;
        int hidden = w.length >= 3 ? w[1] : Math.max(w[0], w[w.length - 1]);
        int[] nw = new int[depth + 1];
        nw[0] = w[0];
        nw[depth] = w[w.length - 1];
        for (int i = 1; i < depth; i++) nw[i] = hidden;
        c.network.widths = nw;
        if (c.training != null && c.training.layerRates != null && c.training.layerRates.length != depth)
            c.training.layerRates = null;
        return c;
    }

    private static Preset withHiddenWidth(Preset p, int width) {
        if (width < 1) throw new IllegalArgumentException("network.width must be ≥ 1");
        Preset c = PresetIo.copy(p);
        int[] w = c.network.widths;
        for (int i = 1; i < w.length - 1; i++) w[i] = width;
        return c;
    }
}
