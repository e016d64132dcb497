package org.dlnexplorer.chart;

import org.junit.jupiter.api.Test;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class PathSimplifierTest {
    /** rounding slack on top of the tolerance when distances are re-measured in device space */
    private static final double SLACK = 1e-9;

    /** subpaths of a path made of move-tos and line-tos, as lists of {x, y} */
    private static List<List<double[]>> subpaths(Path2D p) {
        List<List<double[]>> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = p.getPathIterator(null); !it.isDone(); it.next()) {
            int t = it.currentSegment(c);
            if (t == PathIterator.SEG_MOVETO) out.add(new ArrayList<>());
            assertTrue(t == PathIterator.SEG_MOVETO || t == PathIterator.SEG_LINETO, "only straight segments expected");
            out.get(out.size() - 1).add(new double[]{c[0], c[1]});
        }
        return out;
    }

    private static double distanceToPolyline(double[] p, List<double[]> line) {
        if (line.size() == 1) return Math.hypot(p[0] - line.get(0)[0], p[1] - line.get(0)[1]);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < line.size(); i++) {
            double[] a = line.get(i), b = line.get(i + 1);
            double ex = b[0] - a[0], ey = b[1] - a[1], len2 = ex * ex + ey * ey;
            double s = len2 > 0 ? ((p[0] - a[0]) * ex + (p[1] - a[1]) * ey) / len2 : 0;
            s = Math.max(0, Math.min(1, s));
            best = Math.min(best, Math.hypot(p[0] - a[0] - s * ex, p[1] - a[1] - s * ey));
        }
        return best;
    }

    private static List<double[]> toDevice(List<double[]> pts, AffineTransform t) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : pts) {
            double[] q = new double[2];
            t.transform(p, 0, q, 0, 1);
            out.add(q);
        }
        return out;
    }

    @Test
    void everyDroppedVertexLiesWithinTheToleranceOfTheDrawnLine() {
        Random rng = new Random(20261123);
        PathSimplifier simplifier = new PathSimplifier();
        int dropped = 0, total = 0;
        for (int trial = 0; trial < 300; trial++) {
            // a chart-like transform: data units to pixels, y flipped, random scales
            AffineTransform t = new AffineTransform(20 + 300 * rng.nextDouble(), 0, 0, -(20 + 300 * rng.nextDouble()),
                    rng.nextDouble() * 50, 400);
            Path2D.Double path = new Path2D.Double();
            int subpaths = 1 + rng.nextInt(3);
            for (int sp = 0; sp < subpaths; sp++) {
                int n = 1 + rng.nextInt(500);
                double x = rng.nextDouble(), y = rng.nextDouble();
                double rate = rng.nextDouble() * 5, noise = trial % 3 == 0 ? 0.02 : 0;
                path.moveTo(x, y);
                for (int i = 1; i < n; i++) {
                    // smooth saturating curves (as trajectories are), sometimes with jitter
                    x += 1.0 / n;
                    y = 1 - Math.exp(-rate * x) + noise * rng.nextGaussian();
                    path.lineTo(x, y);
                }
            }
            double tol = PathSimplifier.TOLERANCE_PX * (trial % 2 == 0 ? 1 : 4);
            Path2D out = simplifier.simplify(path, t, tol);
            List<List<double[]>> before = subpaths(path), after = subpaths(out);
            assertEquals(before.size(), after.size(), "subpath breaks are kept");
            for (int k = 0; k < before.size(); k++) {
                List<double[]> a = before.get(k), b = after.get(k);
                assertArrayEquals(a.get(0), b.get(0), "first vertex kept");
                assertArrayEquals(a.get(a.size() - 1), b.get(b.size() - 1), "last vertex kept");
                List<double[]> bd = toDevice(b, t);
                for (double[] p : toDevice(a, t))
                    assertTrue(distanceToPolyline(p, bd) <= tol + SLACK, "a vertex is " + distanceToPolyline(p, bd) + " px off the line");
                total += a.size();
                dropped += a.size() - b.size();
            }
        }
        assertTrue(dropped > total / 2, "smooth curves lose most of their vertices: dropped " + dropped + " of " + total);
    }

    /** from arrays (a NaN making a gap) the same path as from the path that moves and draws through them */
    @Test
    void aPolylineFromArraysIsSimplifiedAsItsPath() {
        Random rng = new Random(20261207);
        PathSimplifier fromPath = new PathSimplifier(), fromArrays = new PathSimplifier();
        for (int trial = 0; trial < 200; trial++) {
            int n = rng.nextInt(600);
            double[] x = new double[n], y = new double[n];
            Path2D.Double path = new Path2D.Double();
            boolean good = false;
            double rate = rng.nextDouble() * 5;
            for (int i = 0; i < n; i++) {
                boolean gap = trial % 4 == 0 ? rng.nextInt(40) == 0 : trial % 4 == 1 && i % 97 < 3;
                x[i] = gap && rng.nextBoolean() ? Double.NaN : 400.0 * i / Math.max(1, n - 1);
                y[i] = gap && Double.isFinite(x[i]) ? Double.NaN : 300 * (1 - Math.exp(-rate * i / 100.0)) + (trial % 3 == 0 ? rng.nextGaussian() : 0);
                if (Double.isNaN(x[i]) || Double.isNaN(y[i])) { good = false; continue; }
                if (good) path.lineTo(x[i], y[i]);
                else path.moveTo(x[i], y[i]);
                good = true;
            }
            AffineTransform t = trial % 2 == 0 ? null : new AffineTransform(1.5, 0, 0, 1.5, 3, -2);
            double tol = trial % 5 == 0 ? Draft.TOLERANCE_PX : PathSimplifier.TOLERANCE_PX;
            List<List<double[]>> want = subpaths(fromPath.simplify(path, t, tol)), got = subpaths(fromArrays.simplifyPolyline(x, y, n, t, tol));
            assertEquals(want.size(), got.size(), "trial " + trial + ": subpaths");
            for (int k = 0; k < want.size(); k++) {
                assertEquals(want.get(k).size(), got.get(k).size(), "trial " + trial + " subpath " + k);
                for (int i = 0; i < want.get(k).size(); i++) assertArrayEquals(want.get(k).get(i), got.get(k).get(i));
            }
        }
    }

    @Test
    void aVertexFartherThanTheToleranceIsKept() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, 0);
        p.lineTo(50, 0.3);      // 0.3 px off the chord: kept at 0.25 px
        p.lineTo(100, 0);
        p.lineTo(150, 0.1);     // 0.1 px off: dropped
        p.lineTo(200, 0);
        List<double[]> out = subpaths(new PathSimplifier().simplify(p, null, PathSimplifier.TOLERANCE_PX)).get(0);
        assertEquals(3, out.size());
        assertArrayEquals(new double[]{50, 0.3}, out.get(1));
    }

    @Test
    void aStraightLineKeepsItsEnds() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, 0);
        for (int i = 1; i <= 1000; i++) p.lineTo(i, 2 * i);
        List<List<double[]>> out = subpaths(new PathSimplifier().simplify(p, AffineTransform.getScaleInstance(3, -3), 0.25));
        assertEquals(1, out.size());
        assertEquals(2, out.get(0).size());
        assertArrayEquals(new double[]{1000, 2000}, out.get(0).get(1));
    }

    @Test
    void curvesAndClosedShapesPassThrough() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, 0);
        p.lineTo(1, 0);
        p.lineTo(2, 0);
        p.curveTo(3, 1, 4, 1, 5, 0);
        p.quadTo(6, 1, 7, 0);
        p.closePath();
        Path2D out = new PathSimplifier().simplify(p, null, 0.25);
        List<Integer> types = new ArrayList<>();
        for (PathIterator it = out.getPathIterator(null); !it.isDone(); it.next()) types.add(it.currentSegment(new double[6]));
        assertEquals(List.of(PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO, PathIterator.SEG_CUBICTO,
                PathIterator.SEG_QUADTO, PathIterator.SEG_CLOSE), types);
        assertEquals(out.getBounds2D(), p.getBounds2D());
    }

    @Test
    void theHintIsOffUnlessSet() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        assertFalse(PathSimplifier.wanted(g), "exports draw every sample");
        g.setRenderingHint(PathSimplifier.HINT, PathSimplifier.ON);
        assertTrue(PathSimplifier.wanted(g));
        assertTrue(PathSimplifier.wanted((java.awt.Graphics2D) g.create()), "child graphics inherit it");
        g.dispose();
    }
}
