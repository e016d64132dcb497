package org.dlnexplorer.model.relu;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The escape search with its remembered failed patterns gives exactly the answer of the plain search (every
 * start iterated in full, written out here from its definition) for collapsed neurons of random problems:
 * ways out inside a region, along a surface, and none.
 */
class EscapeSearchTest {

    /** the plain search: every slide, every start, the fixed-point iteration from each in full */
    static PiecewiseNet.Escape plain(double[] x, int n, int d, double gamma, double etaW, double[] rho, double ak) {
        byte[] c = new byte[n];
        for (int slide = -1; slide < n; slide++)
            for (int start = 0; start < 2 * n + 2; start++) {
                for (int i = 0; i < n; i++) {
                    double dir = start == 0 ? 1 : start == 1 ? -1 : (start % 2 == 0 ? 1 : -1) * dot(x, d, (start - 2) / 2, i);
                    c[i] = (byte) (dir > 0 ? 1 : -1);
                }
                if (iterate(x, n, d, gamma, etaW, rho, ak, c, slide)) return new PiecewiseNet.Escape(c.clone(), slide);
            }
        return null;
    }

    private static double dot(double[] x, int d, int i, int j) {
        double s = 0;
        for (int c = 0; c < d; c++) s += x[i * d + c] * x[j * d + c];
        return s;
    }

    private static boolean iterate(double[] x, int n, int d, double gamma, double etaW, double[] rho, double ak,
                                   byte[] c, int slide) {
        double[] v = new double[d];
        for (int it = 0; it < n + 1; it++) {
            java.util.Arrays.fill(v, 0.0);
            for (int i = 0; i < n; i++) {
                if (i == slide) continue;
                double r = rho[i] * (c[i] > 0 ? 1.0 : gamma);
                for (int col = 0; col < d; col++) v[col] += r * x[i * d + col];
            }
            if (slide >= 0) {
                double xs = 0, xx = dot(x, d, slide, slide);
                for (int col = 0; col < d; col++) xs += x[slide * d + col] * v[col];
                double cs = rho[slide] == 0 ? Double.NaN : -xs / (rho[slide] * xx);
                if (!(cs >= gamma && cs <= 1)) return false;
                for (int col = 0; col < d; col++) v[col] -= xs / xx * x[slide * d + col];
            }
            double f = -etaW * ak / n, vn = 0;
            for (int col = 0; col < d; col++) { v[col] *= f; vn += v[col] * v[col]; }
            vn = Math.sqrt(vn);
            if (vn == 0) return false;
            boolean same = true, clear = true;
            for (int i = 0; i < n; i++) {
                if (i == slide) continue;
                double dt = 0;
                for (int col = 0; col < d; col++) dt += v[col] * x[i * d + col];
                byte ci = (byte) (dt > 0 ? 1 : -1);
                if (Math.abs(dt) <= PiecewiseNet.ESCAPE_MARGIN * vn * Math.sqrt(dot(x, d, i, i))) clear = false;
                if (ci != c[i]) { same = false; c[i] = ci; }
            }
            if (same) return clear;
        }
        return false;
    }

    @Test
    void theRememberedSearchGivesThePlainSearchsAnswer() {
        Random rng = new Random(17);
        Set<String> kinds = new TreeSet<>();
        for (int trial = 0; trial < 300; trial++) {
            int d = 2 + rng.nextInt(2), n = 4 + rng.nextInt(9), h = 3;
            double gamma = rng.nextBoolean() ? 0.0 : 0.2;
            ReluFixtures.Problem p = ReluFixtures.problem(d, h, 2, n, 0, gamma, 0.5 + rng.nextDouble(), 1.0, 0.8, 100 + trial);
            PiecewiseNet net = p.net();
            double[] theta = p.theta();
            int k = rng.nextInt(h);
            for (int c = 0; c < d; c++) theta[k * d + c] = 0.0;   // neuron k collapsed at w_k = 0
            // ρ_i = f(x_i) − y_i (w_k = 0 adds nothing whatever its slope)
            double[] x = p.data().x(), y = p.data().y(), rho = new double[n];
            for (int i = 0; i < n; i++) rho[i] = PiecewiseNet.output(theta, d, h, gamma, x, i * d) - y[i];
            double ak = theta[h * d + k];
            PiecewiseNet.Escape want = plain(x, n, d, gamma, net.etaW(), rho, ak);
            PiecewiseNet.Escape got = net.escape(theta, net.modeOf(theta), k);
            String where = "trial " + trial + " (d = " + d + ", n = " + n + ", γ = " + gamma + ")";
            if (want == null) assertNull(got, where);
            else {
                assertNotNull(got, where);
                assertEquals(want.slideOn(), got.slideOn(), where);
                assertArrayEquals(want.pattern(), got.pattern(), where);
            }
            kinds.add(want == null ? "none" : want.slideOn() < 0 ? "region" : "surface");
        }
        assertEquals(Set.of("none", "region", "surface"), kinds, "every kind of answer is covered");
    }
}
