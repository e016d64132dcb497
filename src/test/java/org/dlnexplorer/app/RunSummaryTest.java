package org.dlnexplorer.app;

import org.dlnexplorer.chart.Fixtures;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunSummaryTest {
    static RunSet sweep;

    @BeforeAll
    static void simulate() throws Exception {
        // Kunin et al.'s single neuron over δ ∈ {−4, …, 4} (bundled lecture preset)
        sweep = Fixtures.runSet(Files.readString(Path.of("presets/single-neuron-delta-sweep.json")));
    }

    private static Trajectory member(String label) {
        return sweep.runs().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow().trajectory();
    }

    @Test
    void regimesAcrossDelta() {
        assertEquals("lazy", RunSummary.regime(4, member("δ = 4")));
        assertEquals("rich", RunSummary.regime(0, member("δ = 0")));
        // the description says δ = −4 is not yet converged at t = 20: the label says so instead of a regime
        assertEquals("not converged yet", RunSummary.regime(-4, member("δ = -4")));
    }

    @Test
    void conservedDeltaIsReadFromTheInitialWeights() {
        for (double d : new double[]{-4, -1, 0, 2}) {
            String label = "δ = " + (long) d;
            assertEquals(d, RunSummary.conservedDelta(member(label)), 1e-9, label);
        }
    }

    @Test
    void theoryLineAndDivergence() throws Exception {
        String line = RunSummary.theoryLine(sweep);
        Trajectory t = member("δ = 0");
        if (t.exact() != null && t.exact().available()) {
            assertTrue(line.startsWith("theory: "), line);
            assertTrue(RunSummary.theoryDeviation(t) < 1e-6, "theory agrees with the engine");
        } else {
            assertTrue(line.startsWith("no theory"), line);
        }
        assertEquals("", RunSummary.divergence(sweep));
        RunSet diverging = Fixtures.runSet(Fixtures.GD.replace("\"learningRate\": 0.05", "\"learningRate\": 1.5").replace("\"duration\": 4.0", "\"duration\": 150.0"));
        assertTrue(RunSummary.divergence(diverging).startsWith("diverged at step "), RunSummary.divergence(diverging));
    }

    @Test
    void aRunStoppedByItsBudgetIsStoppedNotDiverged() throws Exception {
        // gradient descent: 80 steps of η = 0.05 over T = 4, a budget of 50
        RunSet stopped = Fixtures.runSet(Fixtures.GD.replace("\"training\": {", "\"training\": { \"maxSteps\": 50,"));
        Trajectory tr = stopped.runs().get(0).trajectory();
        assertNotNull(tr.stopped(), "the fixture must run out of steps");
        assertFalse(tr.diverged());
        assertEquals("", RunSummary.divergence(stopped));
        assertEquals("stopped after 50 steps at t = " + org.dlnexplorer.chart.Fmt.num(tr.last().t()) + " (step budget)",
                RunSummary.endings(stopped));
        assertEquals("", RunSummary.endings(sweep));
    }

    @Test
    void progressAndCancelLines() {
        RunProgress.Now p = new RunProgress.Now(3, 0.37, 74.1, 200, 883216, 12_340_000_000L);
        assertEquals("computing: 37 % of T = 200 (t = 74.1), 12.3 s, 883216 steps", RunSummary.progress(p));
        assertEquals("computing: 0 % of T = 6 (t = 0), 0.4 s", RunSummary.progress(new RunProgress.Now(1, 0, 0, 6, 0, 400_000_000L)));
        assertEquals("cancelled at t = 74.1 (after 12.3 s)", RunSummary.cancelled(74.1, 12_340));
    }
}
