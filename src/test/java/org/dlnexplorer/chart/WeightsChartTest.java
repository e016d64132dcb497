package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.objective.Balance;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The weights view draws W_ℓ of the frame at the cursor and D_ℓ equal to model/objective/Balance's (and to
 * W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ summed by hand); an exactly balanced network's D_ℓ is white, not noise; networks
 * without recorded weights, and too many entries for the picture, are said, not drawn.
 */
class WeightsChartTest {
    static { System.setProperty("java.awt.headless", "true"); }

    private static final double EXACT = 1e-12;

    /** depth 3, δ ≠ 0: D_ℓ = λI ≠ 0, and W_ℓ of three shapes */
    static final String DEEP = """
            { "schema": 1, "name": "Deep", "description": "depth 3",
              "network": { "widths": [3, 2, 2, 2] },
              "task": { "target": { "singularValues": [3, 1], "basis": "random", "seed": 4 }, "inputs": "whitened" },
              "init": { "scheme": "gaussian", "scale": 0.3, "delta": 0.5, "seed": 2 },
              "training": { "method": "gradient-flow", "duration": 4.0, "samples": 80 } }""";

    @Test
    void balanceMatricesAreBalancesAtTheCursorsFrame() throws Exception {
        RunSet rs = Fixtures.runSet(DEEP);
        Trajectory tr = rs.runs().get(0).trajectory();
        WeightsChart c = new WeightsChart(ChartStyle.screen());
        double cursor = 1.37;
        c.update(rs, cursor);
        WeightsChart.Matrices m = c.matrices();
        // the frame nearest the cursor
        Frame nearest = tr.frames().get(0);
        for (Frame f : tr.frames()) if (Math.abs(f.t() - cursor) < Math.abs(nearest.t() - cursor)) nearest = f;
        assertEquals(nearest.t(), m.t(), 0);
        int[] n = tr.widths();
        double[][] flat = nearest.weights();
        DMatrixRMaj[] w = new DMatrixRMaj[3];
        for (int l = 0; l < 3; l++) {
            w[l] = new DMatrixRMaj(n[l + 1], n[l], true, flat[l]);
            assertEquals(n[l + 1], m.w()[l].length, "W_" + (l + 1) + " is n_ℓ × n_{ℓ−1}");
            for (int i = 0; i < n[l + 1]; i++) for (int j = 0; j < n[l]; j++) assertEquals(w[l].get(i, j), m.w()[l][i][j], 0);
        }
        DMatrixRMaj[] d = Balance.of(tr.setup().network(), w);
        assertEquals(2, m.d().length, "D_1, D_2");
        double largest = 0;
        for (int l = 0; l < 2; l++) {
            int nl = n[l + 1];
            for (int i = 0; i < nl; i++)
                for (int j = 0; j < nl; j++) {
                    assertEquals(d[l].get(i, j), m.d()[l][i][j], EXACT, "Balance's D_" + (l + 1));
                    // D_ℓ = W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ (layer rates 1), by hand
                    double up = 0, down = 0;
                    for (int k = 0; k < n[l + 2]; k++) up += w[l + 1].get(k, i) * w[l + 1].get(k, j);
                    for (int k = 0; k < n[l]; k++) down += w[l].get(i, k) * w[l].get(j, k);
                    assertEquals(up - down, m.d()[l][i][j], EXACT);
                    largest = Math.max(largest, Math.abs(up - down));
                }
        }
        assertTrue(largest > 0.1, "δ = 0.5: D_ℓ is far from 0 (" + largest + ")");
        assertTrue(c.dScale() > 0);
        assertTrue(c.wScale() >= largestW(m), "the colour scale covers the run");
        assertTrue(paintedColours(c, 410, 308) > 3, "heat maps drawn");
    }

    @Test
    void withoutACursorTheLastFrame() throws Exception {
        RunSet rs = Fixtures.runSet(DEEP);
        WeightsChart c = new WeightsChart(ChartStyle.screen());
        c.update(rs, Double.NaN);
        assertEquals(rs.runs().get(0).trajectory().last().t(), c.matrices().t(), 0);
    }

    @Test
    void aBalancedNetworksDIsZeroNotNoise() throws Exception {
        WeightsChart c = new WeightsChart(ChartStyle.screen());
        c.update(Fixtures.runSet(Fixtures.SAXE), 3.0);   // aligned, δ = 0: D_1 = 0 up to round-off
        assertEquals(0, c.dScale());
    }

    @Test
    void largeNetworksAreSaidNotDrawn() throws Exception {
        RunSet big = Fixtures.runSet(DEEP.replace("[3, 2, 2, 2]", "[3, 12, 12, 2]"));   // 204 parameters: no weights recorded
        assertNotNull(ViewId.WEIGHTS.whyNot(big));
        assertTrue(ViewId.WEIGHTS.whyNot(big).contains("204 parameters"), ViewId.WEIGHTS.whyNot(big));
        RunSet wide = Fixtures.runSet("""
                { "schema": 1, "name": "Wide", "description": "wide",
                  "network": { "widths": [2, 60, 1] },
                  "task": { "target": { "singularValues": [1] }, "inputs": "whitened" },
                  "init": { "scheme": "gaussian", "scale": 0.1, "seed": 1 },
                  "training": { "method": "gradient-flow", "duration": 1.0, "samples": 10 } }""");
        assertNull(ViewId.WEIGHTS.whyNot(wide), "180 parameters are recorded");
        WeightsChart c = new WeightsChart(ChartStyle.screen());
        c.update(wide, Double.NaN);
        // D_1 is 60 × 60: at the grid's 410×308 cell an entry would be under MIN_CELL px, so the view says so
        assertTrue(paintedColours(c, 410, 308) <= 3, "no heat map at 410×308 (a message: text on white)");
    }

    private static double largestW(WeightsChart.Matrices m) {
        double x = 0;
        for (double[][] a : m.w()) for (double[] r : a) for (double v : r) x = Math.max(x, Math.abs(v));
        return x;
    }

    /** distinct saturated colours in the picture (heat-map cells; text and frames are grey) */
    private static int paintedColours(WeightsChart c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        c.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y), r = (p >> 16) & 0xff, gr = (p >> 8) & 0xff, b = p & 0xff;
                if (Math.max(r, Math.max(gr, b)) - Math.min(r, Math.min(gr, b)) > 40) seen.add(p & 0xffffff);
            }
        return seen.size();
    }
}
