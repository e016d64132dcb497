package org.dlnexplorer.preset;

import org.dlnexplorer.model.sweep.Axis;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** #16 item 2: every bundled preset's map holds its own configuration, or says why there is no map. */
class PhaseAxesTest {
    private static boolean holds(Axis a, double v) {
        double[] e = a.edges();
        return v >= Math.min(e[0], e[a.n()]) && v <= Math.max(e[0], e[a.n()]);
    }

    @Test
    void everyBundledPresetsMapHoldsItsConfigurationOrSaysWhyThereIsNone() {
        BundledPresets.Listing all = BundledPresets.load();
        assertTrue(all.entries().size() >= 20, "bundled presets found: " + all.entries().size());
        int maps = 0;
        for (BundledPresets.Entry e : all.entries()) {
            Preset p = e.preset();
            PhaseAxes axes = PhaseAxes.of(p, e.file());
            if ("explicit".equals(p.init.scheme)) {
                assertFalse(axes.sweepable(), e.file());
                assertTrue(axes.whyNot().contains("explicit"), axes.whyNot());
                continue;
            }
            assertTrue(axes.sweepable(), e.file() + ": " + axes.whyNot());
            maps++;
            double tau = p.init.scale, delta = p.init.delta == null ? 0 : p.init.delta;
            assertTrue(holds(axes.x(), tau), e.file() + ": τ = " + tau + " outside " + axes.x());
            assertTrue(holds(axes.y(), delta), e.file() + ": δ = " + delta + " outside " + axes.y());
        }
        assertTrue(maps > 10);
    }

    @Test
    void aTauBelowTheDefaultWidensTheAxisToWholeDecades() throws Exception {
        Preset p = BundledPresets.read("near-degenerate-aligned.json");   // τ = 1e−3, δ = 0
        PhaseAxes axes = PhaseAxes.of(p, "near-degenerate-aligned.json");
        assertEquals(1e-3, axes.x().from(), 1e-18);
        assertEquals(10, axes.x().to(), 0);
        assertEquals(PresetGrid.DEFAULT_X.n(), axes.x().n());
        assertEquals(PresetGrid.DEFAULT_Y, axes.y(), "δ = 0 is inside the default δ axis: unchanged");
        assertEquals(1e-2, axes.x().value(10), 1e-15, "decades stay on grid points");
    }

    @Test
    void aDeltaThePresetRefusesIsHeldAtItsValueWithTheReason() throws Exception {
        Preset p = BundledPresets.read("marion-chizat-residual.json");   // the residual scheme has no δ
        PhaseAxes axes = PhaseAxes.of(p, "marion-chizat-residual.json");
        assertTrue(axes.sweepable());
        assertEquals(1, axes.y().n());
        assertEquals(0.0, axes.y().from());
        assertEquals(PresetGrid.DEFAULT_X, axes.x());
        assertEquals(1, axes.notes().size());
        assertTrue(axes.notes().get(0).contains("residual scheme has no relative scale"), axes.notes().get(0));
    }

    @Test
    void widenedAxesKeepTheirPointsAndReachWholeUnits() {
        Axis y = PhaseAxes.widenSymmetric(PresetGrid.DEFAULT_Y, -6.2);
        assertEquals(-7, y.from());
        assertEquals(7, y.to());
        assertSame(PresetGrid.DEFAULT_Y, PhaseAxes.widenSymmetric(PresetGrid.DEFAULT_Y, 3.9));
        Axis x = PhaseAxes.widenLog(PresetGrid.DEFAULT_X, 30);
        assertEquals(0.01, x.from());
        assertEquals(100, x.to(), 1e-12);
        assertSame(PresetGrid.DEFAULT_X, PhaseAxes.widenLog(PresetGrid.DEFAULT_X, 1e-2));
    }

    @Test
    void aReluPresetGetsFigure1bsAxesOrItsOwn() throws Exception {
        // the linear map's 41 × 41 (τ, δ) grid of full ReLU trainings never finished in the app: a ReLU preset
        // gets Kunin et al. Fig. 1b's τ = 0.1…2 (log) × δ = −1…1 at 11 × 11, or the axes it names
        Preset p = BundledPresets.read("relu-upstream-vs-downstream.json");
        PhaseAxes axes = PhaseAxes.of(p, "relu-upstream-vs-downstream.json");
        assertTrue(axes.sweepable(), axes.whyNot());
        assertEquals(PhaseAxes.PORTRAIT_X, axes.x());
        assertEquals(PhaseAxes.PORTRAIT_Y, axes.y());
        assertEquals(11 * 11, axes.x().n() * axes.y().n());
        if (p.view == null) p.view = new com.google.gson.JsonObject();
        p.view.addProperty("sweepX", "init.scale=0.2:1:3:log");
        p.view.addProperty("sweepY", "init.delta=-0.5:0.5:5");
        PhaseAxes own = PhaseAxes.of(p, "relu-upstream-vs-downstream.json");
        assertEquals(Axis.parse("init.scale=0.2:1:3:log"), own.x(), "view.sweepX as the preset names it");
        assertEquals(Axis.parse("init.delta=-0.5:0.5:5"), own.y());
    }
}
