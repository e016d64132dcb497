package org.dlnexplorer.chart;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.Arrays;

/**
 * Drops the vertices of a polyline that the eye cannot see: Douglas–Peucker in device pixels, so every
 * vertex left out lies within {@link #TOLERANCE_PX} of the simplified line as it is drawn. A trajectory
 * sampled at 400 frames across a 400-pixel-wide chart is mostly smooth, and the antialiased stroker's cost
 * grows with the number of segments (round joins, dashes), so this roughly halves a line chart's paint.
 * Only straight segments are simplified; curves and closed subpaths are copied as they are. Subpath
 * breaks (a move-to after a NaN gap) are kept. Not thread-safe per instance: one per painting thread.
 */
public final class PathSimplifier {
    /** the most a dropped vertex may lie off the drawn line, in device pixels (a quarter pixel: invisible) */
    public static final double TOLERANCE_PX = 0.25;

    /**
     * Rendering hint that asks the charts to simplify their lines ({@link #ON}); absent (the default, and
     * in every export): lines are drawn through every sample, so vector exports stay exact when zoomed.
     */
    public static final java.awt.RenderingHints.Key HINT = new java.awt.RenderingHints.Key(0x0d1e) {
        @Override
        public boolean isCompatibleValue(Object v) { return v == ON || v == null; }
    };
    public static final Object ON = "simplify lines to " + TOLERANCE_PX + " px";

    /** true when g asks for simplified lines */
    public static boolean wanted(java.awt.Graphics2D g) { return g.getRenderingHint(HINT) == ON; }

    /**
     * What to draw into g: the shape simplified to {@link #TOLERANCE_PX} when g asks for it ({@link Draft#TOLERANCE_PX}
     * in a draft), else the shape itself.
     */
    public Shape forDrawing(java.awt.Graphics2D g, Shape shape) {
        return wanted(g) ? simplify(shape, deviceTransform(g), tolerance(g)) : shape;
    }

    /** the tolerance g asks for: {@link Draft#TOLERANCE_PX} in a draft, else {@link #TOLERANCE_PX} */
    public static double tolerance(java.awt.Graphics2D g) {
        return Draft.wanted(g) ? Draft.TOLERANCE_PX : TOLERANCE_PX;
    }

    /** g's user-to-device transform, or null when it is the identity (no per-vertex transform then) */
    public static AffineTransform deviceTransform(java.awt.Graphics2D g) {
        AffineTransform t = g.getTransform();
        return t.isIdentity() ? null : t;
    }

    /**
     * The polyline through (x[i], y[i]), i &lt; n, in user coordinates, a NaN coordinate making a gap (the next
     * point starts a new subpath), simplified: the same path {@link #simplify} makes of the path that moves to
     * the first point of each run and draws lines through the others, without building that path first.
     */
    public Path2D simplifyPolyline(double[] x, double[] y, int n, AffineTransform toDevice, double tolerancePx) {
        return simplifyPolyline(x, y, n, toDevice, tolerancePx, new Path2D.Double(Path2D.WIND_NON_ZERO, OUTPUT_CAPACITY));
    }

