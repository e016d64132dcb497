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

    /**
     * A curve as its flattened segments (x0, y0, x1, y1 in a row), its bounds and its half stroke width: a
     * label tries up to 50 places, so the shape is flattened once, not once per place.
     */
    private record Curve(double[] segments, int count, Rectangle2D bounds, double halfWidth) {
        /** the segments being collected, one array per painting thread (grown as needed, kept) */
        private static final ThreadLocal<double[][]> COLLECTING = ThreadLocal.withInitial(() -> new double[][] {new double[256]});

        static Curve of(Shape s, double halfWidth) {
            double[][] holder = COLLECTING.get();
            double[] seg = holder[0];
            int n = 0;
            double[] p = new double[6];
            double x0 = 0, y0 = 0, mx = 0, my = 0;
            for (PathIterator it = s.getPathIterator(null, FLATNESS); !it.isDone(); it.next()) {
                int type = it.currentSegment(p);
                if (type == PathIterator.SEG_MOVETO) { x0 = mx = p[0]; y0 = my = p[1]; continue; }
                double x1 = type == PathIterator.SEG_CLOSE ? mx : p[0], y1 = type == PathIterator.SEG_CLOSE ? my : p[1];
                if (4 * n + 4 > seg.length) seg = java.util.Arrays.copyOf(seg, 2 * seg.length);
                seg[4 * n] = x0; seg[4 * n + 1] = y0; seg[4 * n + 2] = x1; seg[4 * n + 3] = y1;
                n++;
                x0 = x1;
                y0 = y1;
            }
            holder[0] = seg;
            return new Curve(java.util.Arrays.copyOf(seg, 4 * n), n, s.getBounds2D(), halfWidth);
        }

        /** some segment passes through r: a quick reject on the (grown) bounds, then segment by segment */
        boolean crosses(Rectangle2D r) {
            Rectangle2D b = bounds;
            // grown, so that a horizontal or vertical line's (empty) bounds count
            if (!new Rectangle2D.Double(b.getX() - 1, b.getY() - 1, b.getWidth() + 2, b.getHeight() + 2).intersects(r)) return false;
            double rx0 = r.getMinX(), ry0 = r.getMinY(), rx1 = r.getMaxX(), ry1 = r.getMaxY();
            for (int i = 0; i < count; i++) {
                double x0 = segments[4 * i], y0 = segments[4 * i + 1], x1 = segments[4 * i + 2], y1 = segments[4 * i + 3];
                // both ends beyond one side of r: the segment misses it
                if ((x0 < rx0 && x1 < rx0) || (x0 > rx1 && x1 > rx1) || (y0 < ry0 && y1 < ry0) || (y0 > ry1 && y1 > ry1)) continue;
                if (r.intersectsLine(x0, y0, x1, y1)) return true;
            }
            return false;
        }
    }

    private final List<Curve> curves = new ArrayList<>();
    private final List<Rectangle2D> taken = new ArrayList<>();

    /** a drawn curve (stroke width w) labels keep off */
    void curve(Shape s, double width) { curves.add(Curve.of(s, width / 2 + 1)); }

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
            if (c.crosses(grown)) return false;
        }
        return true;
    }

    /** some segment of the shape's outline passes through r */
    static boolean crosses(Shape s, Rectangle2D r) {
        return Curve.of(s, 0).crosses(r);
    }
}
