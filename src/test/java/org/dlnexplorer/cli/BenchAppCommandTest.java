package org.dlnexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** `bench --app` usage errors are refused before any window opens: one stderr line, exit 2. */
class BenchAppCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    private static void assertUsage(String[] r, String mentions) {
        assertEquals("2", r[0], r[2]);
        String err = r[2].strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(mentions), err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(r[1].isEmpty(), "nothing on stdout: " + r[1]);
    }

    @Test
    void appDoesNotMixWithTheOtherWorkloads() {
        assertUsage(run("bench", "--app", "presets/saxe-two-modes.json", "--sweep"), "--sweep");
        assertUsage(run("bench", "--app", "--peer-config", "2x4"), "--peer-config");
        assertUsage(run("bench", "--app"), "PRESET.json");
    }

    @Test
    void appOptionsNeedApp() {
        assertUsage(run("bench", "presets/saxe-two-modes.json", "--headless"), "--app");
        assertUsage(run("bench", "presets/saxe-two-modes.json", "--changes", "5"), "--app");
        assertUsage(run("bench", "--sweep", "presets/saxe-two-modes.json", "--drag-seconds", "1"), "--app");
    }

    @Test
    void badCountsAndBadPresetsExitTwo(@TempDir Path dir) throws Exception {
        assertUsage(run("bench", "--app", "presets/saxe-two-modes.json", "--changes", "0", "--headless"), "changes");
        assertUsage(run("bench", "--app", "presets/saxe-two-modes.json", "--drag-seconds", "-1", "--headless"), "drag");
        assertUsage(run("bench", "--app", dir.resolve("nope.json").toString(), "--headless"), "nope.json");
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{ \"schema\": 1, \"name\": \"x\", \"network\": { \"widths\": [2] } ");
        assertUsage(run("bench", "--app", f.toString(), "--headless"), "broken.json");
    }
}
