package org.dlnexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeded fuzzing of `run` (issue 18): the bundled presets mutated as a reliability engineer would (deleted fields,
 * wrong types, extreme numbers, bad shapes, deep nesting, duplicate keys, huge compare sets), each run in-process
 * under a short wall-time budget. The contract: exit 0 with JSON free of NaN and Infinity, or exit 2 with one line
 * naming the file; never exit 1, never a stack trace.
 */
class PresetFuzzTest {
    /** fixed for the suite; -Dfuzz.seed and -Dfuzz.cases explore further */
    static final long SEED = Long.getLong("fuzz.seed", 18L);
    static final int CASES = Integer.getInteger("fuzz.cases", 160);
    /** wall-time budget of each fuzzed run (--max-seconds) */
    static final String RUN_SECONDS = "0.25";
    static final double[] EXTREMES = {0, -1, -0.0, 1e-320, 4.9e-324, 1e-300, 1e15, 2147483648.0, 9.3e18, 1e150,
            1e308, -1e308, 1e9, 0.5, 3, 1024, 100_000};

    @TempDir
    Path dir;

    /** one place in the tree: a key of an object or an index of an array */
    record Slot(JsonElement parent, String key, int index) {
        JsonElement get() {
            return key != null ? parent.getAsJsonObject().get(key) : parent.getAsJsonArray().get(index);
        }

        void set(JsonElement v) {
            if (key != null) parent.getAsJsonObject().add(key, v);
            else parent.getAsJsonArray().set(index, v);
        }

        void delete() {
            if (key != null) parent.getAsJsonObject().remove(key);
            else parent.getAsJsonArray().remove(index);
        }
    }

    static void slots(JsonElement e, List<Slot> out) {
        if (e.isJsonObject()) {
            for (String k : new ArrayList<>(e.getAsJsonObject().keySet())) {
                out.add(new Slot(e, k, -1));
                slots(e.getAsJsonObject().get(k), out);
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            // long arrays (data, weights): a few of their elements are enough
            for (int i = 0; i < Math.min(a.size(), 8); i++) {
                out.add(new Slot(e, null, i));
                slots(a.get(i), out);
            }
        }
    }

    static JsonElement wrongType(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new JsonPrimitive("text");
            case 1 -> new JsonPrimitive(r.nextBoolean());
            case 2 -> new JsonObject();
            case 3 -> new JsonArray();
            case 4 -> JsonNull.INSTANCE;
            default -> new JsonPrimitive(1.5);
        };
    }

    /** stands for a deeply nested value in the tree (Gson cannot write one): replaced in the text */
    static final String DEEP = "@@deep@@", SHALLOW = "@@shallow@@";

