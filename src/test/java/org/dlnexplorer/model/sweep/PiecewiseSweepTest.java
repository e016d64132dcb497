package org.dlnexplorer.model.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.dlnexplorer.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A sweep of a piecewise-linear preset: its cells carry the run's final test loss and Hamming distance. */
class PiecewiseSweepTest {
    static final String RELU = """
            { "schema": 1, "name": "relu-sweep",
              "network": { "widths": [2, 8, 1], "activation": "relu" },
              "task": { "teacher": { "hidden": 2, "samples": 12, "testSamples": 20, "seed": 4 } },
              "init": { "scheme": "symmetrized", "scale": 0.3, "delta": 0.5, "seed": 2 },
              "training": { "duration": 10, "samples": 11 } }""";

    private static double last(JsonArray a) { return a.get(a.size() - 1).getAsDouble(); }

    @Test
    void eachCellHasItsRunsFinalTestLossAndHammingDistance(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("relu.json"), csv = dir.resolve("grid.csv");
        Files.writeString(preset, RELU);
        CliRun.Result r = CliRun.exec("sweep", preset.toString(), "--x", "init.scale=0.3:1:2:log", "--y",
                "init.delta=-0.5:0.5:2", "--samples", "11", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",test_loss,hamming,final_loss,converged"), lines.get(0));   // appended after hamming
        String[] head = lines.get(0).split(",");
        int tl = List.of(head).indexOf("test_loss"), hm = List.of(head).indexOf("hamming"), fl = List.of(head).indexOf("final_loss");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            // the same cell run on its own: the run JSON's last test loss and Hamming distance
            Path one = dir.resolve("cell.json");
            Files.writeString(one, RELU.replace("\"scale\": 0.3", "\"scale\": " + f[0])
                    .replace("\"delta\": 0.5", "\"delta\": " + f[1]));
            CliRun.Result run = CliRun.exec("run", one.toString());
            assertEquals(0, run.code(), run.err());
            var o = JsonParser.parseString(run.out()).getAsJsonObject();
            double testLoss = Double.parseDouble(f[tl]), hamming = Double.parseDouble(f[hm]);
            assertTrue(testLoss >= 0 && hamming >= 0 && hamming <= 1, line);
            assertEquals(last(o.getAsJsonArray("testLoss")), testLoss, 1e-6 * Math.max(1, testLoss), line);
            assertEquals(last(o.getAsJsonArray("hamming")), hamming, 1e-12, line);
            double finalLoss = Double.parseDouble(f[fl]);
            assertEquals(last(o.getAsJsonArray("loss")), finalLoss, 1e-6 * finalLoss + 1e-12, line);
        }
    }
}
