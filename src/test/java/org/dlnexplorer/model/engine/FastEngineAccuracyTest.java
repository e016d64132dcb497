package org.dlnexplorer.model.engine;

import org.dlnexplorer.Tolerances;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast engine at the default tolerances still meets the accuracy the theory overlays rely on:
 * SPEC §4's first test vector (L = 2, T = diag(3, 1), aligned balanced init a(0) = 0.01) against the
 * logistic a_α(t) = s/(1 + (s/a₀ − 1)e^{−2st}) to 1e-8, and conservation of D_ℓ to 1e-8.
 */
class FastEngineAccuracyTest {

    @Test
    void saxeLogisticModesAgreeToOneEMinusEight() throws Exception {
        String json = """
                { "schema": 1, "name": "saxe",
                  "network": { "widths": [2, 2, 2] },
                  "task": { "target": { "singularValues": [3, 1], "basis": "identity" }, "inputs": "whitened" },
                  "init": { "scheme": "aligned", "scale": 0.01, "delta": 0.0, "seed": 1 },
                  "training": { "method": "gradient-flow", "duration": 6.0, "samples": 121 } }""";
        SimulationSpec spec = PresetCompiler.compile(PresetIo.parse(json, "saxe"), "saxe");
        Trajectory tr = Simulation.simulate(spec, FrameListener.NONE, CancellationToken.NEVER);
        double[] s = {3, 1};
        double a0 = 0.01;
        double worst = 0;
        for (Frame f : tr.frames()) {
            for (int a = 0; a < 2; a++) {
                double exact = s[a] / (1 + (s[a] / a0 - 1) * Math.exp(-2 * s[a] * f.t()));
                worst = Math.max(worst, Math.abs(f.singularValue(a) - exact));
            }
            assertTrue(f.balanceDrift() < 1e-8, "balance drift " + f.balanceDrift() + " at t = " + f.t());
        }
        assertTrue(worst < Tolerances.AGREEMENT, "max |σ − logistic| = " + worst);
    }

    @Test
    void deepAlignedBalancedModesFollowSaxeOdeAtDepthFour() throws Exception {
        // ȧ = L a^{2(L−1)/L} (s − a): integrate the scalar ODE with the same DP5 engine at tight tolerance
        String json = """
                { "schema": 1, "name": "deep",
                  "network": { "widths": [3, 4, 4, 4, 3] },
                  "task": { "target": { "singularValues": [2, 1, 0.5], "basis": "random", "seed": 3 }, "inputs": "whitened" },
                  "init": { "scheme": "aligned", "scale": 0.05, "delta": 0.0, "seed": 1 },
                  "training": { "method": "gradient-flow", "duration": 8.0, "samples": 81 } }""";
        SimulationSpec spec = PresetCompiler.compile(PresetIo.parse(json, "deep"), "deep");
        Trajectory tr = Simulation.simulate(spec, FrameListener.NONE, CancellationToken.NEVER);
        double[] s = {2, 1, 0.5};
        int depth = 4;
        double[] grid = spec.grid();
        double[][] exact = new double[grid.length][3];
        VectorField ode = (y, dy) -> {
            for (int a = 0; a < 3; a++) dy[a] = depth * Math.pow(y[a], 2.0 * (depth - 1) / depth) * (s[a] - y[a]);
        };
        new DormandPrince54(3).integrate(ode, new double[]{0.05, 0.05, 0.05}, grid, 1e-13, 1e-15,
                (i, t, y, n) -> { exact[i] = y.clone(); return true; });
        double worst = 0;
        for (int i = 0; i < grid.length; i++)
            for (int a = 0; a < 3; a++)
                worst = Math.max(worst, Math.abs(tr.frames().get(i).singularValue(a) - exact[i][a]));
        assertTrue(worst < Tolerances.AGREEMENT, "max |σ − Saxe ODE| = " + worst);
    }
}
