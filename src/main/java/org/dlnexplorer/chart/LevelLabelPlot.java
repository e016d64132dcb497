package org.dlnexplorer.chart;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An XY plot whose labels stay readable: the reference levels (dotted lines with a label: targets s_k, plateaus
 * ℒ_r, 2/η, S_min) are drawn behind the curves and their labels in front (on a white box), each label at the
 * first place along its line that covers no drawn curve and no other label: its preferred end, the other end,
 * below the line, then places in between; a label with no free place is left out (the legend still names the
 * level). {@link PlacedTextAnnotation}s use the same free-place test. AWT only.
 */
final class LevelLabelPlot extends XYPlot {
    /** empty space kept between two labels, px */
    static final double LABEL_GAP = 2;
    /** a curve passing closer than this to a label's box counts as under it, px */
    static final double CURVE_CLEARANCE = 1.5;
    /** series drawn thinner than this (px) are background (contours), not curves a label must keep off */
    static final float CURVE_MIN_WIDTH = 1.5f;
    /** where along its line a level label may sit (fractions of the plot width), after its two ends */
    private static final double[] INNER = {0.75, 0.25, 0.5, 0.875, 0.125, 0.625, 0.375};

    private record Label(String text, Font font, Paint paint, Rectangle2D box) {}

    /** the labels placed in the last background pass, drawn in the foreground pass */
    private final transient List<Label> placed = new ArrayList<>();
    /** the series of this key are background: labels may cover them (loss contours) */
    void background(String key) { background.add(key); }

    /** the boxes of every label placed in this drawing (levels and point labels) */
    private final transient List<Rectangle2D> taken = new ArrayList<>();
    /**
     * The drawn curves of this drawing as segments in Java2D space, {@link #SEGMENT} numbers each: the two ends and
     * how far the stroke reaches past the line (half a thick band's width); computed when first needed, in one
     * array kept from drawing to drawing (a picture has thousands of segments: one object each was a tenth of
     * the app's garbage while a slider was dragged).
     */
    private transient double[] segments = new double[0];
    /** the number of segments in {@link #segments} for this drawing, or −1 before they are computed */
    private transient int segmentCount = -1;
    private static final int SEGMENT = 5;
    private transient Rectangle2D curvesArea;
    /** the keys of series that are background (labels may cover them, as they cover the grid) */
    private final java.util.Set<String> background = new java.util.HashSet<>();

    LevelLabelPlot(ValueAxis x, ValueAxis y) {
        super(null, x, y, null);
    }

    @Override
    protected void drawRangeMarkers(Graphics2D g2, Rectangle2D dataArea, int index, Layer layer) {
        XYItemRenderer r = getRenderer(index);
        if (r == null) return;
        if (layer == Layer.FOREGROUND) {
            super.drawRangeMarkers(g2, dataArea, index, layer);
            if (index == 0) for (Label l : placed) draw(g2, l);
            return;
        }
        if (index == 0) {   // a new drawing: nothing placed yet, the curves where they are now
            placed.clear();
            taken.clear();
            segmentCount = -1;
            curvesArea = dataArea;
        }
        Collection<?> markers = getRangeMarkers(index, Layer.BACKGROUND);
        if (markers == null) return;
        for (Object o : markers) {
            Marker m = (Marker) o;
            String label = m.getLabel();
            m.setLabel(null);   // the line alone behind the curves
            try {
                r.drawRangeMarker(g2, this, getRangeAxis(), m, dataArea);
            } finally {
                m.setLabel(label);
            }
            if (label == null || !(m instanceof ValueMarker vm) || index != 0) continue;
            double y = getRangeAxis().valueToJava2D(vm.getValue(), dataArea, getRangeAxisEdge());
            if (!(y >= dataArea.getMinY() - 1 && y <= dataArea.getMaxY() + 1)) continue;
            FontMetrics fm = g2.getFontMetrics(m.getLabelFont());
            double w = fm.stringWidth(label) + 6, h = fm.getAscent() + fm.getDescent() + LABEL_GAP;
            Rectangle2D box = place(dataArea, y, w, h, m.getLabelAnchor() == RectangleAnchor.TOP_LEFT);
            if (box == null) continue;   // no free place: the legend names it
            taken.add(box);
            placed.add(new Label(label, m.getLabelFont(), m.getLabelPaint(), box));
        }
    }

    /** the first free box of w × h along the level at y: above the line, or below it; null when none is free */
    private Rectangle2D place(Rectangle2D area, double y, double w, double h, boolean wantsLeft) {
        List<Double> xs = new ArrayList<>();
        double left = area.getMinX(), right = area.getMaxX() - w;
        xs.add(wantsLeft ? left : right);
        xs.add(wantsLeft ? right : left);
        for (double f : INNER) xs.add(area.getMinX() + f * (area.getWidth() - w));
        // above its line first (below when above would leave the plot), then the other side
        boolean aboveFits = y - h >= area.getMinY(), belowFits = y + h <= area.getMaxY();
        for (int side = 0; side < 2; side++) {
            boolean above = side == 0 ? aboveFits : !aboveFits;
            if (above ? !aboveFits : !belowFits) continue;
            for (double x : xs) {
                Rectangle2D box = new Rectangle2D.Double(x, above ? y - h : y, w, h);
                if (free(box)) return box;
            }
        }
        return null;
    }

