package org.dlnexplorer.app;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The latency probe's structure on a shown window (never its timings: those are measured by `bench --app`). */
@ExtendWith(ApplicationExtension.class)
class LatencyProbeTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, false);
    }

    private static void assertOrdered(LatencyProbe.Stats s, String what) {
        assertTrue(s.count() > 0, what + ": no samples");
        assertTrue(Double.isFinite(s.p50()) && s.p50() >= 0, what + ": p50 " + s.p50());
        assertTrue(s.p50() <= s.p95() && s.p95() <= s.p99() && s.p99() <= s.max(), what + ": " + s);
    }

    @Test
    void everyStepChangeIsObservedCompleteAndTheReportHasItsKeys() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(window::isSettled).get());
        long generationBefore = WaitForAsyncUtils.asyncFx(() -> window.latency().submittedGeneration()).get();
        LatencyProbe.Result r = LatencyProbe.measure(window, new LatencyProbe.Settings(5, 1, 0, 1.0, 30_000, 60_000, true), 120_000);

        assertEquals("delta", r.parameter());
        assertEquals(5, r.changes());
        assertEquals(5, r.completed(), "every step change reached a complete picture");
        long previous = generationBefore;
        for (LatencyProbe.Step s : r.steps()) {
            assertTrue(s.generation() > previous, "one new request per change");
            previous = s.generation();
            assertTrue(s.value() >= ControlRanges.DELTA_MIN && s.value() <= ControlRanges.DELTA_MAX, "δ in the slider's range");
            assertTrue(Double.isFinite(s.latencyMillis()) && s.latencyMillis() > 0, "latency " + s.latencyMillis());
            assertTrue(s.installMillis() > 0 && s.installMillis() <= s.latencyMillis(), s.toString());
            assertTrue(s.computeMillis() >= 0, "the service reported its compute time");
            // the picture cannot appear before its own computation finished
            assertTrue(s.latencyMillis() >= s.computeMillis(), s.toString());
        }
        assertOrdered(r.latencyMillis(), "latency");
        assertEquals(5, r.latencyMillis().count());
        assertOrdered(r.computeMillis(), "compute");
        assertOrdered(r.handlerWallMillis(), "handler wall");
        assertOrdered(r.handlerCpuMillis(), "handler cpu");
        assertOrdered(r.pulseGapMillis(), "pulse gap");
        assertEquals(r.pulses(), r.handlerWallMillis().count());
        assertTrue(r.pulses() >= r.dragChanges(), "at least one pulse per drag change");
        assertTrue(r.pulsesOver16ms() <= r.pulses());
        assertTrue(r.dragSeconds() > 0 && r.dragChanges() > 0);
        assertTrue(r.dragComputationsStarted() >= 1 && r.dragComputationsStarted() <= r.dragChanges() + 1,
                "at most one request per change: " + r.dragComputationsStarted());
        assertEquals(r.dragCompletePictures() / r.dragSeconds(), r.dragCompletePerSecond(), 1e-3);
        assertEquals(1, r.warmupChangesMade(), "no JIT wait asked for: exactly the warm-up changes");
        assertTrue(Double.isNaN(r.jitBusyAfterWarmup()));
        // the probe leaves the parameter as it found it
        assertEquals(0.0, WaitForAsyncUtils.asyncFx(() -> window.viewModel().delta.get()).get(), 0);

        String json = r.toJson();
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        for (String k : new String[]{"parameter", "changes", "completed", "latencyMillis", "computeMillis", "pipelineMillis",
                "handlerCpuMillis", "handlerWallMillis", "layoutMillis", "fxPulseMillis", "pulseGapMillis", "pulses",
                "pulsesOver16ms", "handlerCpuOver16ms", "dragCompletePictures", "dragCompletePerSecond", "dragLatencyMillis"})
            assertTrue(o.has(k), "JSON key " + k + ": " + json);
        for (String p : new String[]{"p50", "p95", "p99", "max", "count"})
            assertTrue(o.getAsJsonObject("latencyMillis").has(p), p);
        assertEquals(r.latencyMillis().max(), o.getAsJsonObject("latencyMillis").get("max").getAsDouble(), 1e-3);
        // where a drag picture's time goes: every group of threads, the painters and the simulation busy
        if (r.dragCompletePictures() > 0) {
            JsonObject cpu = o.getAsJsonObject("dragCpuMillisPerPicture");
            for (String g : ThreadCpu.GROUPS) assertTrue(cpu.has(g) && cpu.get(g).getAsDouble() >= 0, g + ": " + cpu);
            assertTrue(cpu.get("painters").getAsDouble() > 0 && cpu.get("simulation").getAsDouble() > 0, cpu.toString());
        }
    }

    @Test
    void threadsAreGroupedByTheirNames() {
        assertEquals("simulation", ThreadCpu.group("dln-simulation-2"));
        assertEquals("simulation", ThreadCpu.group("dln-theory"));
        assertEquals("painters", ThreadCpu.group("dln-chart-render-1"));
        assertEquals("fx", ThreadCpu.group("JavaFX Application Thread"));
        assertEquals("fx", ThreadCpu.group("Event Thread"));   // Monocle's application thread
        assertEquals("render", ThreadCpu.group("QuantumRenderer-0"));
        assertEquals("sweep", ThreadCpu.group("dln-sweep-3-12"));
        assertNull(ThreadCpu.group("C2 CompilerThread0"));
        var a = new java.util.LinkedHashMap<String, Long>(java.util.Map.of("fx", 1_000_000L, "other", 5_000_000L));
        var b = new java.util.LinkedHashMap<String, Long>(java.util.Map.of("fx", 7_000_000L, "other", 9_000_000L));
        var per = ThreadCpu.between(a, b, 2);
        assertEquals(3.0, per.get("fx"), 1e-12);
        assertEquals(2.0, per.get("other"), 1e-12);
    }

    @Test
    void aPresetThatFixesDeltaIsProbedOnTau() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.open(Path.of("presets/single-neuron-delta-sweep.json"))).get().get(60, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(window::isSettled).get());
        double tau = WaitForAsyncUtils.asyncFx(() -> window.viewModel().logScale.get()).get();
        LatencyProbe.Result r = LatencyProbe.measure(window, new LatencyProbe.Settings(2, 0, 0, 0, 30_000, 60_000, true), 120_000);
        assertEquals("logScale", r.parameter());
        assertEquals(2, r.completed());
        assertEquals(0, r.dragChanges());
        assertEquals(0, r.warmupChangesMade());
        assertTrue(Double.isNaN(r.dragCompletePerSecond()));
        assertTrue(r.toJsonObject().get("dragCompletePerSecond").isJsonNull(), "no drag: null, never NaN");
        assertEquals(tau, WaitForAsyncUtils.asyncFx(() -> window.viewModel().logScale.get()).get(), 0);
    }

    @Test
    void theWarmUpGoesOnWhileTheCompilerIsBusyWithinItsLimit() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(window::isSettled).get());
        // at least 2 warm-up changes, then on while the JIT compilers are busy, for at most 3 s
        LatencyProbe.Result r = LatencyProbe.measure(window, new LatencyProbe.Settings(1, 2, 3.0, 0, 30_000, 60_000, true), 120_000);
        assertTrue(r.warmupChangesMade() >= 2, "made " + r.warmupChangesMade());
        // the limit is checked between changes: at most one change (seconds here) past it
        assertTrue(r.warmupSeconds() > 0 && r.warmupSeconds() < 3.0 + 10, "warm-up took " + r.warmupSeconds() + " s");
        if (r.warmupSeconds() < 3.0 && r.warmupChangesMade() > 2)
            assertTrue(r.jitBusyAfterWarmup() < LatencyProbe.JIT_QUIET_SHARE, "stopped early only when the compiler was quiet");
        JsonObject o = r.toJsonObject();
        assertTrue(o.has("warmupChangesMade") && o.has("warmupSeconds") && o.has("jitBusyAfterWarmup"), o.toString());
        assertEquals(1, r.completed());
    }

    @Test
    void percentilesAreNearestRank() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) v[i] = 100 - i;   // 100 … 1, unsorted on purpose
        LatencyProbe.Stats s = LatencyProbe.Stats.of(v, 100);
        assertEquals(new LatencyProbe.Stats(100, 50, 95, 99, 100), s);
        assertEquals(new LatencyProbe.Stats(1, 7, 7, 7, 7), LatencyProbe.Stats.of(new double[]{7, 3}, 1));
        assertEquals(0, LatencyProbe.Stats.of(v, 0).count());
    }
}
