package org.dlnexplorer.cli;

import static org.dlnexplorer.cli.CliRun.exec;
import org.dlnexplorer.cli.CliRun.Result;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every bad input of issue 18, as `run FILE` in-process: exit 2 with one line naming the file, the field and
 * the limit, never a stack trace; and the runaway runs, which stop at their budget and say so (exit 0).
 */
class BadInputRegressionTest {
    static final Path SAXE = Path.of("presets/saxe-two-modes.json");
    /**
     * the integrator of the long runs below: fixed-step, so a duration of 1e9 really is ~1e12 steps (adaptive
     * gradient flow turns implicit once the run has converged and is stiff, and finishes any duration in a few
     * hundred steps)
     */
    static final String LONG_RUN_METHOD = "gradient-flow-rk4";
    /** each case is refused before any work: well under this */
    static final long REFUSAL_MILLIS = 5_000;

    @TempDir
    Path dir;

    static JsonObject saxe() {
        try {
            return JsonParser.parseString(Files.readString(SAXE)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String mutated(Consumer<JsonObject> change) {
        JsonObject o = saxe();
        change.accept(o);
        return o.toString();
    }

    static JsonObject at(JsonObject o, String section) { return o.getAsJsonObject(section); }

    static JsonArray numbers(double... v) {
        JsonArray a = new JsonArray();
        for (double x : v) a.add(x);
        return a;
    }

    static JsonObject compare(String parameter, JsonArray values) {
        JsonObject c = new JsonObject();
        c.addProperty("parameter", parameter);
        c.add("values", values);
        return c;
    }

    static String data(int rows, double big) {
        StringBuilder x = new StringBuilder("["), y = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            if (i > 0) { x.append(','); y.append(','); }
            x.append('[').append(i == 0 ? big : i % 7).append(",1]");
            y.append("[1,").append(i % 3).append(']');
        }
        JsonObject o = saxe();
        o.getAsJsonObject("task").remove("target");
        o.getAsJsonObject("task").remove("inputs");
        return o.toString().replace("\"task\":{}", "\"task\":{\"data\":{\"X\":" + x + "],\"Y\":" + y + "]}}");
    }

    static String nestedView(int depth) {
        String base = saxe().toString();
        return base.substring(0, base.length() - 1) + ",\"view\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
    }

    /** name, preset text, words the one line must contain (the field, the limit) */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("null in a number array", mutated(o -> {
                    JsonArray a = numbers(3); a.add((String) null);
                    at(at(o, "task"), "target").add("singularValues", a);
                }), new String[] {"task.target.singularValues[1]", "null"}),
                Arguments.of("null in widths", mutated(o -> {
                    JsonArray a = new JsonArray(); a.add(2); a.add((String) null); a.add(2);
                    at(o, "network").add("widths", a);
                }), new String[] {"network.widths[1]", "null"}),
                Arguments.of("compare path init.delta[", mutated(o -> o.add("compare", compare("init.delta[", numbers(1)))),
                        new String[] {"compare.parameter", "bad field path"}),
                Arguments.of("compare path .", mutated(o -> o.add("compare", compare(".", numbers(1)))),
                        new String[] {"compare.parameter", "bad field path"}),
                Arguments.of("compare path singularValues[-1]",
                        mutated(o -> o.add("compare", compare("singularValues[-1]", numbers(1)))),
                        new String[] {"compare.parameter", "bad field path"}),
                Arguments.of("compare path task.target.singularValues[-1]",
                        mutated(o -> o.add("compare", compare("task.target.singularValues[-1]", numbers(1)))),
                        new String[] {"compare.parameter", "bad field path"}),
                Arguments.of("empty widths", mutated(o -> at(o, "network").add("widths", new JsonArray())),
                        new String[] {"network.widths", "at least two"}),
                Arguments.of("init.scale 1e150", mutated(o -> at(o, "init").addProperty("scale", 1e150)),
                        new String[] {"init.scale", "1000", "limit"}),
                Arguments.of("init.scale 1e308", mutated(o -> at(o, "init").addProperty("scale", 1e308)),
                        new String[] {"init.scale", "limit"}),
                Arguments.of("data with 1e308", data(4, 1e308), new String[] {"task.data.X[0][0]", "limit"}),
                Arguments.of("data with 40,000 rows", data(40_000, 1), new String[] {"task.data.X", "8192", "limit"}),
                Arguments.of("data with 230,000 rows", data(230_000, 1), new String[] {"task.data.X", "8192", "limit"}),
                Arguments.of("compare network.depth 1e9",
                        mutated(o -> o.add("compare", compare("network.depth", numbers(1e9)))),
                        new String[] {"compare.values[0]", "network.depth", "100"}),
                Arguments.of("compare network.depth 2e9",
                        mutated(o -> o.add("compare", compare("network.depth", numbers(2, 2e9)))),
                        new String[] {"compare.values[1]", "network.depth", "100"}),
                Arguments.of("compare network.depth 1e300",
                        mutated(o -> o.add("compare", compare("network.depth", numbers(1e300)))),
                        new String[] {"compare.values[0]", "between 1 and 100"}),
                Arguments.of("view nested 100,000 deep", nestedView(100_000), new String[] {"view", "nested deeper than 64"}),
                Arguments.of("depth 100 × width 1024", mutated(o -> {
                    JsonArray w = new JsonArray();
                    for (int i = 0; i <= 100; i++) w.add(1024);
                    at(o, "network").add("widths", w);
                }), new String[] {"network.widths", "parameters exceed the limit"}),
                Arguments.of("compare set of 16,000 values", mutated(o -> {
                    double[] v = new double[16_000];
                    for (int i = 0; i < v.length; i++) v[i] = i * 1e-4;
                    o.add("compare", compare("init.delta", numbers(v)));
                }), new String[] {"compare.values", "1024", "limit"}),
                Arguments.of("duplicate key", saxe().toString().replaceFirst("\"name\":", "\"name\":\"x\",\"name\":"),
                        new String[] {"duplicate key \"name\""}),
                Arguments.of("malformed JSON", saxe().toString().replaceFirst(",\"network\"", ",,\"network\""),
                        new String[] {"malformed JSON at line 1, column"}),
                Arguments.of("unclosed JSON", "{\"schema\": 1, \"name\": \"x\"", new String[] {"malformed JSON", "line 1"}),
                Arguments.of("duration 1e308", mutated(o -> at(o, "training").addProperty("duration", 1e308)),
                        new String[] {"training.duration", "limits"}),
                Arguments.of("duration 1e-300", mutated(o -> at(o, "training").addProperty("duration", 1e-300)),
                        new String[] {"training.duration", "limits"}),
                Arguments.of("atol 1e-320", mutated(o -> at(o, "training").addProperty("atol", 1e-320)),
                        new String[] {"training.atol", "limits"}),
                Arguments.of("rtol 0", mutated(o -> at(o, "training").addProperty("rtol", 0)),
                        new String[] {"training.rtol", "limits"}),
                Arguments.of("maxSteps 0", mutated(o -> at(o, "training").addProperty("maxSteps", 0)),
                        new String[] {"training.maxSteps"}),
                Arguments.of("widths 3-1024-1024 with 100,000 samples", mutated(o -> {
                    at(o, "network").add("widths", numbers(1024, 1024, 1024));
                    at(o, "training").addProperty("samples", 100_000);
                }), new String[] {"training.samples", "limit", "frames"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithOneLineNamingFileFieldAndLimit(String name, String text, String[] words) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        long t0 = System.nanoTime();
        Result r = exec("run", f.toString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(DlnCommand.INVALID, r.code(), name + ": " + r.err());
        assertEquals("", r.out());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + r.err());
        assertTrue(line.startsWith("dln-explorer: " + f + ": "), "names the file: " + line);
        for (String w : words) assertTrue(line.contains(w), "\"" + w + "\" in: " + line);
        assertFalse(line.contains("Exception") || line.contains("setStrictness") || line.contains("\tat "), line);
        assertTrue(millis < REFUSAL_MILLIS, name + " took " + millis + " ms");
    }

    @Test
    void aRunPastItsStepBudgetStopsAndSaysSoWithoutDiverging() throws IOException {
        Path f = dir.resolve("long.json");
        Files.writeString(f, mutated(o -> {
            at(o, "training").addProperty("duration", 1e9);
            at(o, "training").addProperty("method", LONG_RUN_METHOD);
            at(o, "training").addProperty("maxSteps", 20_000);
        }));
        Result r = exec("run", f.toString());
        assertEquals(DlnCommand.OK, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertFalse(o.get("diverged").getAsBoolean(), "a step budget is not a divergence");
        assertTrue(o.get("divergedAtStep").isJsonNull());
        JsonObject stopped = o.getAsJsonObject("stopped");
        assertEquals("step budget", stopped.get("reason").getAsString());
        assertEquals(20_000, stopped.get("steps").getAsLong());
        assertEquals(20_000, o.get("steps").getAsLong());
        JsonArray t = o.getAsJsonArray("t");
        assertEquals(t.get(t.size() - 1).getAsDouble(), stopped.get("t").getAsDouble(), 0.0, "t of the last frame");
        assertTrue(stopped.get("t").getAsDouble() < 1e9);
        assertTrue(r.err().contains("stopped after 20000 steps at t = "), r.err());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"));
    }

    @Test
    void aSweepOfLongRunsFinishesWithinItsCellsStepBudgets() throws IOException {
        Path f = dir.resolve("long.json"), out = dir.resolve("grid.csv");
        Files.writeString(f, mutated(o -> {
            at(o, "training").addProperty("duration", 1e6);
            at(o, "training").addProperty("method", LONG_RUN_METHOD);
        }));
        long t0 = System.nanoTime();
        Result r = exec("sweep", f.toString(), "--x", "init.scale=0.1:1:2:log", "--y", "init.delta=-1:1:2",
                "--out", out.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(DlnCommand.OK, r.code(), r.err());
        assertTrue(seconds < 30, "4 cells of 20,000 steps took " + seconds + " s");
        java.util.List<String> rows = Files.readAllLines(out);
        assertEquals(5, rows.size());
        for (String row : rows.subList(1, 5)) assertTrue(row.contains(",false,stopped,"), row);
        assertTrue(r.err().contains("4 cells stopped at their step budget"), r.err());
    }

    @Test
    void aRunPastItsWallTimeStopsAndSaysSo() throws IOException {
        Path f = dir.resolve("slow.json");
        Files.writeString(f, mutated(o -> {
            at(o, "training").addProperty("duration", 1e9);
            at(o, "training").addProperty("method", LONG_RUN_METHOD);
        }));
        long t0 = System.nanoTime();
        Result r = exec("run", f.toString(), "--max-seconds", "1");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(DlnCommand.OK, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertFalse(o.get("diverged").getAsBoolean());
        assertEquals("time budget", o.getAsJsonObject("stopped").get("reason").getAsString());
        assertTrue(seconds < 10, "stopped near its budget, took " + seconds + " s");
        assertTrue(r.err().contains("(time budget)"), r.err());
    }

    @Test
    void progressIsOneLinePerFivePercentOffATerminalAndNothingForAQuickRun() throws IOException {
        Result quick = exec("run", SAXE.toString());
        assertEquals("", quick.err(), "nothing for a run done within a second");
        Path f = dir.resolve("long.json");
        Files.writeString(f, mutated(o -> {
            at(o, "training").addProperty("duration", 1e9);
            at(o, "training").addProperty("method", LONG_RUN_METHOD);
            at(o, "training").addProperty("maxSteps", 6_000_000);
        }));
        Result r = exec("run", f.toString(), "--max-seconds", "3");
        assertEquals(DlnCommand.OK, r.code(), r.err());
        long lines = r.err().lines().filter(l -> l.matches("run long\\.json: \\d+% after \\d+\\.\\d s")).count();
        assertTrue(lines >= 1 && lines <= 21, "progress lines: " + r.err());
    }
}
