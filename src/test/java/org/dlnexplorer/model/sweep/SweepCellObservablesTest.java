package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetGrid;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A sweep cell computes only what its metrics read: no Hessian spectrum, and the sharpness only in the
 * convergence window. Its result is the very cell a run with every observable gives (gradient-descent
 * presets, whose frames always carry sharpness, and a preset with the Hessian on), including cells that
 * diverge, stop or oscillate.
 */
class SweepCellObservablesTest {

    private static PresetGrid grid(String name, Axis x, Axis y) throws Exception {
        Preset p = BundledPresets.readFileOrName(Path.of("presets/" + name + ".json"));
        return new PresetGrid(p, name, x, y, SweepSettings.DEFAULT);
    }

    /** the cell as a run with every observable on every frame reduces it */
    private static CellResult everyObservable(int ix, int iy, double xv, double yv, PresetGrid g) throws Exception {
        SimulationSpec spec = g.spec(xv, yv);
        Trajectory tr = Simulation.simulate(spec, FrameListener.NONE, CancellationToken.NEVER);
        return CellMetrics.of(ix, iy, xv, yv, spec, tr, LambdaBalancedPrediction.predict(spec));
    }

    /** every cell of the grid the same both ways; the kinds of cell seen ("OK converged", "OK", "DIVERGED", …) */
    private static java.util.Set<String> sameCells(String name, Axis x, Axis y) throws Exception {
        PresetGrid g = grid(name, x, y);
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        int compared = 0;
        for (int ix = 0; ix < x.n(); ix++)
            for (int iy = 0; iy < y.n(); iy++) {
                CellResult lean = SweepRunner.runCell(ix, iy, x.value(ix), y.value(iy), g, CancellationToken.NEVER);
                assertEquals(everyObservable(ix, iy, x.value(ix), y.value(iy), g), lean, name + " cell " + ix + "," + iy);
                kinds.add(lean.status() + (lean.converged() ? " converged" : ""));
                compared++;
            }
        assertTrue(compared >= 4);
        return kinds;
    }

    @Test
    void gradientDescentCellsAreTheCellsOfAFullRun() throws Exception {
        // η across the edge of stability (2/λ_max): converged, oscillating and diverged cells
        java.util.Set<String> kinds = sameCells("edge-of-stability", new Axis("training.learningRate", 0.05, 1.2, 4, true),
                new Axis("init.scale", 0.3, 1.0, 2, false));
        assertTrue(kinds.containsAll(List.of("OK converged", "OK", "DIVERGED")), "cells seen: " + kinds);
        sameCells("conservation-gradient-descent", new Axis("init.delta", -2, 2, 3, false), new Axis("init.scale", 0.1, 2, 2, true));
    }

    @Test
    void aCellWithTheHessianOnIsTheCellOfAFullRun() throws Exception {
        sameCells("saddle-to-saddle", new Axis("init.scale", 0.01, 0.5, 2, true), new Axis("init.delta", -1, 1, 2, false));
    }

    @Test
    void aLeanCellRecordsSharpnessOnlyInTheWindow() throws Exception {
        PresetGrid g = grid("edge-of-stability", new Axis("init.scale", 0.3, 1.0, 2, false), new Axis("init.delta", -1, 1, 2, false));
        SimulationSpec spec = g.spec(0.5, 0.0);
        double from = org.dlnexplorer.model.observe.Convergence.windowStart(Simulation.frameTimes(spec));
        Trajectory lean = Simulation.simulate(spec, FrameListener.NONE, CancellationToken.NEVER, from);
        Trajectory full = Simulation.simulate(spec);
        List<Frame> fl = lean.frames(), ff = full.frames();
        assertEquals(ff.size(), fl.size());
        int with = 0;
        for (int i = 0; i < ff.size(); i++) {
            assertEquals(ff.get(i).t(), fl.get(i).t(), 0.0, "frame times are the ones frameTimes gives");
            assertEquals(Simulation.frameTimes(spec)[i], fl.get(i).t(), 0.0);
            assertTrue(ff.get(i).hasSharpness());
            if (fl.get(i).t() < from) assertFalse(fl.get(i).hasSharpness(), "frame " + i + " before the window");
            else {
                with++;
                // λ_max(θ) is a function of θ: the same whichever frames were computed before
                assertEquals(ff.get(i).sharpness(), fl.get(i).sharpness(), 0.0, "frame " + i);
            }
        }
        assertTrue(with >= 2 && with < ff.size() / 2, with + " of " + ff.size() + " frames carry sharpness");
    }
}