    private static void draw(Graphics2D g2, Label l) {
        g2.setFont(l.font());
        FontMetrics fm = g2.getFontMetrics();
        Rectangle2D b = l.box();
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(b.getX(), b.getY(), b.getWidth(), b.getHeight() - LABEL_GAP));
        g2.setPaint(l.paint());
        g2.drawString(l.text(), (float) (b.getX() + 3), (float) (b.getY() + fm.getAscent()));
    }

    /** whether a label's box covers no drawn curve and no label placed before it in this drawing */
    boolean free(Rectangle2D box) {
        for (Rectangle2D o : taken) if (o.intersects(box)) return false;
        int n = curves();
        double[] seg = segments;
        Rectangle2D.Double grown = new Rectangle2D.Double();
        for (int i = 0; i < n; i++) {
            int k = SEGMENT * i;
            double g = CURVE_CLEARANCE + seg[k + 4];
            grown.setRect(box.getX() - g, box.getY() - g, box.getWidth() + 2 * g, box.getHeight() + 2 * g);
            if (grown.intersectsLine(seg[k], seg[k + 1], seg[k + 2], seg[k + 3])) return false;
        }
        return true;
    }

    /** the boxes of every label placed in the last drawing (levels and point labels), in its pixels */
    List<Rectangle2D> labelBoxes() { return List.copyOf(taken); }

    /** a label placed at this box in this drawing: later labels keep off it */
    void take(Rectangle2D box) {
        taken.add(box);
    }

    /** every visible series' polyline in Java2D space (gaps at non-finite points) */
    private int curves() {
        if (segmentCount >= 0) return segmentCount;
        segmentCount = 0;
        Rectangle2D area = curvesArea;
        if (area == null) return 0;
        for (int d = 0; d < getDatasetCount(); d++) {
            XYDataset ds = getDataset(d);
            XYItemRenderer r = getRenderer(d);
            if (ds == null || r == null) continue;
            ValueAxis xa = getDomainAxisForDataset(d), ya = getRangeAxisForDataset(d);
            AxisMap xMap = AxisMap.of(xa, area, getDomainAxisEdge()), yMap = AxisMap.of(ya, area, getRangeAxisEdge());
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                if (!r.isSeriesVisible(s)) continue;
                if (r instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer lr && !lr.getItemLineVisible(s, 0))
                    continue;   // markers only: no line to keep off
                if (r.getItemStroke(s, 0) instanceof java.awt.BasicStroke b && b.getLineWidth() < CURVE_MIN_WIDTH)
                    continue;   // hairlines (loss contours) are background, like the grid
                if (background.contains(String.valueOf(ds.getSeriesKey(s))))
                    continue;   // series drawn as background (loss contours, at any width)
                double px = Double.NaN, py = Double.NaN;
                for (int i = 0, items = ds.getItemCount(s); i < items; i++) {
                    double x = ds.getXValue(s, i), y = ds.getYValue(s, i);
                    double jx = Double.isFinite(x) ? xMap.toJava2D(x) : Double.NaN;
                    double jy = Double.isFinite(y) ? yMap.toJava2D(y) : Double.NaN;
                    if (Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(jx) && Double.isFinite(jy))
                        addSegment(px, py, jx, jy, 0);
                    px = jx;
                    py = jy;
                }
            }
        }
        // curves drawn as line annotations (the implicit-bias locus band) are curves too
        ValueAxis xa = getDomainAxis(), ya = getRangeAxis();
        for (Object o : getAnnotations()) {
            if (!(o instanceof org.jfree.chart.annotations.XYLineAnnotation a)) continue;
            if (!(a.getStroke() instanceof java.awt.BasicStroke b) || b.getLineWidth() < CURVE_MIN_WIDTH) continue;
            double x1 = xa.valueToJava2D(a.getX1(), area, getDomainAxisEdge()), y1 = ya.valueToJava2D(a.getY1(), area, getRangeAxisEdge());
            double x2 = xa.valueToJava2D(a.getX2(), area, getDomainAxisEdge()), y2 = ya.valueToJava2D(a.getY2(), area, getRangeAxisEdge());
            if (!(Double.isFinite(x1) && Double.isFinite(y1) && Double.isFinite(x2) && Double.isFinite(y2))) continue;
            // a thick band reaches half its width past its centre line
            addSegment(x1, y1, x2, y2, b.getLineWidth() / 2);
        }
        return segmentCount;
    }

    private void addSegment(double x1, double y1, double x2, double y2, double reach) {
        int k = SEGMENT * segmentCount;
        if (k + SEGMENT > segments.length) segments = java.util.Arrays.copyOf(segments, Math.max(SEGMENT * 256, 2 * segments.length));
        segments[k] = x1;
        segments[k + 1] = y1;
        segments[k + 2] = x2;
        segments[k + 3] = y2;
        segments[k + 4] = reach;
        segmentCount++;
    }

    @Override
    public boolean equals(Object o) { return super.equals(o) && o instanceof LevelLabelPlot; }

    @Override
    public int hashCode() { return super.hashCode(); }
}
