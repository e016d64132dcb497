package org.dlnexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** `run -` and `export -` read the compact preset JSON the app's Copy as preset makes from standard input. */
class StandardInputTest {
    private final InputStream stdin = System.in;

    @AfterEach
    void restore() { System.setIn(stdin); }

    private static void stdin(String text) {
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void runReadsThePresetFromStandardInput() throws Exception {
        Preset p = BundledPresets.read("saxe-two-modes.json");
        p.init.delta = 0.5;
        String compact = PresetIo.toCompactJson(p);
        assertFalse(compact.contains("\n"), "one line");
        stdin(compact);
        CliRun.Result r = CliRun.exec("run", "-");
        assertEquals(0, r.code(), r.err());
        JsonObject out = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(p.name, out.get("name").getAsString());
        // the same numbers as the file with the same contents
        Path file = Files.createTempFile("stdin-preset", ".json");
        try {
            Files.writeString(file, compact);
            CliRun.Result fromFile = CliRun.exec("run", file.toString());
            assertEquals(fromFile.out(), r.out());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void exportReadsStandardInput(@TempDir Path dir) throws Exception {
        stdin(PresetIo.toCompactJson(BundledPresets.read("saxe-two-modes.json")));
        Path png = dir.resolve("loss.png");
        CliRun.Result r = CliRun.exec("export", "-", "--view", "loss", "--out", png.toString(), "--width", "400", "--height", "300");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void badStandardInputIsOneLineNamingIt() {
        stdin("{ \"schema\": 1, \"name\": ");
        CliRun.Result r = CliRun.exec("run", "-");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("dln-explorer: standard input: malformed JSON"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