    /** the same into out (emptied first; a path drawn and then refilled for the next line allocates once) */
    public Path2D simplifyPolyline(double[] x, double[] y, int n, AffineTransform toDevice, double tolerancePx, Path2D out) {
        allocate();
        out.reset();
        double[] d = scratch;
        this.n = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) flush(out, tolerancePx);
            else add(x[i], y[i], toDevice, d);
        }
        flush(out, tolerancePx);
        return out;
    }

    private void allocate() {
        if (ux == null) {
            ux = new double[256]; uy = new double[256]; dx = new double[256]; dy = new double[256];
            keep = new boolean[256];
            stack = new int[512];
        }
    }

    /** the simplified path's first allocation (vertices): a 400-sample line keeps about this many on screen */
    private static final int OUTPUT_CAPACITY = 256;

    // one polyline run being collected: user coordinates, device coordinates, kept flags (allocated on
    // first use, grown as needed: a chart that is only exported never needs them)
    private double[] ux, uy, dx, dy;
    private final double[] scratch = new double[2];
    private boolean[] keep;
    private int[] stack;
    private int n;

    /**
     * The shape with invisible vertices removed, in the same user coordinates; toDevice maps user
     * coordinates to pixels (a Graphics2D's transform; null: identity).
     */
    public Path2D simplify(Shape shape, AffineTransform toDevice, double tolerancePx) {
        allocate();
        Path2D.Double out = new Path2D.Double(Path2D.WIND_NON_ZERO, OUTPUT_CAPACITY);
        double[] c = new double[6];
        double[] d = scratch;
        n = 0;
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            switch (type) {
                case PathIterator.SEG_MOVETO -> {
                    flush(out, tolerancePx);
                    add(c[0], c[1], toDevice, d);
                }
                case PathIterator.SEG_LINETO -> {
                    if (n == 0) {
                        // a line without a move-to continues from the output's current point
                        java.awt.geom.Point2D p = out.getCurrentPoint();
                        if (p != null) add(p.getX(), p.getY(), toDevice, d);
                    }
                    add(c[0], c[1], toDevice, d);
                }
                default -> {
                    flush(out, tolerancePx);
                    switch (type) {
                        case PathIterator.SEG_QUADTO -> out.quadTo(c[0], c[1], c[2], c[3]);
                        case PathIterator.SEG_CUBICTO -> out.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                        case PathIterator.SEG_CLOSE -> out.closePath();
                        default -> throw new IllegalStateException("segment type " + type);
                    }
                }
            }
        }
        flush(out, tolerancePx);
        return out;
    }

    private void add(double x, double y, AffineTransform toDevice, double[] d) {
        if (n == ux.length) grow();
        ux[n] = x;
        uy[n] = y;
        if (toDevice == null) {
            dx[n] = x;
            dy[n] = y;
        } else {
            d[0] = x;
            d[1] = y;
            toDevice.transform(d, 0, d, 0, 1);
            dx[n] = d[0];
            dy[n] = d[1];
        }
        n++;
    }

    private void grow() {
        int m = ux.length * 2;
        ux = Arrays.copyOf(ux, m);
        uy = Arrays.copyOf(uy, m);
        dx = Arrays.copyOf(dx, m);
        dy = Arrays.copyOf(dy, m);
        keep = Arrays.copyOf(keep, m);
    }

    /** Append the collected run (move-to, then the kept vertices as line-tos) and start a new one. */
    private void flush(Path2D out, double tol) {
        if (n == 0) return;
        if (n > 2) mark(tol);
        out.moveTo(ux[0], uy[0]);
        for (int i = 1; i < n; i++) if (n <= 2 || keep[i]) out.lineTo(ux[i], uy[i]);
        n = 0;
    }

    /**
     * Douglas–Peucker on vertices 0 … n−1: keep the vertex farthest from the chord of each range if it
     * lies more than tol off it, and split there (iteratively, with an explicit stack).
     */
    private void mark(double tol) {
        Arrays.fill(keep, 0, n, false);
        keep[0] = true;
        keep[n - 1] = true;
        if (stack.length < 2 * n) stack = new int[2 * n];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        double tol2 = tol * tol;
        while (top > 0) {
            int b = stack[--top], a = stack[--top];
            if (b - a < 2) continue;
            // squared distance of vertex i from segment a–b (to the nearer end beyond the segment)
            double ax = dx[a], ay = dy[a], ex = dx[b] - ax, ey = dy[b] - ay;
            double len2 = ex * ex + ey * ey;
            double worst = -1;
            int at = -1;
            for (int i = a + 1; i < b; i++) {
                double px = dx[i] - ax, py = dy[i] - ay;
                double s = len2 > 0 ? (px * ex + py * ey) / len2 : 0;
                s = s < 0 ? 0 : (s > 1 ? 1 : s);
                double qx = px - s * ex, qy = py - s * ey;
                double dist2 = qx * qx + qy * qy;
                if (dist2 > worst) { worst = dist2; at = i; }
            }
            if (worst > tol2) {
                keep[at] = true;
                stack[top++] = a;
                stack[top++] = at;
                stack[top++] = at;
                stack[top++] = b;
            }
        }
    }
}
