package org.dlnexplorer.chart;

import org.dlnexplorer.model.sweep.CellResult;
import org.dlnexplorer.model.sweep.SweepResult;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * The phase diagram's grid ({@link PhaseDiagramChart}): draws each cell as a block spanning its own edges (so log-spaced cells have log widths), coloured by
 * value, or as its category. One dataset item per grid cell (pending ones included) with z = value.
 */
final class PhaseGridRenderer extends XYBlockRenderer {
    /** spacing of the diagonal hatch on diverged cells, px */
    private static final double HATCH_SPACING = 6.0;

    /** Java2D rectangle of cell (ix, iy) between its edges on both axes */
    static Rectangle2D cellRect(double[] ex, double[] ey, int ix, int iy, Rectangle2D area, ValueAxis xAxis,
                                ValueAxis yAxis, RectangleEdge xEdge, RectangleEdge yEdge) {
        double x0 = xAxis.valueToJava2D(ex[ix], area, xEdge), x1 = xAxis.valueToJava2D(ex[ix + 1], area, xEdge);
        double y0 = yAxis.valueToJava2D(ey[iy], area, yEdge), y1 = yAxis.valueToJava2D(ey[iy + 1], area, yEdge);
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    private final transient SweepResult result;
    private final transient PhaseDiagramStyle style;
    private final double[] range;
    private final int[] cellIx;
    private final int[] cellIy;
    private final double[] edgesX;
    private final double[] edgesY;
    private final DefaultXYZDataset dataset = new DefaultXYZDataset();

    PhaseGridRenderer(SweepResult r, PhaseDiagramStyle style, double[] range) {
        this.result = r;
        this.style = style;
        this.range = range.clone();
        this.edgesX = r.x().edges();
        this.edgesY = r.y().edges();
        int nx = r.x().n(), ny = r.y().n(), n = nx * ny;
        double[][] xyz = new double[3][n];
        cellIx = new int[n];
        cellIy = new int[n];
        int k = 0;
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++) {
                CellResult c = r.get(ix, iy);
                xyz[0][k] = r.x().value(ix);
                xyz[1][k] = r.y().value(iy);
                xyz[2][k] = c == null ? Double.NaN : c.metric(style.metric());
                cellIx[k] = ix;
                cellIy[k] = iy;
                k++;
            }
        dataset.addSeries("cells", xyz);
        setPaintScale(new Viridis(range[0], range[1]));
        setDefaultCreateEntities(false);
    }

    XYDataset dataset() { return dataset; }

    @Override
    public Range findDomainBounds(XYDataset d) {
        double[] e = result.x().edges();
        return new Range(Math.min(e[0], e[e.length - 1]), Math.max(e[0], e[e.length - 1]));
    }

    @Override
    public Range findRangeBounds(XYDataset d) {
        double[] e = result.y().edges();
        return new Range(Math.min(e[0], e[e.length - 1]), Math.max(e[0], e[e.length - 1]));
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset d, int series, int item,
                         CrosshairState crosshairState, int pass) {
        int ix = cellIx[item], iy = cellIy[item];
        CellResult c = result.get(ix, iy);
        Rectangle2D rect = cellRect(edgesX, edgesY, ix, iy, dataArea, domainAxis, rangeAxis,
                plot.getDomainAxisEdge(), plot.getRangeAxisEdge());
        // blocks are filled without anti-aliasing and grown by half a pixel: no seams between neighbours
        Rectangle2D block = new Rectangle2D.Double(rect.getX() - 0.5, rect.getY() - 0.5,
                rect.getWidth() + 1, rect.getHeight() + 1);
        if (c == null) return; // pending: the plot background shows through
        Object aa = g2.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
        try {
            fillCell(g2, c, rect, block);
        } finally {
            if (aa != null) g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
        }
    }

    private void fillCell(Graphics2D g2, CellResult c, Rectangle2D rect, Rectangle2D block) {
        int rgb = style.rgb(c, range);
        if (rgb >= 0) {
            g2.setPaint(new Color(rgb));
            g2.fill(block);
        } else if (c.diverged()) {
            g2.setPaint(new Color(PhaseDiagramStyle.DIVERGED_RGB));
            g2.fill(block);
            hatch(g2, rect, new Color(PhaseDiagramStyle.HATCH_RGB), true);
        } else if (style.unfitted(c)) {
            g2.setPaint(new Color(PhaseDiagramStyle.UNFITTED_RGB));
            g2.fill(block);
            hatch(g2, rect, new Color(PhaseDiagramStyle.UNFITTED_HATCH_RGB), false);
        } else if (c.failed()) {
            g2.setPaint(new Color(PhaseDiagramStyle.FAILED_RGB));
            g2.fill(block);
        } else {
            g2.setPaint(new Color(PhaseDiagramStyle.NO_VALUE_RGB));
            g2.fill(block);
        }
    }

    /** diagonal lines over r: slope −1 on screen (down) or +1 (up) */
    private static void hatch(Graphics2D g2, Rectangle2D r, Color colour, boolean down) {
        Shape oldClip = g2.getClip();
        Stroke oldStroke = g2.getStroke();
        g2.clip(r);
        g2.setPaint(colour);
        g2.setStroke(new BasicStroke(1f));
        double x0 = r.getMinX(), y1 = r.getMaxY(), w = r.getWidth(), h = r.getHeight();
        if (!down) {   // slope +1: lines x − y = const, anchored to the same lattice
            double s0 = Math.floor((x0 - y1) / HATCH_SPACING) * HATCH_SPACING;
            for (double s = s0; s <= r.getMaxX() - r.getMinY(); s += HATCH_SPACING)
                g2.draw(new Line2D.Double(s + r.getMinY() - 1, r.getMinY() - 1, s + y1 + 1, y1 + 1));
            g2.setClip(oldClip);
            g2.setStroke(oldStroke);
            return;
        }
        // lines of slope −1 in screen space, anchored to a global lattice so neighbours line up
        double start = Math.floor((x0 + r.getMinY()) / HATCH_SPACING) * HATCH_SPACING;
        for (double s = start; s <= x0 + w + y1 + h; s += HATCH_SPACING)
            g2.draw(new Line2D.Double(s - r.getMinY() + 1, r.getMinY() - 1, s - y1 - 1, y1 + 1));
        g2.setClip(oldClip);
        g2.setStroke(oldStroke);
    }
}
