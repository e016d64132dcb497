package org.dlnexplorer.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.cli.DlnCommand;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bench` output contract (SPEC §3), its input errors, and the peer workload's construction. */
class BenchCommandTest {
    private static final String PRESET = """
            { "schema": 1, "name": "tiny",
              "network": { "widths": [2, 2, 2] },
              "task": { "target": { "singularValues": [3, 1], "basis": "identity" }, "inputs": "whitened" },
              "init": { "scheme": "aligned", "scale": 0.01, "delta": 0.0, "seed": 1 },
              "training": { "method": "gradient-flow", "duration": 2.0, "samples": 21 } }""";

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void printsTheContractedJsonForAPreset(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("tiny.json");
        Files.writeString(p, PRESET);
        Result r = run("bench", p.toString(), "--repeat", "3", "--warmup", "0");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(3, o.get("repeat").getAsInt());
        assertTrue(o.get("medianMillis").getAsDouble() > 0);
        assertTrue(o.get("minMillis").getAsDouble() <= o.get("medianMillis").getAsDouble());
        assertTrue(o.get("steps").getAsLong() > 0);
        assertEquals(21, o.get("frames").getAsInt());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"));
    }

    @Test
    void smallNetworksStayOnOneThread(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("tiny.json");
        Files.writeString(p, PRESET);
        Result r = run("bench", p.toString(), "--repeat", "3", "--warmup", "0");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(org.dlnexplorer.model.parallel.CorePair.available() ? 2 : 1, o.get("trajectoryThreads").getAsInt());
        assertEquals(0, o.get("secondCoreChunks").getAsLong(), "a 2-2-2 network never hands work to the second core");
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) throws IOException {
        Result missing = run("bench", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.json"), missing.err());
        assertEquals(1, missing.err().strip().lines().count());
        Path p = dir.resolve("tiny.json");
        Files.writeString(p, PRESET);
        assertEquals(2, run("bench", p.toString(), "--repeat", "0").code());
        assertEquals(2, run("bench", "--peer-config", "4by16").code());
        assertEquals(2, run("bench", "--peer-config", "2x4", "--peer-init", "uniform").code());
        assertEquals(2, run("bench", "--peer-config", "2x4", "--peer-dump", dir.toString()).code());
        assertEquals(2, run("bench").code());
    }

    @Test
    void peerWorkloadMirrorsNumpyPeer() {
        assertEquals(java.util.List.of(5.0, 3.0, 1.0, 0.5, 0.25, 0.125),
                java.util.Arrays.stream(PeerWorkload.singularValues(6)).boxed().toList());
        PeerWorkload w = PeerWorkload.generate(3, 6, "product", 1e-3, 4);
        double[] s = Task.singularValues(w.target());
        double[] expected = PeerWorkload.singularValues(6);
        for (int i = 0; i < 6; i++) assertEquals(expected[i], s[i], 1e-12);
        // product init: entries ~ N(0, (scale^{1/L})²/n)
        double[] th = w.theta0();
        double var = 0;
        for (double x : th) var += x * x;
        var /= th.length;
        double sigma = Math.pow(1e-3, 1.0 / 3) / Math.sqrt(6);
        assertEquals(sigma * sigma, var, 0.35 * sigma * sigma);
        SimulationSpec spec = w.spec(2);
        assertEquals(PeerWorkload.RTOL, spec.rtol());
        assertEquals(PeerWorkload.ATOL, spec.atol());
        assertEquals(20.0, spec.duration());
    }

    @Test
    void readsThePeersDump(@TempDir Path dir) throws IOException {
        int l = 2, n = 3;
        double[] t = new double[n * n], w0 = new double[l * n * n];
        for (int i = 0; i < t.length; i++) t[i] = i + 0.5;
        for (int i = 0; i < w0.length; i++) w0[i] = -0.01 * i;
        write(dir.resolve("L2_n3_product_T.f64"), t);
        write(dir.resolve("L2_n3_product_W0.f64"), w0);
        PeerWorkload w = PeerWorkload.fromDump(dir, l, n, "product");
        assertEquals(java.util.Arrays.toString(t), java.util.Arrays.toString(w.target().data));
        assertEquals(java.util.Arrays.toString(w0), java.util.Arrays.toString(w.theta0()));
        write(dir.resolve("L2_n3_product_W0.f64"), new double[5]);
        assertEquals(2, run("bench", "--peer-config", "2x3", "--peer-dump", dir.toString()).code());
    }

    private static void write(Path file, double[] x) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) b.putDouble(v);
        Files.write(file, b.array());
    }

    @Test
    void sweepBenchReportsCellsPerSecond(@TempDir Path dir) throws IOException {
        Path preset = dir.resolve("tiny.json");
        Files.writeString(preset, PRESET);
        Result r = run("bench", preset.toString(), "--sweep", "--x", "init.scale=0.1:1:3:log", "--y", "init.delta=-1:1:3",
                "--repeat", "1");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("sweep", o.get("workload").getAsString());
        assertEquals(9, o.get("cells").getAsInt());
        assertTrue(o.get("cellsPerSecond").getAsDouble() > 0);
        assertTrue(o.get("medianMillis").getAsDouble() > 0);
        assertEquals(2, run("bench", preset.toString(), "--sweep", "--x", "init.bogus=1:2:3").code());
    }
}
