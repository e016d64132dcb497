package org.dlnexplorer.chart;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;

/**
 * A text label at a point of the plot (β*, a plateau's index) that keeps off the drawn curves and the labels
 * already placed: it tries its own anchor first, then the other sides of its point, and takes the first
 * place that is free (in a {@link LevelLabelPlot}; elsewhere it is an ordinary text annotation).
 */
final class PlacedTextAnnotation extends XYTextAnnotation {
    /** the sides of the point tried after the label's own anchor, in order */
    private static final TextAnchor[] SIDES = {TextAnchor.BOTTOM_LEFT, TextAnchor.TOP_LEFT, TextAnchor.BOTTOM_RIGHT,
            TextAnchor.TOP_RIGHT, TextAnchor.CENTER_LEFT, TextAnchor.CENTER_RIGHT, TextAnchor.BOTTOM_CENTER,
            TextAnchor.TOP_CENTER};

    /** how far from its point the label may move, px: on the point first, then off it */
    private static final double[] GAPS = {0, 4, 12, 24, 40, 64, 96, 136, 184};
    /** a label moved this far or more is tied to its point by a thin leader line */
    static final double LEADER_GAP = 64;
    /** the leader's width, px: a hairline, not a curve */
    static final float LEADER_WIDTH = 0.8f;

    PlacedTextAnnotation(String text, double x, double y) {
        super(text, x, y);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (!(plot instanceof LevelLabelPlot lp)) {
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
            return;
        }
        float px = (float) domainAxis.valueToJava2D(getX(), dataArea, plot.getDomainAxisEdge());
        float py = (float) rangeAxis.valueToJava2D(getY(), dataArea, plot.getRangeAxisEdge());
        g2.setFont(getFont());
        TextAnchor own = getTextAnchor(), chosen = null;
        Rectangle2D chosenBox = null;
        float cx = px, cy = py;
        double used = 0;
        for (double gap : GAPS) {
            for (int i = -1; i < SIDES.length && chosen == null; i++) {
                TextAnchor a = i < 0 ? own : SIDES[i];
                // the text's anchor moved off the point by gap px, away from the text (a curve through the point)
                float ax = px + (float) (gap * textDx(a)), ay = py + (float) (gap * textDy(a));
                Rectangle2D box = bounds(g2, ax, ay, a);
                if (box != null && dataArea.contains(box) && lp.free(box)) {
                    chosen = a;
                    chosenBox = box;
                    cx = ax;
                    cy = ay;
                }
            }
            if (chosen != null) { used = gap; break; }
        }
        if (chosen == null) {   // nowhere free: its own place (the label-over-curve test reports it)
            chosen = own;
            chosenBox = bounds(g2, px, py, own);
        }
        if (chosenBox != null) lp.take(chosenBox);
        if (used >= LEADER_GAP && chosenBox != null) leader(g2, px, py, chosenBox);
        boolean notify = getNotify();
        setNotify(false);   // a placement for this drawing, not a change of the chart
        double x = getX(), y = getY();
        try {
            setTextAnchor(chosen);
            setX(domainAxis.java2DToValue(cx, dataArea, plot.getDomainAxisEdge()));
            setY(rangeAxis.java2DToValue(cy, dataArea, plot.getRangeAxisEdge()));
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
        } finally {
            setTextAnchor(own);
            setX(x);
            setY(y);
            setNotify(notify);
        }
    }

    /** a hairline from the point to the nearest point of the label's box */
    private void leader(Graphics2D g2, float px, float py, Rectangle2D box) {
        double qx = Math.max(box.getMinX(), Math.min(box.getMaxX(), px));
        double qy = Math.max(box.getMinY(), Math.min(box.getMaxY(), py));
        java.awt.Stroke old = g2.getStroke();
        java.awt.Paint oldPaint = g2.getPaint();
        g2.setStroke(new java.awt.BasicStroke(LEADER_WIDTH));
        g2.setPaint(ChartStyle.MUTED);
        g2.draw(new java.awt.geom.Line2D.Double(px, py, qx, qy));
        g2.setStroke(old);
        g2.setPaint(oldPaint);
    }

    /** +1 when the text runs right of its anchor point (anchored at its left), −1 left, 0 centred */
    private static int textDx(TextAnchor a) {
        return a.isLeft() ? 1 : a.isRight() ? -1 : 0;
    }

    /** −1 when the text lies above its anchor point (anchored at its bottom or baseline), +1 below, 0 centred */
    private static int textDy(TextAnchor a) {
        return a.isBottom() || a.isBaseline() ? -1 : a.isTop() ? 1 : 0;
    }

    private Rectangle2D bounds(Graphics2D g2, float px, float py, TextAnchor anchor) {
        Shape s = TextUtils.calculateRotatedStringBounds(getText(), g2, px, py, anchor, getRotationAngle(),
                getRotationAnchor());
        return s == null ? null : s.getBounds2D();
    }
}
