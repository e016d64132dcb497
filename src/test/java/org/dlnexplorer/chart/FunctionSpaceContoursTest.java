package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Task;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FunctionSpaceContoursTest {
    /** the ½(β−β*)ᵀΣxx(β−β*) of a contour vertex is a level up to linear interpolation on the grid */
    private static final double LEVEL_TOLERANCE = 0.02;

    private static double loss(Task task, double x, double y) {
        DMatrixRMaj s = task.sigmaXX();
        double dx = x - task.target().get(0, 0), dy = y - task.target().get(0, 1);
        return 0.5 * (s.get(0, 0) * dx * dx + 2 * s.get(0, 1) * dx * dy + s.get(1, 1) * dy * dy);
    }

    /** segments as sorted "x0 y0 x1 y1" strings (rounded), for an order-free comparison */
    private static List<String> segments(double[][] xy) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 < xy[0].length; i += 3) {
            assertTrue(Double.isNaN(xy[0][i + 2]) && Double.isNaN(xy[1][i + 2]), "segments are NaN-separated");
            out.add(String.format("%.9f %.9f %.9f %.9f", xy[0][i], xy[1][i], xy[0][i + 1], xy[1][i + 1]));
        }
        out.sort(null);
        return out;
    }

    private static Task randomTask(Random rng, boolean singular) {
        double a = 0.2 + rng.nextDouble() * 2, c = 0.2 + rng.nextDouble() * 2;
        double b = singular ? Math.sqrt(a * c) : (rng.nextDouble() - 0.5) * Math.sqrt(a * c);
        DMatrixRMaj sxx = new DMatrixRMaj(new double[][]{{a, b}, {b, c}});
        DMatrixRMaj target = new DMatrixRMaj(new double[][]{{rng.nextGaussian(), rng.nextGaussian()}});
        return Task.withCovariance(target, sxx);
    }

    @Test
    void contourVerticesLieOnLossLevels() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            Task task = randomTask(rng, trial % 4 == 0);
            double x0 = -3 + rng.nextDouble(), y0 = -3 + rng.nextDouble();
            double[][] xy = FunctionSpaceChart.contours(task, x0, x0 + 5, y0, y0 + 5);
            assertTrue(xy[0].length > 30, "some contours in view");
            double fmax = 0;
            for (int i = 0; i <= 90; i++)
                for (int j = 0; j <= 90; j++) fmax = Math.max(fmax, loss(task, x0 + 5.0 * i / 90, y0 + 5.0 * j / 90));
            for (int i = 0; i < xy[0].length; i++) {
                if (Double.isNaN(xy[0][i])) continue;
                double f = loss(task, xy[0][i], xy[1][i]);
                double nearest = Double.POSITIVE_INFINITY;
                for (int k = 1; k <= 9; k++) nearest = Math.min(nearest, Math.abs(f - fmax * Math.pow(k / 10.0, 2)));
                assertTrue(nearest <= LEVEL_TOLERANCE * fmax, "vertex off every level by " + nearest / fmax + " of the range");
            }
        }
    }

    /** the straightforward marching squares (level by level, every cell) that the fast version must match */
    private static double[][] reference(Task task, double x0, double x1, double y0, double y1) {
        int grid = 90;
        double[][] f = new double[grid + 1][grid + 1];
        double fmax = 0;
        for (int i = 0; i <= grid; i++)
            for (int j = 0; j <= grid; j++) {
                f[i][j] = loss(task, x0 + (x1 - x0) * i / grid, y0 + (y1 - y0) * j / grid);
                fmax = Math.max(fmax, f[i][j]);
            }
        List<double[]> pts = new ArrayList<>();
        for (int k = 1; k <= 9; k++) {
            double c = fmax * Math.pow(k / 10.0, 2);
            for (int i = 0; i < grid; i++)
                for (int j = 0; j < grid; j++) {
                    double[] v = {f[i][j], f[i + 1][j], f[i + 1][j + 1], f[i][j + 1]};
                    int[][] corner = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
                    List<double[]> cross = new ArrayList<>();
                    for (int e = 0; e < 4; e++) {
                        double va = v[e], vb = v[(e + 1) % 4];
                        if ((va < c) != (vb < c)) {
                            double s = (c - va) / (vb - va);
                            double gi = corner[e][0] + s * (corner[(e + 1) % 4][0] - corner[e][0]);
                            double gj = corner[e][1] + s * (corner[(e + 1) % 4][1] - corner[e][1]);
                            cross.add(new double[]{x0 + (x1 - x0) * gi / grid, y0 + (y1 - y0) * gj / grid});
                        }
                    }
                    for (int q = 0; q + 1 < cross.size(); q += 2) {
                        pts.add(cross.get(q));
                        pts.add(cross.get(q + 1));
                        pts.add(new double[]{Double.NaN, Double.NaN});
                    }
                }
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) { xy[0][i] = pts.get(i)[0]; xy[1][i] = pts.get(i)[1]; }
        return xy;
    }

    @Test
    void sameSegmentsAsPlainMarchingSquares() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            Task task = randomTask(rng, trial % 3 == 0);
            double x0 = -2 - rng.nextDouble(), y0 = -2 - rng.nextDouble(), w = 1 + 4 * rng.nextDouble();
            assertEquals(segments(reference(task, x0, x0 + w, y0, y0 + w)),
                    segments(FunctionSpaceChart.contours(task, x0, x0 + w, y0, y0 + w)));
        }
    }
}
