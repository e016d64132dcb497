package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The App. A view's simulated μ, φ, ν (from the recorded weights) against the closed form the overlay draws, on
 * the basins preset, whose τ = 0.5 and 0.95 runs have a cross 0 (ν's pole); and the view draws without error.
 */
class NeuronTemporalChartTest {
    /** the engine's tolerance (rtol 1e−9 class) seen through μ, φ and ν away from the pole */
    private static final double AGREEMENT = 1e-6;

    @Test
    void simulatedValuesFollowTheClosedFormAndNuHasItsPole() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("basins-of-attraction.json"), "basins");
        int poles = 0;
        for (RunSet.Labeled l : rs.runs()) {
            assertTrue(NeuronTemporalChart.applies(l.trajectory()));
            double[][] s = NeuronTemporalChart.simulated(l.trajectory());
            OverlayResult ex = Overlays.evaluate(Overlays.NEURON_TEMPORAL, OverlayInput.of(l.trajectory()));
            assertTrue(ex.available(), ex.reason());
            String[] names = {"mu", "phi", "nu"};
            boolean signChange = false;
            for (int k = 0; k < 3; k++) {
                double[] e = ex.array(names[k]);
                for (int i = 0; i < e.length; i++) {
                    double a = l.trajectory().frames().get(i).weights()[1][0];
                    if (k == 0 && i > 0) signChange |= Math.signum(a) != Math.signum(l.trajectory().frames().get(0).weights()[1][0]);
                    if (k == 2 && Math.abs(a) < 0.05) continue;   // next to the pole ν is ill-conditioned
                    assertEquals(e[i], s[k][i], AGREEMENT * Math.max(1, Math.abs(e[i])), l.label() + " " + names[k] + " frame " + i);
                }
            }
            if (signChange) poles++;
        }
        assertEquals(2, poles, "τ = 0.5 and τ = 0.95 change the sign of a");
        ViewChart c = ViewId.NEURON_TEMPORAL.newChart(ChartStyle.screen());
        c.update(rs, 5.0);
        assertTrue(ViewRenderersTest.paint(c.drawable(), "neuron-temporal-basins") > 0);
    }
}
