package org.dlnexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Bad input to `gui` is refused before any window opens: one stderr line, exit 2. */
class GuiCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void missingPresetFileExitsTwoWithOneLine() {
        String[] r = run("gui", "/nonexistent/dir/preset.json");
        assertEquals("2", r[0]);
        String err = r[2].strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("preset.json"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void malformedPresetExitsTwoNamingTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{ \"schema\": 1, \"name\": \"x\", \"network\": { \"widths\": [2] } ");
        String[] r = run("gui", f.toString(), "--screenshot", dir.resolve("a.png").toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains("broken.json"), r[2]);
    }

    @Test
    void unwritableScreenshotPlaceExitsTwo(@TempDir Path dir) {
        String[] r = run("gui", "presets/saxe-two-modes.json", "--screenshot", dir.resolve("no/such/dir/a.png").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--screenshot"), r[2]);
        String[] n = run("gui", "presets/saxe-two-modes.json", "--screenshot", dir.resolve("a.jpg").toString());
        assertEquals("2", n[0]);
        String[] m = run("gui", "--after-ms", "-5", "--screenshot", dir.resolve("a.png").toString());
        assertEquals("2", m[0]);
    }
}
