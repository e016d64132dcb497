package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.parallel.CorePair;
import org.dlnexplorer.preset.PresetGrid;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Sweep cells already run side by side: each cell's trajectory is kept to one thread (no nested parallelism). */
class SweepOneThreadTest {
    @Test
    void cellsAreNotOfferedTheSecondCore() {
        assumeTrue(CorePair.available(), "two processors");
        Axis tau = Axis.parse("init.scale=0.05:2:2:log"), delta = Axis.parse("init.delta=-1:1:2");
        PresetGrid grid = new PresetGrid(SweepFixtures.preset("wide-gaussian"), "wide-gaussian", tau, delta,
                SweepSettings.DEFAULT);
        AtomicInteger cells = new AtomicInteger(), offered = new AtomicInteger();
        CellSpecFactory watching = (x, y) -> {
            cells.incrementAndGet();
            if (CorePair.available()) offered.incrementAndGet();
            return grid.spec(x, y);
        };
        SweepResult r = new SweepRunner(2).run("t", tau, delta, watching, c -> { }, new CancellationToken());
        assertTrue(r.complete());
        assertEquals(4, cells.get());
        assertEquals(0, offered.get(), "cells offered the second core");
        assertTrue(CorePair.available(), "the caller's own trajectories still may");
    }
}
