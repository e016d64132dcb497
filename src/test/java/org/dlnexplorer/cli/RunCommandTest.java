package org.dlnexplorer.cli;

import static org.dlnexplorer.cli.CliRun.exec;
import org.dlnexplorer.cli.CliRun.Result;
import org.dlnexplorer.Tolerances;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunCommandTest {
    static final Path SAXE = Path.of("presets/saxe-two-modes.json");

    @Test
    void runPrintsTheSpecJson() {
        Result r = exec("run", SAXE.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        for (String key : new String[]{"name", "method", "depth", "widths", "t", "loss", "singularValues",
                "kernelDistance", "balanceDrift", "weights", "exact", "diverged", "divergedAtStep"})
            assertTrue(o.has(key), key);
        assertEquals(600, o.getAsJsonArray("t").size());
        assertEquals(2, o.get("depth").getAsInt());
        assertEquals(0.0, o.getAsJsonArray("t").get(0).getAsDouble());
        assertEquals(6.0, o.getAsJsonArray("t").get(599).getAsDouble());
        assertFalse(o.get("diverged").getAsBoolean());
        assertTrue(o.get("divergedAtStep").isJsonNull());
        assertEquals(2, o.getAsJsonArray("weights").get(0).getAsJsonArray().size());
        JsonObject exact = o.getAsJsonObject("exact");
        assertTrue(exact.get("available").getAsBoolean());
        assertEquals("saxe", exact.get("model").getAsString());
        var sim = o.getAsJsonArray("singularValues");
        var ex = exact.getAsJsonArray("singularValues");
        assertEquals(sim.size(), ex.size(), "exact on the same t grid");
        for (int i = 0; i < sim.size(); i++)
            for (int a = 0; a < 2; a++) {
                double s = sim.get(i).getAsJsonArray().get(a).getAsDouble();
                assertEquals(s, ex.get(i).getAsJsonArray().get(a).getAsDouble(), Tolerances.AGREEMENT * Math.max(1, s));
            }
        if (exact.has("kernelDistance")) assertEquals(sim.size(), exact.getAsJsonArray("kernelDistance").size());
    }

    @Test
    void runWritesTheSpecCsv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("saxe.csv");
        Result r = exec("run", SAXE.toString(), "--format", "csv", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        var lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("t,loss,sv1,sv2,kernel_distance,balance_drift"), lines.get(0));
        assertEquals(601, lines.size());
        assertFalse(String.join("\n", lines).contains("NaN"));
    }

    @Test
    void badPresetFilesExitTwoWithOneLineNamingTheField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(SAXE).replace("\"aligned\"", "\"xavier\""));
        Result r = exec("run", bad.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("init.scheme"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aBundledPresetsNameIsAcceptedWhereAFileIs() {
        // `presets` lists "saxe-two-modes.json": the bare name and the file name both run it, as the file does
        Result byFile = exec("run", SAXE.toString());
        for (String name : new String[]{"saxe-two-modes", "saxe-two-modes.json"}) {
            Result byName = exec("run", name);
            assertEquals(0, byName.code(), byName.err());
            assertEquals(byFile.out(), byName.out(), name);
        }
        Result none = exec("run", "no-such-preset");
        assertEquals(2, none.code());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        assertTrue(none.err().contains("no-such-preset") && none.err().contains("no bundled preset"), none.err());
    }

    @Test
    void missingFileUnknownFormatAndUnwritableOutExitTwo(@TempDir Path dir) {
        assertEquals(2, exec("run", dir.resolve("none.json").toString()).code());
        assertEquals(2, exec("run", SAXE.toString(), "--format", "xml").code());
        Result r = exec("run", SAXE.toString(), "--out", dir.resolve("no/such/dir/x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("x.json"), r.err());
        assertEquals(2, exec("run").code());
    }
}
