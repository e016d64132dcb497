package org.dlnexplorer.chart;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

/** {@link PathLineRenderer} draws, pixel for pixel, what JFreeChart's lines-as-path renderer draws. */
class PathLineRendererTest {
    private static final int W = 520, H = 320;

    /** three series over two layers: a solid curve, a dashed one with NaN gaps, a line leaving the visible range */
    private static DefaultXYDataset data(int layer) {
        DefaultXYDataset ds = new DefaultXYDataset();
        int n = 400;
        for (int s = 0; s < 3; s++) {
            double[][] xy = new double[2][n];
            for (int i = 0; i < n; i++) {
                double t = 0.05 + 20.0 * i / (n - 1);
                xy[0][i] = t;
                xy[1][i] = s == 1 && i % 97 < 9 ? Double.NaN : Math.exp(-t / (1 + s + layer)) * Math.cos(t * (s + 1)) + 0.3 * s;
            }
            ds.addSeries("layer " + layer + " series " + s, xy);
        }
        return ds;
    }

    /** JFreeChart's lines-as-path renderer with the path simplified as it is drawn on screen (the point-by-point way) */
    private static final class SimplifiedAfterwards extends XYLineAndShapeRenderer {
        private final PathSimplifier simplifier = new PathSimplifier();

        SimplifiedAfterwards() {
            super(true, false);
            setDrawSeriesLineAsPath(true);
        }

        @Override
        protected void drawFirstPassShape(Graphics2D g2, int pass, int series, int item, java.awt.Shape shape) {
            super.drawFirstPassShape(g2, pass, series, item, simplifier.forDrawing(g2, shape));
        }
    }

    private static int[] draw(boolean fast, boolean draft, PlotOrientation orientation, boolean logX, boolean lines) {
        return draw(fast, draft, orientation, logX, lines, false);
    }

    /** onScreen: the screen's hints (lines simplified; a draft's tolerance in a draft), the reference simplifying afterwards */
    private static int[] draw(boolean fast, boolean draft, PlotOrientation orientation, boolean logX, boolean lines, boolean onScreen) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(logX ? new LogAxis("t") : new NumberAxis("t"));
        NumberAxis y = new NumberAxis("y");
        y.setRange(-0.8, 1.1);   // the third series leaves the plot at the top
        plot.setRangeAxis(y);
        plot.setOrientation(orientation);
        for (int layer = 0; layer < 2; layer++) {
            XYLineAndShapeRenderer r;
            if (fast) r = new PathLineRenderer();
            else if (onScreen) r = new SimplifiedAfterwards();
            else { r = new XYLineAndShapeRenderer(true, false); r.setDrawSeriesLineAsPath(true); }
            for (int s = 0; s < 3; s++) {
                r.setSeriesPaint(s, ChartStyle.color(3 * layer + s));
                r.setSeriesStroke(s, s == 1 ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{6f, 4f}, 0f)
                        : new BasicStroke(2.5f));
            }
            r.setDefaultSeriesVisible(lines);
            plot.setDataset(layer, data(layer));
            plot.setRenderer(layer, r);
        }
        JFreeChart chart = new JFreeChart("lines", plot);
        chart.setBackgroundPaint(Color.WHITE);
        if (draft) chart.getRenderingHints().put(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = onScreen ? ScreenGraphics.create(img, draft, false) : img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, W, H), new ChartRenderingInfo(null));
        g.dispose();
        return img.getRGB(0, 0, W, H, null, 0, W);
    }

    @Test
    void theLinesArePixelForPixelJFreeChartsLines() {
        for (PlotOrientation o : new PlotOrientation[]{PlotOrientation.VERTICAL, PlotOrientation.HORIZONTAL})
            for (boolean logX : new boolean[]{false, true})
                for (boolean draft : new boolean[]{false, true}) {
                    String where = o + (logX ? " log t" : " t") + (draft ? " draft" : "");
                    int[] plain = draw(false, draft, o, logX, true);
                    assertArrayEquals(plain, draw(true, draft, o, logX, true), where);
                    assertFalse(java.util.Arrays.equals(plain, draw(true, draft, o, logX, false)), where + ": the lines are drawn");
                }
    }

    /**
     * On screen the series is read in one loop and simplified from arrays: the picture is the one JFreeChart's
     * renderer draws when its finished path is simplified (as before), pixel for pixel.
     */
    @Test
    void onScreenTheWholeSeriesAtOnceIsTheSimplifiedPathsPicture() {
        for (PlotOrientation o : new PlotOrientation[]{PlotOrientation.VERTICAL, PlotOrientation.HORIZONTAL})
            for (boolean logX : new boolean[]{false, true})
                for (boolean draft : new boolean[]{false, true}) {
                    String where = "on screen, " + o + (logX ? " log t" : " t") + (draft ? " draft" : "");
                    int[] reference = draw(false, draft, o, logX, true, true);
                    assertArrayEquals(reference, draw(true, draft, o, logX, true, true), where);
                    assertFalse(java.util.Arrays.equals(reference, draw(true, draft, o, logX, false, true)), where + ": the lines are drawn");
                    assertFalse(java.util.Arrays.equals(reference, draw(false, draft, o, logX, true, false)),
                            where + ": the screen's picture is simplified (it differs from the full path's)");
                }
    }

    @Test
    void itDrawsInOnePass() {
        assertEquals(1, new PathLineRenderer().getPassCount());
        assertEquals(2, new XYLineAndShapeRenderer(true, false).getPassCount());
    }
}
