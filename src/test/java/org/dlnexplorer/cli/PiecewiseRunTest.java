package org.dlnexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.cli.CliRun.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.dlnexplorer.cli.CliRun.exec;
import static org.junit.jupiter.api.Assertions.*;

/** `run` on a piecewise-linear preset: the issue #13 series in JSON and CSV, and one-line refusals. */
class PiecewiseRunTest {
    static final String PRESET = """
            { "schema": 1, "name": "relu-cli",
              "network": { "widths": [2, 8, 1], "activation": "relu" },
              "task": { "teacher": { "hidden": 2, "samples": 12, "testSamples": 50, "seed": 4 } },
              "init": { "scheme": "symmetrized", "scale": 0.3, "delta": 0.5, "seed": 2 },
              "training": { "duration": 20, "samples": 11 } }""";

    @Test
    void runWritesTheSeriesOfThePiecewiseFamily(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("relu.json");
        Files.writeString(preset, PRESET);
        Result r = exec("run", preset.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), "non-finite numbers in JSON");
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("relu", o.get("activation").getAsString());
        for (String key : new String[] {"t", "loss", "testLoss", "kernelDistance", "hamming", "parameterDistance",
                "balanceDrift", "weights"})
            assertEquals(11, o.getAsJsonArray(key).size(), key);
        assertFalse(o.get("diverged").getAsBoolean());
        // δ_k is conserved: the drift stays at the integrator's round-off
        for (var v : o.getAsJsonArray("balanceDrift")) assertTrue(v.getAsDouble() < 1e-9, "drift " + v);
        assertEquals(0.0, o.getAsJsonArray("parameterDistance").get(0).getAsDouble(), 0.0);
        assertEquals(0.0, o.getAsJsonArray("hamming").get(0).getAsDouble(), 0.0);
        double first = o.getAsJsonArray("loss").get(0).getAsDouble(), last = o.getAsJsonArray("loss").get(10).getAsDouble();
        assertTrue(last < first, "the loss did not fall: " + first + " → " + last);
        // weights: [W (8 × 2), aᵀ (1 × 8)] per frame
        var w0 = o.getAsJsonArray("weights").get(0).getAsJsonArray();
        assertEquals(8, w0.get(0).getAsJsonArray().size());
        assertEquals(8, w0.get(1).getAsJsonArray().get(0).getAsJsonArray().size());
        for (var ov : o.getAsJsonArray("overlays")) assertFalse(ov.getAsJsonObject().get("available").getAsBoolean());

        Result csv = exec("run", preset.toString(), "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        String[] lines = csv.out().strip().split("\n");
        assertEquals("t,loss,kernel_distance,balance_drift,test_loss,hamming,parameter_distance", lines[0]);
        for (String line : lines) assertEquals(7, line.split(",", -1).length, line);
    }

    @Test
    void aReluNetworkOfTheWrongShapeIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, PRESET.replace("[2, 8, 1]", "[2, 8, 3]"));
        Result r = exec("run", bad.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("network.widths"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void sweepWritesThePortraitMetricsOfPiecewiseCells(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("relu.json"), out = dir.resolve("cells.csv");
        Files.writeString(preset, PRESET);
        Result r = exec("sweep", preset.toString(), "--x", "init.scale=0.1:1:2:log", "--y", "init.delta=-1:1:2",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = Files.readString(out).strip().split("\n");
        assertTrue(lines[0].endsWith(",status,theory_kernel_distance,theory_time_to_fit,theory_kernel_distance_limit,fitted,message,test_loss,hamming,final_loss,converged"), lines[0]);
        assertEquals(5, lines.length);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertEquals("ok", f[8], lines[i]);
            assertFalse(f[2].isEmpty() || f[14].isEmpty() || f[15].isEmpty() || f[4].isEmpty(), lines[i]);
            assertTrue(f[12].equals("true") || f[12].equals("false"), lines[i]);
            if (f[12].equals("false")) assertTrue(f[3].isEmpty(), "a not-fitted cell has no time to fit: " + lines[i]);
        }
    }
}
