package org.dlnexplorer.export;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrajectoryExportTest {
    @TempDir
    Path dir;

    @Test
    void aSingleRunIsWrittenInTheRunFormats() throws Exception {
        RunSet set = PresetRunner.runSet(PresetIo.read(Path.of("presets/saxe-two-modes.json")), "saxe");
        List<Path> json = TrajectoryExport.write(set, dir.resolve("saxe.json"));
        assertEquals(List.of(dir.resolve("saxe.json")), json);
        JsonObject o = JsonParser.parseString(Files.readString(json.get(0))).getAsJsonObject();
        assertEquals(600, o.getAsJsonArray("t").size());
        assertEquals(600, o.getAsJsonArray("singularValues").size());
        assertFalse(o.get("diverged").getAsBoolean());
        List<Path> csv = TrajectoryExport.write(set, dir.resolve("saxe.csv"));
        List<String> lines = Files.readAllLines(csv.get(0));
        assertTrue(lines.get(0).startsWith("t,loss,sv1,sv2,kernel_distance,balance_drift"), lines.get(0));
        assertEquals(601, lines.size());
        assertFalse(String.join("\n", lines).matches("(?s).*(NaN|Infinity).*"));
    }

    @Test
    void aCompareSetBecomesOneFilePerMember() throws Exception {
        RunSet set = PresetRunner.runSet(PresetIo.read(Path.of("presets/lazy-rich-lambda-balanced.json")), "lr");
        List<Path> files = TrajectoryExport.write(set, dir.resolve("lazy.csv"));
        assertEquals(List.of("lazy-delta=0.csv", "lazy-delta=10.csv", "lazy-delta=2.csv"),
                ChartExporterTest.listing(dir));
        assertEquals(3, files.size());
    }

    @Test
    void unknownTrajectoryFormatIsAnError() throws Exception {
        RunSet set = PresetRunner.runSet(PresetIo.read(Path.of("presets/single-neuron-balanced.json")), "sn");
        assertThrows(ExportException.class, () -> TrajectoryExport.write(set, dir.resolve("x.txt")));
        assertThrows(ExportException.class, () -> TrajectoryExport.write(set, dir.resolve("missing/x.json")));
        assertEquals(List.of(), ChartExporterTest.listing(dir));
    }

    @Test
    void labelsBecomeSafeFileNames() {
        assertEquals("delta=-2", TrajectoryExport.slug("δ = −2"));
        assertEquals("tau=0.001", TrajectoryExport.slug("τ = 0.001"));
        assertEquals("L=4", TrajectoryExport.slug("L = 4"));
        assertEquals("a_b", TrajectoryExport.slug("a/b"));
    }
}
