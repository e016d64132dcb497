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

    /** a field path: names joined by dots, each optionally indexed, e.g. task.target.singularValues[0] */
    private static final java.util.regex.Pattern PATH =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\[\\d{1,6}])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\d{1,6}])?)*");

    /** @throws IllegalArgumentException when path is not a well-formed field path */
    public static void checkSyntax(String path) {
        if (path == null || path.length() > 200 || !PATH.matcher(path).matches())
            throw new IllegalArgumentException("bad field path \"" + (path == null ? "" : path.length() > 60 ? path.substring(0, 60) + "…" : path)
                    + "\" (expected names joined by dots, each with an optional [index], e.g. init.delta or task.target.singularValues[0])");
    }

    /**
     * @throws IllegalArgumentException when path is not a numeric field that {@link #with} can set on p (checked
     *                                  without setting it, so that a bad value is not blamed on the path)
     */
    public static void checkSettable(Preset p, String path) {
        checkSyntax(path);
        if (path.equals("network.depth") || path.equals("network.width")) return;
        if (get(p, path) == null && !KNOWN_NUMERIC.contains(path))
            throw new IllegalArgumentException("unknown numeric field \"" + path + "\"");
    }

    /** A copy of p with the field at path set to value (integral fields are rounded). */
    public static Preset with(Preset p, String path, double value) {
        checkSyntax(path);
        if (!Double.isFinite(value)) throw new IllegalArgumentException("value for " + path + " must be finite");
        if (path.equals("network.depth")) return withDepth(p, integral(path, value, 1, Limits.MAX_DEPTH));
        if (path.equals("network.width")) return withHiddenWidth(p, integral(path, value, 1, Limits.MAX_WIDTH));
        JsonObject root = PresetIo.gson().toJsonTree(p).getAsJsonObject();
        String[] parts = path.split("\\.");
        JsonElement node = root;
        for (int i = 0; i < parts.length - 1; i++) node = child(node, parts[i], path, true);
        set(node, parts[parts.length - 1], value, path);
        try {
            return PresetIo.gson().fromJson(root, Preset.class);
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException(path + " cannot hold the value " + Limits.show(value)
                    + " (an integer field, or out of its range)");
        }
    }

    /** The numeric value at path, or null when the field is absent. */
    public static Double get(Preset p, String path) {
        checkSyntax(path);
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
            "training.learningRate", "training.rtol", "training.atol", "task.target.seed", "network.leak",
            "task.teacher.seed", "task.teacher.hidden", "task.teacher.samples", "task.teacher.testSamples");

    /** value rounded to an int in [min, max], checked before any allocation sized by it */
    private static int integral(String path, double value, int min, int max) {
        double r = Math.rint(value);
        if (!(r >= min && r <= max))
            throw new IllegalArgumentException(path + " must be between " + min + " and " + max + " (the limit), got "
                    + Limits.show(value));
        return (int) r;
    }

    private static Preset withDepth(Preset p, int depth) {
        if (p.network == null || p.network.widths == null || p.network.widths.length < 2)
            throw new IllegalArgumentException("network.depth needs network.widths with at least two entries");
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
        if (p.network == null || p.network.widths == null)
            throw new IllegalArgumentException("network.width needs network.widths");
        Preset c = PresetIo.copy(p);
        int[] w = c.network.widths;
        for (int i = 1; i < w.length - 1; i++) w[i] = width;
        return c;
    }
}
