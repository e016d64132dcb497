package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetGrid;
import org.dlnexplorer.preset.PresetPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class SweepRunnerTest {
    private static final Axis TAU = Axis.parse("init.scale=0.05:2:3:log");
    private static final Axis DELTA = Axis.parse("init.delta=-2:2:3");

    @Test
    void everyCellEqualsASingleRunOfTheSameConfiguration() throws Exception {
        Preset p = SweepFixtures.preset("wide-gaussian");
        PresetGrid grid = new PresetGrid(p, "wide-gaussian", TAU, DELTA, SweepSettings.DEFAULT);
        List<CellResult> streamed = Collections.synchronizedList(new ArrayList<>());
        SweepResult r = new SweepRunner(2).run("t", TAU, DELTA, grid, streamed::add, new CancellationToken());
        assertTrue(r.complete());
        assertEquals(9, streamed.size());
        for (int iy = 0; iy < 3; iy++) {
            for (int ix = 0; ix < 3; ix++) {
                CellResult c = r.get(ix, iy);
                // the same configuration, built without the grid: preset fields set by hand, then compiled
                Preset cell = PresetPaths.with(PresetPaths.with(p, "init.scale", TAU.value(ix)), "init.delta", DELTA.value(iy));
                SimulationSpec spec = PresetCompiler.compile(cell, "test").toBuilder().grid(cell.training.duration, 60)
                        .tolerances(1e-7, 1e-10).build();
                Trajectory run = Simulation.simulate(spec);
                Frame first = run.frames().get(0), last = run.last();
                assertEquals(60, run.frames().size());
                assertEquals(CellStatus.OK, c.status());
                assertEquals(last.kernelDistance(), c.kernelDistance(), 0.0);
                double d2 = 0, n2 = 0;
                for (int l = 0; l < 2; l++)
                    for (int i = 0; i < first.weights()[l].length; i++) {
                        double d = last.weights()[l][i] - first.weights()[l][i];
                        d2 += d * d;
                        n2 += first.weights()[l][i] * first.weights()[l][i];
                    }
                assertEquals(Math.sqrt(d2), c.parameterDistance(), 1e-15 * Math.sqrt(d2) + 1e-300);
                assertEquals(Math.sqrt(d2 / n2), c.relativeParameterDistance(), 1e-12);
                assertEquals(CellMetrics.timeToFit(run.frames(), 0.0), c.timeToFit(), 0.0);
                assertTrue(Double.isNaN(c.finalSharpness()), "gradient flow records no sharpness");
                assertTrue(streamed.contains(c));
            }
        }
    }

    @Test
    void timeToFitIsTheFirstCrossingOfOnePercent() {
        List<Frame> frames = List.of(frame(0, 4.0), frame(1, 1.0), frame(2, 0.08), frame(3, 0.01), frame(4, 0.02));
        // goal 0.04: e(2) = 0.08 > goal ≥ e(3) = 0.01 → log-linear crossing at 2 + ln 2 / ln 8
        double expected = 2 + Math.log(2) / Math.log(8);
        assertEquals(expected, CellMetrics.timeToFit(frames, 0.0), 1e-12);
        // with ℒ_min = 0.005 the excess goal is 0.01·3.995 → crossing between t = 2 and t = 3
        double t = CellMetrics.timeToFit(frames, 0.005);
        assertTrue(t > 2 && t < 3, "t = " + t);
        assertTrue(Double.isNaN(CellMetrics.timeToFit(List.of(frame(0, 1), frame(1, 0.5)), 0.0)));
        assertEquals(0.0, CellMetrics.timeToFit(List.of(frame(0, 0), frame(1, 0)), 0.0));
    }

    private static Frame frame(double t, double loss) {
        return new Frame(0, 0, t, loss, new double[] {1}, new double[][] {{1}}, 0, 0, Double.NaN, 1, 1,
                new double[] {1}, new double[] {1}, null);
    }

    @Test
    void parallelAndSequentialSweepsAgree() {
        PresetGrid grid = new PresetGrid(SweepFixtures.preset("aligned"), "aligned", TAU, DELTA, SweepSettings.DEFAULT);
        SweepResult one = new SweepRunner(1).run("t", TAU, DELTA, grid, SweepListener.NONE, new CancellationToken());
        SweepResult two = new SweepRunner(2).run("t", TAU, DELTA, grid, SweepListener.NONE, new CancellationToken());
        assertEquals(SweepCsv.write(one), SweepCsv.write(two));
    }

    @Test
    @Timeout(120) // a hang guard only: without cancellation these cells would run for hours
    void cancellationStopsRunningCellsAndSkipsTheRest() throws Exception {
        Preset p = SweepFixtures.preset("wide-gaussian");
        // 9e7 gradient-descent steps per cell (minutes each): far longer than the test should wait
        p.training.method = "gradient-descent";
        p.training.learningRate = 1e-4;
        p.training.duration = 9e3;
        Axis x = Axis.parse("init.scale=0.1:1:6:log"), y = Axis.parse("init.delta=-1:1:6");
        // without the cells' step budget (which would stop each cell after 20,000 steps, in milliseconds)
        PresetGrid grid = new PresetGrid(p, "long", x, y, SweepSettings.DEFAULT.withMaxSteps(Long.MAX_VALUE));
        CancellationToken cancel = new CancellationToken();
        AtomicInteger started = new AtomicInteger();
        int parallelism = 2;
        CellSpecFactory counting = (xv, yv) -> {
            if (started.incrementAndGet() == parallelism) {
                // both workers are busy with endless cells: cancel from another thread a little later
                Thread t = new Thread(() -> {
                    try { Thread.sleep(200); } catch (InterruptedException ignored) { }
                    cancel.cancel();
                });
                t.start();
            }
            return grid.spec(xv, yv);
        };
        AtomicInteger delivered = new AtomicInteger();
        SweepResult r = new SweepRunner(parallelism).run("t", x, y, counting, c -> delivered.incrementAndGet(), cancel);
        assertTrue(r.finished());
        assertTrue(r.cancelled());
        assertEquals(0, r.completed(), "cancelled cells stay absent");
        assertEquals(0, delivered.get());
        for (int iy = 0; iy < y.n(); iy++) for (int ix = 0; ix < x.n(); ix++) assertNull(r.get(ix, iy));
        // the not-yet-started cells were skipped, not simulated
        assertTrue(started.get() <= 2 * parallelism, "cells started: " + started.get());
    }

    @Test
    void cancellingAfterSomeCellsKeepsExactlyTheFinishedOnes() {
        PresetGrid grid = new PresetGrid(SweepFixtures.preset("aligned"), "aligned",
                Axis.parse("init.scale=0.05:2:8:log"), Axis.parse("init.delta=-2:2:8"), SweepSettings.DEFAULT);
        CancellationToken cancel = new CancellationToken();
        List<CellResult> got = Collections.synchronizedList(new ArrayList<>());
        SweepResult r = new SweepRunner(2).run("t", grid.x(), grid.y(), grid, c -> {
            got.add(c);
            if (got.size() >= 5) cancel.cancel();
        }, cancel);
        assertTrue(r.cancelled());
        assertTrue(r.completed() < 64);
        assertTrue(r.completed() >= 5);
        int present = 0;
        for (int iy = 0; iy < 8; iy++) for (int ix = 0; ix < 8; ix++) if (r.get(ix, iy) != null) present++;
        assertEquals(present, r.completed());
        assertEquals(got.size(), r.completed(), "every stored cell was streamed and vice versa");
    }

    @Test
    void badCellsFailWithTheirMessageAndTheOthersStillRun() {
        PresetGrid grid = new PresetGrid(SweepFixtures.preset("aligned"), "aligned.json",
                Axis.parse("init.scale=-1:1:3"), Axis.parse("init.delta=0:1:2"), SweepSettings.DEFAULT);
        SweepResult r = new SweepRunner(2).run("t", grid.x(), grid.y(), grid, SweepListener.NONE, new CancellationToken());
        CellResult negative = r.get(0, 0);
        assertEquals(CellStatus.FAILED, negative.status());
        assertTrue(negative.message().contains("init.scale"), negative.message());
        assertEquals(CellStatus.OK, r.get(2, 1).status());
        assertTrue(Double.isNaN(negative.kernelDistance()));
    }

    @Test
    void divergedCellsAreMarkedAndCarryNoValues() {
        Preset p = SweepFixtures.preset("aligned");
        p.training.method = "gradient-descent";
        p.training.learningRate = 0.1;
        p.training.duration = 20.0;
        PresetGrid grid = new PresetGrid(p, "gd", Axis.parse("training.learningRate=0.05:3:2"),
                Axis.parse("init.delta=0:0.5:2"), SweepSettings.DEFAULT);
        SweepResult r = new SweepRunner(2).run("t", grid.x(), grid.y(), grid, SweepListener.NONE, new CancellationToken());
        for (int iy = 0; iy < 2; iy++) {
            CellResult stable = r.get(0, iy), blown = r.get(1, iy);
            assertEquals(CellStatus.OK, stable.status());
            assertTrue(stable.finalSharpness() > 0, "gradient descent records the final sharpness");
            // ℒ's curvature at T = diag(2, 0.5) exceeds 2/η = 0.67 for η = 3
            assertEquals(CellStatus.DIVERGED, blown.status());
            assertTrue(blown.diverged());
            assertTrue(Double.isNaN(blown.kernelDistance()));
        }
        String csv = SweepCsv.write(r);
        assertFalse(csv.contains("NaN") || csv.contains("Infinity"));
        assertTrue(csv.contains(",true,diverged,"));
    }

    /**
     * final_loss is ℒ(t_end) of the cell's run and converged the Convergence rule on it: across the edge of
     * stability of edge-of-stability.json (η* = 2/S_min ≈ 0.228), η = 0.2 converges and η = 0.26 does not.
     */
    @Test
    void finalLossAndConvergedAcrossTheEdgeOfStability() throws Exception {
        org.dlnexplorer.preset.Preset p = org.dlnexplorer.preset.BundledPresets.read("edge-of-stability.json");
        p.compare = null;
        PresetGrid grid = new PresetGrid(p, "eos", Axis.parse("training.learningRate=0.2:0.26:2"),
                Axis.parse("init.delta=0:0:1"), SweepSettings.DEFAULT);
        SweepResult r = new SweepRunner(1).run("eos", grid.x(), grid.y(), grid, SweepListener.NONE, new CancellationToken());
        CellResult below = r.get(0, 0), above = r.get(1, 0);
        assertTrue(below.ok() && below.converged(), below.toString());
        assertFalse(above.converged(), above.toString());
        assertTrue(below.finalLoss() < 1e-6 * 2.5, "fitted: " + below.finalLoss());   // ℒ(0) ≈ ½‖β*‖² = 2.5
        String[] row = SweepCsv.row(below).split(",", -1);
        assertEquals(Double.toString(below.finalLoss()), row[row.length - 2]);
        assertEquals("true", row[row.length - 1]);
    }

    @Test
    @Timeout(60)
    void noCellStartsWhileTheForegroundIsBusy() throws Exception {
        Preset p = SweepFixtures.preset("wide-gaussian");
        PresetGrid grid = new PresetGrid(p, "wide-gaussian", TAU, DELTA, SweepSettings.DEFAULT);
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        SweepResult[] out = new SweepResult[1];
        Thread t = new Thread(() -> out[0] = new SweepRunner(2, busy::get).run("t", TAU, DELTA, grid,
                c -> done.incrementAndGet(), new CancellationToken()));
        t.start();
        Thread.sleep(300);   // ample time for several cells (each takes a few ms)
        assertEquals(0, done.get(), "cells finished while the foreground was busy");
        assertTrue(t.isAlive());
        busy.set(false);
        t.join();
        assertEquals(9, done.get());
        assertTrue(out[0].complete());
    }

    @Test
    @Timeout(60)
    void aCancelledSweepStopsWaitingForTheForeground() throws Exception {
        Preset p = SweepFixtures.preset("wide-gaussian");
        PresetGrid grid = new PresetGrid(p, "wide-gaussian", TAU, DELTA, SweepSettings.DEFAULT);
        CancellationToken cancel = new CancellationToken();
        Thread t = new Thread(() -> new SweepRunner(2, () -> true).run("t", TAU, DELTA, grid, c -> { }, cancel));
        t.start();
        Thread.sleep(50);
        cancel.cancel();
        t.join(10_000);
        assertFalse(t.isAlive(), "the sweep ended after its cancel");
    }
}
