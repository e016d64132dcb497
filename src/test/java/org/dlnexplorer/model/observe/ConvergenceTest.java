package org.dlnexplorer.model.observe;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The converged rule: fitted, and loss and sharpness still over the last quarter of the run. */
class ConvergenceTest {
    private static Frame frame(double t, double loss, double sharpness) {
        return new Frame(0, 0, t, loss, new double[] {1}, new double[][] {{1}}, 0, 0, sharpness, 1, 1,
                new double[] {1}, new double[] {1}, null);
    }

    /** ℒ(t) = e^{−t}, S(t) = s(t), frames at t = 0 … 20 */
    private static List<Frame> run(java.util.function.DoubleUnaryOperator loss, java.util.function.IntToDoubleFunction s) {
        List<Frame> fs = new ArrayList<>();
        for (int i = 0; i <= 20; i++) fs.add(frame(i, loss.applyAsDouble(i), s.applyAsDouble(i)));
        return fs;
    }

    @Test
    void aFittedRunWhoseLossAndSharpnessSettledIsConverged() {
        assertTrue(Convergence.converged(run(t -> Math.exp(-t), i -> 8.8), 0.0));
        // sharpness recorded nowhere: the loss decides
        assertTrue(Convergence.converged(run(t -> Math.exp(-t), i -> Double.NaN), 0.0));
    }

    @Test
    void movingSharpnessOrLossOrNoFitIsNotConverged() {
        // period-2 oscillation of the sharpness in the last quarter (window spread 0.2 > 1e−3 · 8.8)
        assertFalse(Convergence.converged(run(t -> Math.exp(-t), i -> i % 2 == 0 ? 8.7 : 8.9), 0.0));
        // the loss still falls in the window: e^{−t/4} from 1 to e^{−5} (spread ≈ e^{−15/4} − e^{−5} ≫ 1e−4)
        assertFalse(Convergence.converged(run(t -> Math.exp(-t / 4), i -> 8.8), 0.0));
        // a plateau: still, but not fitted (ℒ stays at half its start)
        assertFalse(Convergence.converged(run(t -> t < 2 ? 1.0 - 0.25 * t : 0.5, i -> 1.0), 0.0));
        // the same plateau is fitted against ℒ_min = 0.5
        assertTrue(Convergence.converged(run(t -> t < 2 ? 1.0 - 0.25 * t : 0.5, i -> 1.0), 0.5));
    }

    @Test
    void edgeOfStabilityBelowAndAboveTheCriticalRate() throws Exception {
        // η = 0.2 < 2/S_min ≈ 0.228 settles at sharpness 8.81; η = 0.24 oscillates (its description)
        RunSet rs = PresetRunner.runSet(BundledPresets.read("edge-of-stability.json"), "eos");
        assertTrue(Convergence.converged(rs.runs().get(0).trajectory()), rs.runs().get(0).label());
        assertFalse(Convergence.converged(rs.runs().get(2).trajectory()), rs.runs().get(2).label());
    }
}
