package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.BundledPresets;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Issue #13: the conservation view of a two-layer ReLU network draws each neuron's δ_k drift. */
class ConservationPiecewiseTest {
    static { System.setProperty("java.awt.headless", "true"); }

    /** δ_k is conserved by the event-located flow to this (the flow's own test asks 1e−9 at rtol 1e−12) */
    static final double DRIFT_BOUND = 1e-8;

    @Test
    void aReluRunsConservationViewDrawsTheDriftOfEveryNeuronsDelta() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("relu-upstream-vs-downstream.json"), "relu-upstream-vs-downstream.json");
        assertNull(ViewId.CONSERVATION.whyNot(rs), "the view applies to a ReLU network");
        ViewChart chart = ViewChart.create(ViewId.CONSERVATION, ChartStyle.screen());
        chart.update(rs, Double.NaN);
        String subtitle = ((TextTitle) chart.chart().getSubtitle(0)).getText();
        assertTrue(subtitle.contains("δₖ"), subtitle);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1600, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        chart.drawable().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 1600, 1000));
        g.dispose();
        assertEquals(ConservationChart.NEURON_DRIFT_LABEL, chart.chart().getXYPlot().getRangeAxis().getLabel());
        for (RunSet.Labeled l : rs.runs()) {
            Trajectory tr = l.trajectory();
            double[][] w0 = tr.frames().get(0).weights();
            for (Frame f : tr.frames()) {
                // the frame's drift against a direct max_k |δ_k(t) − δ_k(0)| from the recorded weights [W, aᵀ]
                double direct = 0;
                double[][] w = f.weights();
                int h = w[1].length, d = w[0].length / h;
                for (int k = 0; k < h; k++) direct = Math.max(direct, Math.abs(delta(w, k, d) - delta(w0, k, d)));
                assertEquals(direct, f.balanceDrift(), 1e-12, l.label() + " t = " + f.t());
                assertTrue(f.balanceDrift() < DRIFT_BOUND, l.label() + ": drift " + f.balanceDrift());
            }
        }
    }

    /** δ_k = a_k² − ‖w_k‖² (unit layer rates in this preset) */
    private static double delta(double[][] w, int k, int d) {
        double a = w[1][k], n = 0;
        for (int j = 0; j < d; j++) n += w[0][k * d + j] * w[0][k * d + j];
        return a * a - n;
    }
}
