package org.dlnexplorer.chart;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Lines only, each series drawn as one path: {@link XYLineAndShapeRenderer}'s picture (the same path, point for
 * point, drawn by the same call) without its per-point look-ups. JFreeChart asks for every point of every series
 * whether the series is visible, its line visible, where the axes are and how the plot is oriented (hash-map
 * look-ups, ~20% of a line chart's paint), and visits every point a second time for shapes, item labels and the
 * crosshair. Here those answers are taken once per series, and the second visit is left out: this renderer never
 * draws shapes or item labels, and the views show no crosshair. On screen ({@link PathSimplifier#HINT}) the path
 * is drawn simplified (its invisible vertices left out), and it is built in one array of the series' length
 * instead of one grown point by point.
 */
class PathLineRenderer extends XYLineAndShapeRenderer {
    /** per series pass: whether its line is drawn, whether it was drawn whole at its first item, the axes' edges, the orientation */
    private transient boolean drawn, whole, horizontal;
    private transient RectangleEdge xEdge, yEdge;
    /**
     * The whole-series drawing's working memory, one per painting thread: the charts make new renderers for
     * each picture, and per renderer these arrays and the simplifier's were allocated anew for every picture.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final PathSimplifier simplifier = new PathSimplifier();
        final Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, 256);
        double[] xs = new double[0], ys = new double[0];
    }

    PathLineRenderer() {
        super(true, false);
        setDrawSeriesLineAsPath(true);
    }

    /** the lines only: the second pass (shapes, item labels, crosshair) draws nothing here */
    @Override
    public int getPassCount() {
        return getDefaultShapesVisible() || getDefaultItemLabelsVisible() ? super.getPassCount() : 1;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
                         ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (pass != 0 || getPassCount() != 1 || !getDrawSeriesLineAsPath()) {
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
            return;
        }
        if (item == state.getFirstItemIndex()) {   // a new series pass: what JFreeChart asks per point, once
            drawn = getItemVisible(series, item) && getItemLineVisible(series, item);
            xEdge = plot.getDomainAxisEdge();
            yEdge = plot.getRangeAxisEdge();
            horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
            whole = drawn && PathSimplifier.wanted(g2);
            if (whole) drawWhole(g2, (State) state, dataArea, domainAxis, rangeAxis, dataset, series, item, pass);
        }
        if (!drawn || whole) return;
        // as XYLineAndShapeRenderer.drawPrimaryLineAsPath: the point in float device coordinates, a gap at NaN
        State s = (State) state;
        double tx = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, xEdge);
        double ty = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, yEdge);
        if (!Double.isNaN(tx) && !Double.isNaN(ty)) {
            float x = (float) tx, y = (float) ty;
            if (horizontal) { x = (float) ty; y = (float) tx; }
            if (s.isLastPointGood()) s.seriesPath.lineTo(x, y);
            else s.seriesPath.moveTo(x, y);
            s.setLastPointGood(true);
        } else {
            s.setLastPointGood(false);
        }
        if (item == s.getLastItemIndex()) drawFirstPassShape(g2, pass, series, item, s.seriesPath);
    }

    /**
     * On screen, the whole series at its first item: its points in one loop into two arrays (the same float
     * device coordinates as point by point), simplified from the arrays without building the full path, drawn
     * once; JFreeChart's calls for the other items then return at once.
     */
    private void drawWhole(Graphics2D g2, State s, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                           XYDataset dataset, int series, int first, int pass) {
        int last = s.getLastItemIndex(), n = last - first + 1;
        Scratch w = SCRATCH.get();
        if (w.xs.length < n) { w.xs = new double[n]; w.ys = new double[n]; }
        double[] xs = w.xs, ys = w.ys;
        AxisMap xMap = AxisMap.of(domainAxis, dataArea, xEdge), yMap = AxisMap.of(rangeAxis, dataArea, yEdge);
        for (int i = 0; i < n; i++) {
            double tx = xMap.toJava2D(dataset.getXValue(series, first + i));
            double ty = yMap.toJava2D(dataset.getYValue(series, first + i));
            if (Double.isNaN(tx) || Double.isNaN(ty)) {
                xs[i] = Double.NaN;
                ys[i] = Double.NaN;
            } else {
                float x = (float) tx, y = (float) ty;
                xs[i] = horizontal ? y : x;
                ys[i] = horizontal ? x : y;
            }
        }
        // drawn at once and not kept: the thread's path is refilled for the next series
        Shape path = w.simplifier.simplifyPolyline(xs, ys, Math.max(n, 0), PathSimplifier.deviceTransform(g2),
                PathSimplifier.tolerance(g2), w.path);
        super.drawFirstPassShape(g2, pass, series, last, path);
    }

    /**
     * The state JFreeChart makes, with the series path sized for the longest series (no growing copies) where
     * the series are built point by point; on screen they are drawn whole from the thread's arrays and the
     * path is not used.
     */
    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data, PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, data, info);
        if (state instanceof State s && data != null && !PathSimplifier.wanted(g2)) {
            int longest = 0;
            for (int i = 0; i < data.getSeriesCount(); i++) longest = Math.max(longest, data.getItemCount(i));
            s.seriesPath = new GeneralPath(Path2D.WIND_NON_ZERO, Math.max(longest, 2));
        }
        return state;
    }

    /** the series' path, simplified on screen */
    @Override
    protected void drawFirstPassShape(Graphics2D g2, int pass, int series, int item, Shape shape) {
        super.drawFirstPassShape(g2, pass, series, item, SCRATCH.get().simplifier.forDrawing(g2, shape));
    }

    @Override
    public boolean equals(Object o) { return super.equals(o) && o instanceof PathLineRenderer; }

    @Override
    public int hashCode() { return super.hashCode(); }
}
