package org.dlnexplorer.app;

import java.util.ArrayList;
import java.util.List;

/**
 * A polyline as one tube: the geometry of a {@code javafx.scene.shape.TriangleMesh} (points x, y, z and
 * faces p0, t0, p1, t1, p2, t2 with a single texture coordinate 0), in plain arrays so that it can be built
 * and tested without the FX toolkit. One mesh per path replaces one Cylinder node per segment: the 3D
 * hyperboloid of a 7-run compare set drew thousands of nodes, 60–110 ms of FX-thread time per rebuild.
 * <p>
 * Ring i is centred on p_i, perpendicular to the tangent t_i = (p_{i+1} − p_{i−1})/‖·‖, with radius r:
 * p_i + r (cos θ_k n_i + sin θ_k b_i), θ_k = 2πk/S, b_i = t_i × n_i, where n_i is carried along by parallel
 * transport (n_i = normalised n_{i−1} − (n_{i−1}·t_i) t_i), so the tube does not twist.
 */
public final class TubeMesh {
    /** sides of each ring */
    public static final int SIDES = 8;
    /** consecutive points closer than this (relative to the radius) are merged */
    static final double MERGE = 1e-6;

    private final float[] points;
    private final int[] faces;
    private final int rings;

    private TubeMesh(float[] points, int[] faces, int rings) {
        this.points = points;
        this.faces = faces;
        this.rings = rings;
    }

    /** x, y, z of every ring vertex, ring after ring */
    public float[] points() { return points; }

    /** triangle faces as TriangleMesh wants them (point, texture index 0) × 3 */
    public int[] faces() { return faces; }

    /** number of rings (polyline points after merging duplicates) */
    public int rings() { return rings; }

    /**
     * The tube around the polyline (each point x, y, z). Null when fewer than two distinct points remain.
     */
    public static TubeMesh of(List<double[]> polyline, double radius) {
        List<double[]> pts = new ArrayList<>();
        for (double[] p : polyline) {
            if (!pts.isEmpty() && dist(pts.get(pts.size() - 1), p) <= MERGE * radius) continue;
            pts.add(p);
        }
        int m = pts.size();
        if (m < 2) return null;
        float[] out = new float[m * SIDES * 3];
        double[] n = null;
        for (int i = 0; i < m; i++) {
            double[] t = normalize(sub(pts.get(Math.min(i + 1, m - 1)), pts.get(Math.max(i - 1, 0))));
            if (n == null) n = perpendicular(t);
            else {
                // parallel transport: remove the tangential part of the previous normal
                double[] q = sub(n, scale(t, dot(n, t)));
                n = norm(q) < 1e-9 ? perpendicular(t) : normalize(q);
            }
            double[] b = cross(t, n);
            double[] c = pts.get(i);
            for (int k = 0; k < SIDES; k++) {
                double th = 2 * Math.PI * k / SIDES, cs = Math.cos(th), sn = Math.sin(th);
                int o = (i * SIDES + k) * 3;
                for (int d = 0; d < 3; d++) out[o + d] = (float) (c[d] + radius * (cs * n[d] + sn * b[d]));
            }
        }
        int[] f = new int[(m - 1) * SIDES * 2 * 6];
        int o = 0;
        for (int i = 0; i + 1 < m; i++) {
            for (int k = 0; k < SIDES; k++) {
                int a = i * SIDES + k, bb = i * SIDES + (k + 1) % SIDES;
                int c = a + SIDES, d = bb + SIDES;
                o = tri(f, o, a, c, d);
                o = tri(f, o, a, d, bb);
            }
        }
        return new TubeMesh(out, f, m);
    }

    private static int tri(int[] f, int o, int p0, int p1, int p2) {
        f[o] = p0; f[o + 1] = 0; f[o + 2] = p1; f[o + 3] = 0; f[o + 4] = p2; f[o + 5] = 0;
        return o + 6;
    }

    /** a unit vector perpendicular to the unit vector t (crossed with the axis it is least aligned with) */
    static double[] perpendicular(double[] t) {
        double ax = Math.abs(t[0]), ay = Math.abs(t[1]), az = Math.abs(t[2]);
        double[] e = ax <= ay && ax <= az ? new double[]{1, 0, 0} : ay <= az ? new double[]{0, 1, 0} : new double[]{0, 0, 1};
        return normalize(cross(t, e));
    }

    private static double dist(double[] a, double[] b) { return norm(sub(a, b)); }
    private static double[] sub(double[] a, double[] b) { return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
    private static double[] scale(double[] a, double s) { return new double[]{a[0] * s, a[1] * s, a[2] * s}; }
    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }
    private static double[] normalize(double[] a) {
        double l = norm(a);
        return l == 0 ? new double[]{0, 1, 0} : scale(a, 1 / l);
    }
    private static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
