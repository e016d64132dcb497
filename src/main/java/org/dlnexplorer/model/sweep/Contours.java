package org.dlnexplorer.model.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a metric over a sweep grid by marching squares, in fractional index coordinates
 * (fx ∈ [0, nx−1], fy ∈ [0, ny−1]; map to values with {@link Axis#valueAt}). Only squares whose four corners
 * are finished OK cells with finite values contribute, so a line never crosses a diverged, failed or
 * pending cell. Crossings are linearly interpolated along each square edge; a saddle square is resolved by
 * the mean of its corners.
 */
public final class Contours {
    private Contours() {}

    /** One straight piece of a contour line, from (x1, y1) to (x2, y2) in fractional index coordinates. */
    public record Segment(double x1, double y1, double x2, double y2) {}

    public static List<Segment> of(SweepResult r, Metric m, double level) {
        int nx = r.x().n(), ny = r.y().n();
        double[][] v = new double[ny][nx];
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++) {
                CellResult c = r.get(ix, iy);
                v[iy][ix] = c != null ? c.shown(m) : Double.NaN;
            }
        return of(v, level);
    }

    /** v[iy][ix]; NaN marks a missing value */
    public static List<Segment> of(double[][] v, double level) {
        List<Segment> out = new ArrayList<>();
        int ny = v.length, nx = ny == 0 ? 0 : v[0].length;
        for (int iy = 0; iy + 1 < ny; iy++) {
            for (int ix = 0; ix + 1 < nx; ix++) {
                double a = v[iy][ix], b = v[iy][ix + 1], c = v[iy + 1][ix + 1], d = v[iy + 1][ix];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) continue;
                // corners counter-clockwise: a (ix, iy), b (ix+1, iy), c (ix+1, iy+1), d (ix, iy+1)
                double[][] pts = new double[4][];
                int k = 0;
                double[] e0 = cross(a, b, level, ix, iy, ix + 1, iy);
                double[] e1 = cross(b, c, level, ix + 1, iy, ix + 1, iy + 1);
                double[] e2 = cross(c, d, level, ix + 1, iy + 1, ix, iy + 1);
                double[] e3 = cross(d, a, level, ix, iy + 1, ix, iy);
                if (e0 != null) pts[k++] = e0;
                if (e1 != null) pts[k++] = e1;
                if (e2 != null) pts[k++] = e2;
                if (e3 != null) pts[k++] = e3;
                if (k == 2) {
                    out.add(new Segment(pts[0][0], pts[0][1], pts[1][0], pts[1][1]));
                } else if (k == 4) {
                    boolean centreAbove = (a + b + c + d) / 4 >= level;
                    boolean aAbove = a >= level;
                    // pair the crossings so that the centre lies on the side it belongs to
                    if (centreAbove == aAbove) {
                        out.add(seg(e0, e1));
                        out.add(seg(e2, e3));
                    } else {
                        out.add(seg(e0, e3));
                        out.add(seg(e1, e2));
                    }
                }
            }
        }
        return out;
    }

    private static Segment seg(double[] p, double[] q) { return new Segment(p[0], p[1], q[0], q[1]); }

    /** the crossing of the level on the edge p → q, or null when both ends are on the same side */
    private static double[] cross(double vp, double vq, double level, double xp, double yp, double xq, double yq) {
        boolean ap = vp >= level, aq = vq >= level;
        if (ap == aq) return null;
        double u = (level - vp) / (vq - vp);
        return new double[] {xp + u * (xq - xp), yp + u * (yq - yp)};
    }
}
