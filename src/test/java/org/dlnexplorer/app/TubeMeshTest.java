package org.dlnexplorer.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tube geometry of the 3D paths: rings of radius r perpendicular to the path, faces that close them. */
class TubeMeshTest {
    /** float vertices: a few ulps of the coordinates */
    static final double VERTEX_TOLERANCE = 1e-4;

    @Test
    void everyRingVertexLiesOnTheCircleOfRadiusRPerpendicularToThePath() {
        List<double[]> helix = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            double s = i * 0.2;
            helix.add(new double[]{30 * Math.cos(s), 4 * s, 30 * Math.sin(s)});
        }
        double r = 1.5;
        TubeMesh t = TubeMesh.of(helix, r);
        assertEquals(61, t.rings());
        float[] p = t.points();
        assertEquals(61 * TubeMesh.SIDES * 3, p.length);
        for (int i = 0; i < 61; i++) {
            double[] c = helix.get(i);
            double[] tan = sub(helix.get(Math.min(i + 1, 60)), helix.get(Math.max(i - 1, 0)));
            double tl = Math.sqrt(dot(tan, tan));
            double[] ringSum = new double[3];
            for (int k = 0; k < TubeMesh.SIDES; k++) {
                int o = (i * TubeMesh.SIDES + k) * 3;
                double[] v = {p[o] - c[0], p[o + 1] - c[1], p[o + 2] - c[2]};
                assertEquals(r, Math.sqrt(dot(v, v)), VERTEX_TOLERANCE, "radius at ring " + i);
                assertEquals(0, dot(v, tan) / tl, VERTEX_TOLERANCE, "perpendicular at ring " + i);
                for (int d = 0; d < 3; d++) ringSum[d] += v[d];
            }
            // a regular polygon around the centre: its vertices average to the centre
            assertEquals(0, Math.sqrt(dot(ringSum, ringSum)) / TubeMesh.SIDES, VERTEX_TOLERANCE);
        }
    }

    @Test
    void facesCloseEveryRingAndIndexOnlyExistingPoints() {
        List<double[]> line = List.of(new double[]{0, 0, 0}, new double[]{0, 0, 0}, new double[]{1, 0, 0},
                new double[]{2, 1, 0}, new double[]{2, 1, 0});
        TubeMesh t = TubeMesh.of(line, 0.1);
        assertEquals(3, t.rings(), "repeated points are merged");
        int[] f = t.faces();
        assertEquals((3 - 1) * TubeMesh.SIDES * 2 * 6, f.length);
        int vertices = t.points().length / 3;
        int[] uses = new int[vertices];
        for (int i = 0; i < f.length; i += 2) {
            assertTrue(f[i] >= 0 && f[i] < vertices, "point index " + f[i]);
            assertEquals(0, f[i + 1], "single texture coordinate");
            uses[f[i]]++;
        }
        // inner rings are shared by two bands of quads (6 triangle corners each), end rings by one
        for (int v = 0; v < vertices; v++) {
            int ring = v / TubeMesh.SIDES;
            assertEquals(ring == 1 ? 6 : 3, uses[v], "corner count of vertex " + v);
        }
    }

    @Test
    void aSinglePointHasNoTube() {
        assertNull(TubeMesh.of(List.of(new double[]{1, 2, 3}), 1.0));
        assertNull(TubeMesh.of(List.of(new double[]{1, 2, 3}, new double[]{1, 2, 3}), 1.0));
        assertNull(TubeMesh.of(List.of(), 1.0));
    }

    private static double[] sub(double[] a, double[] b) { return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
}