    /** [{"a": [{"a": … 1 …}]}] nested depth levels, as text */
    static String nested(int depth) {
        StringBuilder open = new StringBuilder(), close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            open.append(i % 2 == 0 ? "[" : "{\"a\":");
            close.insert(0, i % 2 == 0 ? "]" : "}");
        }
        return open + "1" + close;
    }

    static String expand(String text) {
        return text.replace("\"" + DEEP + "\"", nested(20_000)).replace("\"" + SHALLOW + "\"", nested(40));
    }

    /** One mutation of the tree; the text mutations (duplicate keys) are applied to the text. */
    static String mutate(JsonObject root, Random r) {
        List<Slot> all = new ArrayList<>();
        slots(root, all);
        Slot s = all.get(r.nextInt(all.size()));
        String text = null;
        switch (r.nextInt(9)) {
            case 0 -> s.delete();
            case 1 -> s.set(wrongType(r));
            case 2, 3 -> {
                double v = EXTREMES[r.nextInt(EXTREMES.length)];
                s.set(new JsonPrimitive(r.nextBoolean() ? v : -v));
            }
            case 4 -> {   // a bad shape: an array one shorter, one longer, or nested once more
                JsonElement v = s.get();
                if (v.isJsonArray() && !v.getAsJsonArray().isEmpty()) {
                    JsonArray a = v.getAsJsonArray();
                    switch (r.nextInt(3)) {
                        case 0 -> a.remove(a.size() - 1);
                        case 1 -> a.add(a.get(0).deepCopy());
                        default -> { JsonArray outer = new JsonArray(); outer.add(a); s.set(outer); }
                    }
                } else {
                    s.set(new JsonArray());
                }
            }
            case 5 -> s.set(new JsonPrimitive(r.nextBoolean() ? SHALLOW : DEEP));
            case 6 -> {
                JsonObject c = new JsonObject();
                String[] params = {"init.delta", "init.scale", "network.depth", "network.width", "training.learningRate",
                        "init.seed", "task.target.singularValues[0]", "training.duration", "network.widths[1]", "bogus"};
                c.addProperty("parameter", params[r.nextInt(params.length)]);
                JsonArray values = new JsonArray();
                int n = r.nextBoolean() ? 1 + r.nextInt(4) : 500 + r.nextInt(20_000);
                for (int i = 0; i < n; i++) values.add(r.nextBoolean() ? r.nextGaussian() * 3 : EXTREMES[r.nextInt(EXTREMES.length)]);
                root.add("compare", c);
                c.add("values", values);
            }
            case 7 -> {
                String t = root.toString();
                int k = t.indexOf("\"", 1 + r.nextInt(Math.max(1, t.length() / 2)));
                int end = k < 0 ? -1 : t.indexOf("\":", k + 1);
                if (end > k && k > 0) {
                    String key = t.substring(k, end + 2);
                    text = t.substring(0, k) + key + "0," + t.substring(k);
                } else {
                    text = t;
                }
            }
            default -> {   // cut the text short or insert a stray character
                String t = root.toString();
                int at = r.nextInt(t.length());
                text = r.nextBoolean() ? t.substring(0, at) : t.substring(0, at) + ",}]\"".charAt(r.nextInt(4)) + t.substring(at);
            }
        }
        return text;
    }

    static Stream<Path> bundled() throws IOException {
        return Files.list(Path.of("presets")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @Test
    void mutatedPresetsGetExitZeroOrTwoWithOneLineNeverAnInternalError() throws IOException {
        List<Path> presets = bundled().toList();
        Random r = new Random(SEED);
        int ok = 0, refused = 0;
        long t0 = System.nanoTime();
        for (int c = 0; c < CASES; c++) {
            Path base = presets.get(r.nextInt(presets.size()));
            JsonObject root = JsonParser.parseString(Files.readString(base)).getAsJsonObject();
            String text = null;
            int mutations = 1 + r.nextInt(3);
            for (int m = 0; m < mutations && text == null; m++) text = mutate(root, r);
            if (text == null) text = root.toString();
            text = expand(text);
            Path f = dir.resolve("case-" + c + ".json");
            Files.writeString(f, text);
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = DlnCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "run", f.toString(), "--max-seconds", RUN_SECONDS);
            String what = "case " + c + " (from " + base.getFileName() + "): " + abbreviate(text) + "\n→ exit " + code
                    + ", stderr: " + err;
            assertTrue(code == DlnCommand.OK || code == DlnCommand.INVALID, what);
            assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"), what);
            if (code == DlnCommand.INVALID) {
                refused++;
                String line = err.toString().strip();
                assertFalse(line.contains("\n"), "one line: " + what);
                assertTrue(line.startsWith("dln-explorer: " + f + ": "), "names the file: " + what);
                assertEquals("", out.toString());
            } else {
                ok++;
                String json = out.toString();
                assertFalse(json.contains("NaN") || json.contains("Infinity"), what);
                assertTrue(JsonParser.parseString(json).isJsonObject(), what);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(ok > 0 && refused > 0, "both outcomes occur: " + ok + " ran, " + refused + " refused");
        assertTrue(seconds < 0.3 * CASES, CASES + " cases took " + seconds + " s");
        System.out.printf("fuzz seed %d: %d cases, %d ran, %d refused, %.1f s%n", SEED, CASES, ok, refused, seconds);
    }

    static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 200) + " … " + s.substring(s.length() - 150);
    }
}
