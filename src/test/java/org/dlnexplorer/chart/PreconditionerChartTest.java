package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The preconditioner view on deep networks: the eigenvalues of the direct M (every layer's chain rule) with
 * Lemma 14's closed form dashed on the Definition 12 runs, Theorem 3's on the two-layer one, and the conserved
 * aaᵀ − W_LW_Lᵀ = δI in the strip.
 */
class PreconditionerChartTest {
    static { System.setProperty("java.awt.headless", "true"); }

    /** Lemma 14 from W_1(t), ‖a(t)‖, δ against the direct M along the flow (Definition 12 is kept to round-off) */
    static final double ALONG_FLOW = 1e-8;

    @Test
    void deepIsotropicRunsDrawLemma14OnTheirEigenvalues() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("deep-implicit-bias-depths.json"), "dib");
        assertNull(ViewId.PRECONDITIONER.whyNot(rs), "deep linear networks have a preconditioner");
        PreconditionerChart c = new PreconditionerChart(ChartStyle.screen());
        c.update(rs, Double.NaN);
        XyViewChart top = c.top;
        List<String> legend = new ArrayList<>();
        var items = top.plot.getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) legend.add(items.get(i).getLabel());
        assertTrue(legend.contains("Lemma 14: M(W₁, ‖a‖, δ)"), legend.toString());
        assertTrue(legend.contains("Theorem 3: M(β) for Δ = δI"), "the L = 2 run is two-layer and isotropic: " + legend);
        XYDataset solid = top.plot.getDataset(0), dashed = top.plot.getDataset(1);
        int lemma = 0, theorem = 0;
        for (int s = 0; s < dashed.getSeriesCount(); s++) {
            String key = dashed.getSeriesKey(s).toString();
            String run = key.substring(0, key.indexOf(key.contains("Lemma") ? " Lemma" : " Thm"));
            String k = key.substring(key.lastIndexOf('λ'));
            int match = solid.indexOf(run + " " + k);
            assertTrue(match >= 0, key);
            if (key.contains("Lemma 14")) lemma++; else theorem++;
            int n = dashed.getItemCount(s), m = solid.getItemCount(match);
            for (int[] ij : new int[][]{{0, 0}, {n - 1, m - 1}}) {
                assertEquals(solid.getXValue(match, ij[1]), dashed.getXValue(s, ij[0]), 0.0);
                double y = solid.getYValue(match, ij[1]);
                assertEquals(y, dashed.getYValue(s, ij[0]), ALONG_FLOW * Math.max(1, Math.abs(y)), key);
            }
        }
        assertEquals(5 * 2, lemma, "L = 3 … 7: two eigenvalues each");
        assertEquals(2, theorem, "L = 2");
        // the strip: every eigenvalue of aaᵀ − W_LW_Lᵀ (and each δ_k of the two-layer run) at δ = −1e−4
        XYDataset strip = c.bottom.plot.getDataset(0);
        assertEquals(6 * 2, strip.getSeriesCount());
        for (int s = 0; s < strip.getSeriesCount(); s++)
            for (int i = 0; i < strip.getItemCount(s); i++) assertEquals(-1e-4, strip.getYValue(s, i), 1e-9);
        assertTrue(c.bottom.subtitle.getText().contains("conserved"), c.bottom.subtitle.getText());
    }

    @Test
    void gradientDescentAndAnisotropicStartsGetNoClosedForm() throws Exception {
        // edge-of-stability: a deep network trained by gradient descent: M is drawn, no lemma is claimed
        RunSet rs = PresetRunner.runSet(BundledPresets.read("edge-of-stability.json"), "eos");
        assertNull(ViewId.PRECONDITIONER.whyNot(rs));
        PreconditionerChart c = new PreconditionerChart(ChartStyle.screen());
        c.update(rs, Double.NaN);
        assertNotNull(c.top.plot.getDataset(0));
        assertNull(c.top.plot.getDataset(1), "no dashed layer");
        var items = c.top.plot.getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) assertFalse(items.get(i).getLabel().startsWith("Lemma 14"));
        assertTrue(c.bottom.subtitle.getText().contains("not conserved by gradient descent"), c.bottom.subtitle.getText());
    }
}
