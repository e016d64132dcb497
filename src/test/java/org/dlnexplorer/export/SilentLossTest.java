package org.dlnexplorer.export;

import static org.dlnexplorer.cli.CliRun.exec;
import org.dlnexplorer.cli.CliRun.Result;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.cli.DlnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 18: two commands writing one place never silently lose a result; output files get the user's mode. */
class SilentLossTest {
    static final String SAXE = "presets/saxe-two-modes.json";
    static final String NEURON = "presets/single-neuron-balanced.json";

    @TempDir
    Path dir;

    /** export --all with quick stand-in charts (the real views are tested elsewhere) */
    static Result exportAll(String preset, Path out) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        CommandLine cl = new CommandLine(new org.dlnexplorer.cli.ExportCommand((id, runs) -> TestCharts.chart()));
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println("dln-explorer: " + ex.getMessage());
            return DlnCommand.INVALID;
        });
        int code = cl.execute(preset, "--all", "--out", out.toString(), "--width", "200", "--height", "150");
        return new Result(code, o.toString(), e.toString());
    }

    @Test
    void aSweepIsRefusedWhileAnotherWritesTheSameFile() throws Exception {
        Path out = dir.resolve("grid.csv");
        Path lock = dir.resolve(".grid.csv.lock");
        // another command's claim on grid.csv (an OS lock on its lock file; in this JVM, a held channel)
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            Result r = exec("sweep", SAXE, "--x", "init.scale=0.1:1:2:log", "--y", "init.delta=-1:1:2",
                    "--out", out.toString());
            assertEquals(DlnCommand.INVALID, r.code(), r.err());
            assertTrue(r.err().strip().startsWith("dln-explorer: " + out + ": "), r.err());
            assertTrue(r.err().contains("locked"), r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        Result r = exec("sweep", SAXE, "--x", "init.scale=0.1:1:2:log", "--y", "init.delta=-1:1:2", "--out", out.toString());
        assertEquals(DlnCommand.OK, r.code(), r.err());
        assertEquals(5, Files.readAllLines(out).size(), "header and four cells, once released");
    }

    @Test
    void anExportFolderHoldsOnePresetsFiles() throws Exception {
        Path out = dir.resolve("deck");
        Result first = exportAll(NEURON, out);
        assertEquals(0, first.code(), first.err());
        JsonObject m = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
        String name = m.get("preset").getAsString();
        assertFalse(name.isBlank());
        assertEquals(NEURON, m.get("source").getAsString());
        for (var f : m.getAsJsonArray("files")) assertTrue(Files.exists(out.resolve(f.getAsString())), f.toString());

        Result other = exportAll(SAXE, out);
        assertEquals(DlnCommand.INVALID, other.code(), other.err());
        assertTrue(other.err().contains("another preset") && other.err().contains(name), other.err());
        assertEquals(name, JsonParser.parseString(Files.readString(out.resolve("manifest.json")))
                .getAsJsonObject().get("preset").getAsString(), "the folder still belongs to the first preset");

        Result again = exportAll(NEURON, out);
        assertEquals(0, again.code(), "the same preset may replace its own export: " + again.err());
    }

    @Test
    void runOutputGetsTheUsersModeAndKeepsTheModeOfAFileItReplaces() throws Exception {
        Path fresh = dir.resolve("fresh.json"), probe = dir.resolve("probe");
        Files.createFile(probe);   // the mode a new file gets here (the umask's)
        Result r = exec("run", SAXE, "--out", fresh.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(fresh), "not 0600");

        Path shared = dir.resolve("shared.csv");
        Files.writeString(shared, "old");
        Set<PosixFilePermission> rw_r__r__ = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(shared, rw_r__r__);
        Result s = exec("run", SAXE, "--format", "csv", "--out", shared.toString());
        assertEquals(0, s.code(), s.err());
        assertEquals(rw_r__r__, Files.getPosixFilePermissions(shared), "the replaced file's 0644 is kept");
        Set<PosixFilePermission> rw_rw____ = PosixFilePermissions.fromString("rw-rw----");
        Files.setPosixFilePermissions(shared, rw_rw____);
        exec("run", SAXE, "--format", "csv", "--out", shared.toString());
        assertEquals(rw_rw____, Files.getPosixFilePermissions(shared), "and 0660 too");
    }
}
