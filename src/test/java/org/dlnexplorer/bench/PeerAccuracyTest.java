package org.dlnexplorer.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bench --accuracy`: our run at the peer's tolerance against a tight reference, and its input errors. */
class PeerAccuracyTest {
    /** DP5(4) at rtol = atol = 1e−6 over t ∈ [0, 20]: the global error of W_eff stays within a few hundred rtol */
    static final double GLOBAL_ERROR_BOUND = 1e-4;

    @Test
    void accuracyIsReportedAndWithinTheToleranceClass() {
        PeerWorkload w = PeerWorkload.generate(2, 4, "product", PeerWorkload.INIT_SCALE, 0);
        PeerWorkload.Accuracy a = w.accuracy(null);
        assertTrue(a.steps() > 10, "steps " + a.steps());
        // FSAL: 6 evaluations per attempted step, plus the first and the starting-step probe
        assertTrue(a.evaluations() >= 6 * a.steps() + 2, "evaluations " + a.evaluations());
        assertEquals(0, (a.evaluations() - 2) % 6, "evaluations come in whole steps");
        assertTrue(a.ours() > 0 && a.ours() < GLOBAL_ERROR_BOUND, "error " + a.ours());
        assertTrue(Double.isNaN(a.peer()));
    }

    @Test
    void benchPrintsTheAccuracyKeysAndRejectsAccuracyWithoutPeer() {
        BenchCommandTest.Result r = BenchCommandTest.run("bench", "--peer-config", "2x4", "--repeat", "1", "--warmup", "0",
                "--accuracy");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(o.get("evaluations").getAsLong() > 0);
        assertTrue(o.get("weffErrorVsReference").getAsDouble() < GLOBAL_ERROR_BOUND);
        assertEquals(PeerWorkload.REFERENCE_TOLERANCE, o.get("referenceTolerance").getAsDouble());
        assertEquals(2, BenchCommandTest.run("bench", "presets/saxe-two-modes.json", "--accuracy").code());
    }
}
