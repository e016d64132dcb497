package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.Convergence;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.BundledPresets;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The sharpness-vs-η summary: converged runs only, grouped by init size, against 2/η and S_min. */
class SharpnessVsEtaChartTest {
    static { System.setProperty("java.awt.headless", "true"); }

    /** the stability bound S ≤ 2/η holds to this relative margin at a converged gradient-descent run */
    static final double STABILITY_MARGIN = 1e-3;
    /** Lanczos's relative accuracy on the sharpness, with room */
    static final double SHARPNESS_TOL = 1e-5;

    @Test
    void convergedRunsArePlottedAtTheirFinalSharpnessAndTheOthersOnlyMarked() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("sharpness-vs-eta.json"), "sve");
        List<SharpnessVsEtaChart.Group> groups = SharpnessVsEtaChart.groups(rs);
        assertEquals(2, groups.size(), "two init sizes");
        assertTrue(groups.get(0).initNorm() < groups.get(1).initNorm());
        // independently: each run's last frame, its η from its setup, the convergence rule
        List<double[]> expectConverged = new ArrayList<>();
        int notConverged = 0;
        for (RunSet.Labeled l : rs.runs()) {
            Trajectory t = l.trajectory();
            if (Convergence.converged(t)) expectConverged.add(new double[]{t.setup().learningRate(), t.last().sharpness()});
            else notConverged++;
        }
        int plotted = 0, marked = 0;
        for (SharpnessVsEtaChart.Group g : groups) {
            plotted += g.converged().size();
            marked += g.notConverged().size();
            for (double[] p : g.converged()) {
                assertTrue(expectConverged.stream().anyMatch(e -> e[0] == p[0] && e[1] == p[1]), "a converged run's point");
                // GD settles only where S < 2/η (the descent lemma), never below the flattest minimizer
                assertTrue(p[1] <= 2 / p[0] * (1 + STABILITY_MARGIN), "S = " + p[1] + " at η = " + p[0]);
                double sMin = 3 * Math.pow(5, 2.0 / 3);   // L‖β*‖^{2−2/L}, L = 3, β* = (2, 1)
                assertTrue(p[1] >= sMin * (1 - SHARPNESS_TOL), "S = " + p[1] + " ≥ S_min");
            }
        }
        assertEquals(expectConverged.size(), plotted);
        assertEquals(notConverged, marked);
        assertEquals(List.of(0.24), groups.get(0).notConverged(), "small init above η* = 2/S_min ≈ 0.228");
        assertEquals(List.of(), groups.get(1).notConverged());

        // the drawn chart: the converged points in the first layer, the crosses below every point
        SharpnessVsEtaChart chart = new SharpnessVsEtaChart(ChartStyle.screen());
        chart.update(rs, 0);
        XYDataset points = chart.plot.getDataset(0), crosses = chart.plot.getDataset(1);
        int n = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int s = 0; s < points.getSeriesCount(); s++)
            for (int i = 0; i < points.getItemCount(s); i++) { n++; lowest = Math.min(lowest, points.getYValue(s, i)); }
        assertEquals(plotted, n);
        int x = 0;
        for (int s = 0; s < crosses.getSeriesCount(); s++)
            for (int i = 0; i < crosses.getItemCount(s); i++) { x++; assertTrue(crosses.getYValue(s, i) < lowest, "on the floor"); }
        assertEquals(marked, x);
    }

    @Test
    void aViewOfSeveralLearningRates() throws Exception {
        RunSet flow = PresetRunner.runSet(BundledPresets.read("saxe-two-modes.json"), "saxe");
        assertEquals("needs gradient-descent runs at two or more learning rates (a compare set over training.learningRate: one point per run)",
                ViewId.SHARPNESS_VS_ETA.whyNot(flow));
        assertNull(ViewId.SHARPNESS_VS_ETA.whyNot(PresetRunner.runSet(BundledPresets.read("edge-of-stability.json"), "eos")));
    }
}
