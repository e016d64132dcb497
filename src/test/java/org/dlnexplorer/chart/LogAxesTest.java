package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Log axes that keep every run: the conservation view's exact zeros, and the loss view's log-y option. */
class LogAxesTest {
    /** the largest x of the series named key in any dataset of the plot, and whether all its y are > 0 */
    private static double[] span(XYPlot plot, String key) {
        double maxX = Double.NEGATIVE_INFINITY, allPositive = 1;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            if (ds == null) continue;
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                if (!key.equals(ds.getSeriesKey(s))) continue;
                for (int i = 0; i < ds.getItemCount(s); i++) {
                    maxX = Math.max(maxX, ds.getXValue(s, i));
                    if (!(ds.getYValue(s, i) > 0)) allPositive = 0;
                }
            }
        }
        return new double[] {maxX, allPositive};
    }

    @Test
    void conservationKeepsRunsWhoseDriftIsExactlyZeroAtSomeFrames() throws Exception {
        // depth-sharpens-transitions: L = 4 and L = 8 conserve Dₗ to rounding, many frames exactly 0
        RunSet rs = PresetRunner.runSet(BundledPresets.read("depth-sharpens-transitions.json"), "depth");
        ViewChart chart = ViewChart.create(ViewId.CONSERVATION, ChartStyle.slide());
        chart.update(rs, Double.NaN);
        for (RunSet.Labeled l : rs.runs()) {
            double[] s = span(chart.chart().getXYPlot(), l.label());
            assertEquals(l.trajectory().last().t(), s[0], 1e-9, l.label() + " is drawn to t_end");
            assertEquals(1, s[1], l.label() + ": every point has a place on the log axis");
        }
    }

    @Test
    void lossHasALogScaleOption() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("lazy-rich-wide-network.json"), "wide");
        ViewChart chart = ViewChart.create(ViewId.LOSS, ChartStyle.slide());
        chart.update(rs, Double.NaN);
        assertFalse(chart.chart().getXYPlot().getRangeAxis() instanceof LogAxis);
        chart.setLogLoss(true);
        XYPlot plot = chart.chart().getXYPlot();
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        for (RunSet.Labeled l : rs.runs()) {
            double[] s = span(plot, l.label());
            assertEquals(l.trajectory().last().t(), s[0], 1e-9, l.label());
            assertEquals(1, s[1], l.label());
        }
        // the smallest loss reached is inside the axis
        double min = Double.POSITIVE_INFINITY;
        for (RunSet.Labeled l : rs.runs()) min = Math.min(min, l.trajectory().last().loss());
        assertTrue(plot.getRangeAxis().getLowerBound() <= min, plot.getRangeAxis().getLowerBound() + " ≤ " + min);
    }
}
