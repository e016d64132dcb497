package org.dlnexplorer.model.sweep;

import org.dlnexplorer.cli.DlnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** `sweep PRESET.json --x … --y … --out FILE.csv` (the CLI of issue 6). */
class SweepCommandTest {
    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void writesTheGridAsCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("grid.csv");
        Outcome o = run("sweep", SweepFixtures.path("aligned").toString(), "--x", "init.scale=0.01:1:3:log",
                "--y", "init.delta=-1:1:2", "--out", csv.toString(), "--samples", "40");
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        assertTrue(o.out().contains("6 cells"), o.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).startsWith("init.scale,init.delta,kernel_distance,time_to_fit,parameter_distance,"
                + "relative_parameter_distance,final_sharpness,diverged"));
        assertTrue(lines.get(1).startsWith("0.01,-1,"));
        assertTrue(lines.get(6).startsWith("1,1,"));
        for (String l : lines) assertFalse(l.contains("NaN") || l.contains("Infinity"), l);
        // every row of an aligned preset carries the theory's kernel distance
        for (String l : lines.subList(1, 7)) assertFalse(l.split(",", -1)[9].isEmpty(), l);
    }

    @Test
    void printsToStdoutWithoutOut() {
        Outcome o = run("sweep", SweepFixtures.path("aligned").toString(), "--x", "init.scale=0.1:1:2:log",
                "--y", "init.delta=0:0:1");
        assertEquals(0, o.code(), o.err());
        assertEquals(3, o.out().strip().split("\n").length);
    }

    @Test
    void badAxisSpecIsOneLineAndExit2() {
        Outcome o = run("sweep", SweepFixtures.path("aligned").toString(), "--x", "init.scale=0.01:10", "--out", "x.csv");
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().split("\n").length, o.err());
        assertTrue(o.err().contains("init.scale=0.01:10"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void unknownFieldIsOneLineNamingItAndExit2() {
        Outcome o = run("sweep", SweepFixtures.path("aligned").toString(), "--x", "init.wobble=1:2:3");
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().split("\n").length, o.err());
        assertTrue(o.err().contains("init.wobble"), o.err());
        assertTrue(o.err().contains("aligned.json"), o.err());
    }

    @Test
    void missingPresetIsExit2() {
        Outcome o = run("sweep", "/nonexistent/p.json");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("/nonexistent/p.json"), o.err());
    }

    @Test
    void unwritableOutputIsExit2NamingTheFile() {
        Outcome o = run("sweep", SweepFixtures.path("aligned").toString(), "--x", "init.scale=0.1:1:2:log",
                "--y", "init.delta=0:0:1", "--out", "/nonexistent-dir/grid.csv");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("/nonexistent-dir/grid.csv"), o.err());
    }

    @Test
    void theSameFieldOnBothAxesIsRejected() {
        Outcome o = run("sweep", SweepFixtures.path("aligned").toString(), "--x", "init.delta=0:1:2", "--y", "init.delta=-1:0:2");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("init.delta"), o.err());
    }

    @Test
    void integerFieldsCanBeSwept(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("depth.csv");
        Outcome o = run("sweep", SweepFixtures.path("aligned").toString(), "--x", "network.depth=1:3:3",
                "--y", "init.scale=0.1:1:2:log", "--out", csv.toString(), "--samples", "20");
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).startsWith("network.depth,init.scale,"));
        for (String l : lines.subList(1, 7)) assertTrue(l.contains(",ok,"), l);
    }
}
