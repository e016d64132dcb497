package org.dlnexplorer.chart;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An XY plot whose reference levels (dotted lines with a label: targets s_k, plateaus ℒ_r, 2/η, S_min) keep
 * their labels readable: the lines are drawn behind the curves, the labels in front of them (on a white
 * box), and labels that would overlap one another go to the other end of their line, or are left out when
 * both ends are taken (the legend still names the levels). AWT only.
 */
final class LevelLabelPlot extends XYPlot {
    /** empty space kept between two labels, px */
    static final double LABEL_GAP = 2;
    private static final Color NO_LINE = new Color(0, 0, 0, 0);

    /** the labels placed in the last background pass, drawn in the foreground pass */
    private final transient List<ValueMarker> placed = new ArrayList<>();

    LevelLabelPlot(ValueAxis x, ValueAxis y) {
        super(null, x, y, null);
    }

    @Override
    protected void drawRangeMarkers(Graphics2D g2, Rectangle2D dataArea, int index, Layer layer) {
        XYItemRenderer r = getRenderer(index);
        if (r == null) return;
        if (layer == Layer.FOREGROUND) {
            super.drawRangeMarkers(g2, dataArea, index, layer);
            if (index == 0) for (ValueMarker label : placed) r.drawRangeMarker(g2, this, getRangeAxis(), label, dataArea);
            return;
        }
        Collection<?> markers = getRangeMarkers(index, Layer.BACKGROUND);
        if (markers == null) return;
        if (index == 0) placed.clear();
        List<Rectangle2D> right = new ArrayList<>(), left = new ArrayList<>();
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
            boolean wantsLeft = m.getLabelAnchor() == RectangleAnchor.TOP_LEFT;
            // above its line, or below it when above would leave the plot (a level at the top of the axis)
            boolean below = y - h < dataArea.getMinY();
            double top = below ? y : y - h;
            Rectangle2D atRight = new Rectangle2D.Double(dataArea.getMaxX() - w, top, w, h);
            Rectangle2D atLeft = new Rectangle2D.Double(dataArea.getMinX(), top, w, h);
            Boolean useLeft = null;
            if (free(wantsLeft ? atLeft : atRight, left, right)) useLeft = wantsLeft;
            else if (free(wantsLeft ? atRight : atLeft, left, right)) useLeft = !wantsLeft;
            if (useLeft == null) continue;   // both ends taken: the legend names it
            (useLeft ? left : right).add(useLeft ? atLeft : atRight);
            ValueMarker text = new ValueMarker(vm.getValue(), NO_LINE, vm.getStroke());
            text.setLabel(label);
            text.setLabelFont(m.getLabelFont());
            text.setLabelPaint(m.getLabelPaint());
            text.setLabelBackgroundColor(Color.WHITE);
            text.setLabelAnchor(useLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            text.setLabelTextAnchor(below ? (useLeft ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT)
                    : (useLeft ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT));
            placed.add(text);
        }
    }

    private static boolean free(Rectangle2D box, List<Rectangle2D> left, List<Rectangle2D> right) {
        for (Rectangle2D o : left) if (o.intersects(box)) return false;
        for (Rectangle2D o : right) if (o.intersects(box)) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) { return super.equals(o) && o instanceof LevelLabelPlot; }

    @Override
    public int hashCode() { return super.hashCode(); }
}
