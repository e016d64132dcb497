package org.dlnexplorer.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places short labels (an axis name at its arrow's end) where they cover no drawn curve and no other label: the
 * curves are kept as screen-space shapes with the half-width of their strokes, and each label tries places around
 * its anchor, along its direction first, then turning away from it, at growing distances, inside the plot.
 */
final class ClearLabel {
    /** distances from the anchor to the label's centre, in text heights */
    static final double[] DISTANCES = {0.9, 1.4, 2.0, 2.8, 3.8};
    /** turns away from the anchor's direction (degrees), nearest first */
    static final double[] TURNS = {0, 35, -35, 70, -70, 110, -110, 150, -150, 180};
    /** flattening of curved segments when testing them (px) */
    static final double FLATNESS = 0.5;

    private record Curve(Shape shape, double halfWidth) {}

    private final List<Curve> curves = new ArrayList<>();
    private final List<Rectangle2D> taken = new ArrayList<>();

    /** a drawn curve (stroke width w) labels keep off */
    void curve(Shape s, double width) { curves.add(new Curve(s, width / 2 + 1)); }

    /** an area labels keep off (a marker, a label drawn elsewhere) */
    void box(Rectangle2D r) { taken.add(r); }

    /**
     * Draws name near anchor, first along the direction from base to anchor; the first place whose box is clear
     * wins, else the first place along the direction (the label is still drawn: a name is never dropped).
     */
    Rectangle2D draw(Graphics2D g, String name, double[] anchor, double[] base, Rectangle2D plot) {
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(name), h = fm.getAscent() + fm.getDescent();
        double dx = anchor[0] - base[0], dy = anchor[1] - base[1], n = Math.hypot(dx, dy);
        if (n == 0) { dx = 1; dy = 0; n = 1; }
        double ux = dx / n, uy = dy / n;
        Rectangle2D first = null;
        for (double r : DISTANCES) {
            for (double turn : TURNS) {
                double a = Math.toRadians(turn), c = Math.cos(a), s = Math.sin(a);
                double vx = ux * c - uy * s, vy = ux * s + uy * c;
                Rectangle2D box = inside(anchor[0] + r * fm.getHeight() * vx - w / 2,
                        anchor[1] + r * fm.getHeight() * vy - h / 2, w, h, plot);
                if (first == null) first = box;
                if (clear(box)) return drawAt(g, name, box, fm);
            }
        }
        return drawAt(g, name, first, fm);
    }

    private Rectangle2D drawAt(Graphics2D g, String name, Rectangle2D box, FontMetrics fm) {
        g.drawString(name, (float) box.getX(), (float) (box.getY() + fm.getAscent()));
        taken.add(box);
        return box;
    }

    /** the box moved inside the plot (4 px margin) */
    static Rectangle2D inside(double x, double y, double w, double h, Rectangle2D plot) {
        x = Math.max(plot.getX() + 4, Math.min(plot.getMaxX() - w - 4, x));
        y = Math.max(plot.getY() + 2, Math.min(plot.getMaxY() - h - 4, y));
        return new Rectangle2D.Double(x, y, w, h);
    }

    /** no curve within its half-width of the box, and no taken box overlapping it */
    boolean clear(Rectangle2D box) {
        for (Rectangle2D t : taken) if (t.intersects(box)) return false;
        for (Curve c : curves) {
            Rectangle2D grown = new Rectangle2D.Double(box.getX() - c.halfWidth(), box.getY() - c.halfWidth(),
                    box.getWidth() + 2 * c.halfWidth(), box.getHeight() + 2 * c.halfWidth());
            if (crosses(c.shape(), grown)) return false;
        }
        return true;
    }

    /** some segment of the shape's outline passes through r */
    static boolean crosses(Shape s, Rectangle2D r) {
        // a quick reject on the bounds, grown so that a horizontal or vertical line's (empty) bounds count
        Rectangle2D b = s.getBounds2D();
        if (!new Rectangle2D.Double(b.getX() - 1, b.getY() - 1, b.getWidth() + 2, b.getHeight() + 2).intersects(r)) return false;
        double[] p = new double[6];
        double x0 = 0, y0 = 0, mx = 0, my = 0;
        for (PathIterator it = s.getPathIterator(null, FLATNESS); !it.isDone(); it.next()) {
            switch (it.currentSegment(p)) {
                case PathIterator.SEG_MOVETO -> { x0 = mx = p[0]; y0 = my = p[1]; }
                case PathIterator.SEG_LINETO -> {
                    if (r.intersectsLine(x0, y0, p[0], p[1])) return true;
                    x0 = p[0];
                    y0 = p[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    if (r.intersectsLine(x0, y0, mx, my)) return true;
                    x0 = mx;
                    y0 = my;
                }
                default -> { }
            }
        }
        return false;
    }
}
