package org.dlnexplorer.chart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The read-out interpolates each line at t, names its run, and leaves out lines that do not reach t. */
class ReadOutTest {
    private static final double EXACT = 1e-12;

    @Test
    void linearBetweenSamplesAndNothingOutside() {
        double[] x = {0, 1, 2, Double.NaN, 4}, y = {0, 10, 30, 5, 70};
        assertEquals(5, ReadOut.valueAt(x, y, 0.5), EXACT);
        assertEquals(30, ReadOut.valueAt(x, y, 2), EXACT, "a sample itself");
        assertEquals(30 + (70 - 30) * 0.25, ReadOut.valueAt(x, y, 2.5), EXACT, "across a NaN sample (a gap on a log axis)");
        assertTrue(Double.isNaN(ReadOut.valueAt(x, y, -0.1)));
        assertTrue(Double.isNaN(ReadOut.valueAt(x, y, 4.5)));
    }

    @Test
    void eachRunNamedWithItsValue() {
        ReadOut r = new ReadOut(List.of(
                new ReadOut.Series("δ = -1", "ℒ", new double[]{0, 2}, new double[]{4, 0}, 0xff0000ff),
                new ReadOut.Series("δ = 1", "ℒ", new double[]{0, 1}, new double[]{2, 1}, 0xffff0000)), List.of());
        List<ReadOut.Value> v = r.at(1.5);
        assertEquals(1, v.size(), "the second run ends at t = 1");
        assertEquals("δ = -1: ℒ = 1", v.get(0).text());
        assertEquals(0xff0000ff, v.get(0).argb());
        assertEquals("ℒ = 3", new ReadOut(List.of(new ReadOut.Series("", "ℒ", new double[]{0, 1}, new double[]{2, 4}, 0)), List.of())
                .at(0.5).get(0).text(), "a single run: the quantity alone");
    }

    @Test
    void theSlideStylesInsideLegendIsTextTheReadOutAvoids() throws Exception {
        System.setProperty("java.awt.headless", "true");
        var runs = Fixtures.runSet(Fixtures.SAXE_COMPARE);
        XyViewChart c = (XyViewChart) ViewChart.create(ViewId.LOSS, ChartStyle.slide());
        c.update(runs, Double.NaN);
        var img = new java.awt.image.BufferedImage(1600, 1000, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        var info = new org.jfree.chart.ChartRenderingInfo(null);
        c.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 1600, 1000), info);
        g.dispose();
        var data = info.getPlotInfo().getDataArea();
        ReadOut r = c.readOut(data);
        assertEquals(3, r.series().size(), "one line per run");
        assertNotNull(c.insideLegendCorner());
        var legend = r.text().get(r.text().size() - 1);
        assertTrue(data.contains(legend.getCenterX(), legend.getCenterY()), "inside the plot: " + legend);
        boolean right = c.insideLegendCorner().toString().contains("RIGHT"), top = c.insideLegendCorner().toString().contains("TOP");
        assertEquals(right, legend.getCenterX() > data.getCenterX(), c.insideLegendCorner() + " " + legend);
        if (c.insideLegendCorner().toString().contains("TOP") || c.insideLegendCorner().toString().contains("BOTTOM"))
            assertEquals(top, legend.getCenterY() < data.getCenterY(), c.insideLegendCorner() + " " + legend);
    }
}
