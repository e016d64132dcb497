package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.LayerStructure;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The layers view: every layer's singular values, consecutive alignments, the lemma's bounds where they apply. */
class LayersChartTest {
    static { System.setProperty("java.awt.headless", "true"); }

    private static LayersChart drawn(RunSet rs) {
        LayersChart c = new LayersChart(ChartStyle.screen());
        c.update(rs, 0);
        return c;
    }

    @Test
    void theSmallScalePresetMeetsTheCorollarysHypothesisAndItsCurvesAreTheFrames() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("marion-chizat-small-scale.json"), "mc");
        assertNull(ViewId.LAYERS.whyNot(rs));
        LayersChart c = drawn(rs);
        assertTrue(c.subtitle.getText().endsWith("≤ 1"), c.subtitle.getText());
        var tr = rs.runs().get(0).trajectory();
        // layer 0: the lemma's band; layer 1: σ_i(W_ℓ), 3 + 3 + 1 of them, the frames' values; layer 2: alignments
        XYDataset sigma = c.plot.getDataset(1), align = c.plot.getDataset(2);
        assertEquals(7, sigma.getSeriesCount());
        int last = sigma.getItemCount(0) - 1;
        assertEquals(tr.last().layerSingularValues()[0][0], sigma.getYValue(0, last), 0.0);
        assertEquals(tr.last().layerSingularValues()[2][0], sigma.getYValue(6, last), 0.0);
        double[] a = LayerStructure.alignment(tr.widths(), tr.last().weights());
        assertEquals(a[0], align.getYValue(0, align.getItemCount(0) - 1), 0.0);
        assertEquals(1, c.plot.getRangeAxisIndex(c.plot.getRangeAxis(1)));
        assertSame(c.plot.getRangeAxis(1), c.plot.getRangeAxisForDataset(2), "alignments on the right axis");
    }

    @Test
    void theBoundsSayWhyNotWhereTheLemmaDoesNotApply() throws Exception {
        // gradient descent: no bounds, said in the subtitle
        RunSet gd = PresetRunner.runSet(BundledPresets.read("edge-of-stability.json"), "eos");
        assertTrue(drawn(gd).subtitle.getText().contains("no bounds: the lemma is for gradient flow"));
        // two outputs
        RunSet saxe = PresetRunner.runSet(BundledPresets.read("saxe-two-modes.json"), "saxe");
        assertTrue(drawn(saxe).subtitle.getText().contains("no bounds: the lemma needs one output"));
    }
}
