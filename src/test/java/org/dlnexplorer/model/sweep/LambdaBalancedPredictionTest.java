package org.dlnexplorer.model.sweep;

import org.dlnexplorer.Tolerances;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetGrid;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LambdaBalancedPredictionTest {
    /** the mode solution a(t) must satisfy ȧ = √(δ² + 4a²)(s − a) on every branch */
    @Test
    void modeSolutionSatisfiesTheOdeOnEveryBranch() {
        Random rng = new Random(42);
        for (int k = 0; k < 400; k++) {
            double s = k % 10 == 0 ? 0.0 : 0.1 + 4 * rng.nextDouble();            // includes s = 0
            double delta = k % 7 == 0 ? 0.0 : (rng.nextDouble() - 0.5) * 12;    // both signs and δ = 0
            double a0 = k % 3 == 0 ? s + 3 * rng.nextDouble() : s * rng.nextDouble() + 1e-3; // above and below s
            double t = 0.05 + 2 * rng.nextDouble();
            double h = 1e-5;
            double a = LambdaBalancedPrediction.modeAt(s, delta, a0, t);
            double dadt = (LambdaBalancedPrediction.modeAt(s, delta, a0, t + h)
                    - LambdaBalancedPrediction.modeAt(s, delta, a0, t - h)) / (2 * h);
            double rhs = Math.hypot(delta, 2 * a) * (s - a);
            assertEquals(rhs, dadt, 1e-5 * (1 + Math.abs(rhs)), "s=" + s + " δ=" + delta + " a0=" + a0 + " t=" + t);
            assertEquals(a0, LambdaBalancedPrediction.modeAt(s, delta, a0, 0.0));
            // a moves monotonically from a0 towards s and never overshoots
            assertTrue((a - a0) * (s - a0) >= 0 && (s - a) * (s - a0) >= 0);
        }
        // s = δ = 0: ȧ = −2a², a = a0/(1 + 2 a0 t)
        assertEquals(0.5 / (1 + 2 * 0.5 * 3), LambdaBalancedPrediction.modeAt(0, 0, 0.5, 3), 1e-15);
    }

    @Test
    void balancedSmallInitMatchesTheSaxeLogistic() {
        // δ = 0: a(t) = s/(1 + (s/a0 − 1)e^{−2st}) (SPEC §4 test vector: s = 3, a0 = 0.01)
        for (double t : new double[] {0.3, 0.9502, 2.0}) {
            double saxe = 3 / (1 + (3 / 0.01 - 1) * Math.exp(-2 * 3 * t));
            assertEquals(saxe, LambdaBalancedPrediction.modeAt(3, 0, 0.01, t), 1e-12 * 3);
        }
    }

    /** per cell: the simulated kernel distance, time to fit and parameter distance agree with the closed form */
    @Test
    void alignedCellsAgreeWithTheClosedFormOverRandomScalesAndDeltas() throws Exception {
        Preset p = SweepFixtures.preset("aligned");
        Random rng = new Random(7);
        double[][] cells = new double[12][];
        for (int i = 0; i < cells.length; i++)
            cells[i] = new double[] {Math.exp(Math.log(0.01) + rng.nextDouble() * Math.log(400)), (rng.nextDouble() - 0.5) * 8};
        cells[0] = new double[] {0.01, 0.0};
        cells[1] = new double[] {3.0, 0.0}; // starts above s: a decreases
        Axis x = new Axis("init.scale", 0.01, 4, 2, true), y = new Axis("init.delta", -4, 4, 2, false);
        PresetGrid grid = new PresetGrid(p, "aligned", x, y, SweepSettings.DEFAULT);
        for (double[] c : cells) {
            CellResult r = SweepRunner.runCell(0, 0, c[0], c[1], grid, CancellationToken.NEVER);
            CellPrediction th = r.prediction();
            assertTrue(th.available(), th.reason());
            assertEquals("lambda-balanced-aligned", th.model());
            String at = "τ=" + c[0] + " δ=" + c[1];
            assertEquals(th.kernelDistance(), r.kernelDistance(), 1e-6 + 1e-5 * th.kernelDistance(), at);
            assertEquals(th.parameterDistance(), r.parameterDistance(), 1e-5 * (1 + th.parameterDistance()), at);
            // time to fit is read off 60 frames: agreement to ~1 % of a frame spacing's effect
            assertEquals(th.timeToFit(), r.timeToFit(), 0.01 * th.timeToFit() + 0.02, at);
        }
    }

    @Test
    void orthogonalSquareFinalKernelDistanceDependsOnDeltaAlone() throws Exception {
        Preset p = SweepFixtures.preset("square-orthogonal");
        Axis x = new Axis("init.scale", 0.01, 10, 4, true), y = new Axis("init.delta", -3, 3, 3, false);
        PresetGrid grid = new PresetGrid(p, "square", x, y, SweepSettings.DEFAULT);
        SweepResult r = new SweepRunner(2).run("sq", x, y, grid, SweepListener.NONE, new CancellationToken());
        double[] byDelta = new double[y.n()];
        for (int iy = 0; iy < y.n(); iy++) {
            double ref = r.get(0, iy).kernelDistance();
            byDelta[iy] = ref;
            double minFit = Double.POSITIVE_INFINITY, maxFit = 0;
            for (int ix = 0; ix < x.n(); ix++) {
                CellResult c = r.get(ix, iy);
                assertEquals(ref, c.kernelDistance(), 1e-6, "τ drops out at δ = " + y.value(iy));
                assertEquals("lambda-balanced-limit", c.prediction().model());
                assertEquals(c.prediction().kernelDistanceLimit(), c.kernelDistance(), 1e-6);
                minFit = Math.min(minFit, c.timeToFit());
                maxFit = Math.max(maxFit, c.timeToFit());
            }
            if (y.value(iy) == 0) assertTrue(maxFit > 2 * minFit, "time to fit still depends on τ");
        }
        // … but δ does not drop out: balanced (δ = 0) is richer than either unbalanced side
        assertTrue(byDelta[1] > 1.5 * byDelta[0] && byDelta[1] > 1.5 * byDelta[2]);
    }

    @Test
    void noPredictionWhereTheTheoryDoesNotApply() throws Exception {
        Preset gauss = SweepFixtures.preset("wide-gaussian");
        SimulationSpec g = PresetCompiler.compile(gauss, "g");
        assertFalse(LambdaBalancedPrediction.predict(g).available());
        Preset deep = SweepFixtures.preset("aligned");
        deep.network.widths = new int[] {3, 4, 4, 2};
        assertTrue(LambdaBalancedPrediction.predict(PresetCompiler.compile(deep, "d")).reason().contains("two layers"));
        Preset gd = SweepFixtures.preset("aligned");
        gd.training.method = "gradient-descent";
        gd.training.learningRate = 0.01;
        assertFalse(LambdaBalancedPrediction.predict(PresetCompiler.compile(gd, "gd")).available());
        Preset rates = SweepFixtures.preset("aligned");
        rates.training.layerRates = new double[] {1, 2};
        assertFalse(LambdaBalancedPrediction.predict(PresetCompiler.compile(rates, "r")).available());
    }

    /** Kunin et al. Fig 1b / Theorem 6 on widths [3, 20, 3], gaussian init (a 4 × 3 excerpt of the 41 × 41 map) */
    @Test
    void wideGaussianNetworkIsRichAtSmallBalancedScaleAndLazyElsewhere() {
        Preset p = SweepFixtures.preset("wide-gaussian");
        Axis x = new Axis("init.scale", 0.01, 10, 4, true), y = new Axis("init.delta", -4, 4, 3, false);
        PresetGrid grid = new PresetGrid(p, "wide", x, y, SweepSettings.DEFAULT);
        SweepResult r = new SweepRunner(2).run("wide", x, y, grid, SweepListener.NONE, new CancellationToken());
        double rich = r.get(0, 1).kernelDistance();              // τ = 0.01, δ = 0
        assertTrue(rich > 0.1, "rich: S = " + rich);
        for (int iy = 0; iy < 3; iy++) assertTrue(r.get(3, iy).kernelDistance() < 1e-3, "lazy at τ = 10"); // large τ
        assertTrue(r.get(0, 0).kernelDistance() < 1e-3, "lazy at δ = −4 (downstream)");
        assertTrue(r.get(0, 2).kernelDistance() < rich / 3, "lazier at δ = +4 (upstream)");
        for (int ix = 0; ix < 4; ix++)                             // S falls monotonically with τ at δ = 0
            if (ix > 0) assertTrue(r.get(ix, 1).kernelDistance() < r.get(ix - 1, 1).kernelDistance());
    }

    @Test
    void singleRunOfAnAlignedPresetAgreesAtTightTolerance() throws Exception {
        // the prediction itself, not the sweep: tight-tolerance run of the preset as written
        SimulationSpec spec = PresetCompiler.compile(SweepFixtures.preset("aligned"), "a");
        Trajectory tr = Simulation.simulate(spec);
        CellPrediction th = LambdaBalancedPrediction.predict(spec);
        assertEquals(th.kernelDistance(), tr.last().kernelDistance(), Tolerances.AGREEMENT);
    }
}
