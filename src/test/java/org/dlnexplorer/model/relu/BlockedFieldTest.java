package org.dlnexplorer.model.relu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The field and gradient as blocked products (Z = W Xᵀ, V = R X) against the sums written out pair by pair, on
 * shapes that take the scalar, SIMD and packed kernels, with sliding pairs in the mode.
 */
class BlockedFieldTest {
    /** the two computations sum in different orders: agreement to rounding, relative to the largest entry */
    static final double ROUNDING = 1e-12;
    /** {d, h, n}: the scalar kernels (d = 2), SIMD (n ≥ 8), packed operands (≥ 48), and the paper's d and h */
    private static final int[][] SHAPES = {{2, 6, 9}, {3, 10, 17}, {12, 9, 50}, {100, 50, 64}};

    @Test
    void flowAndGradientAgreeWithThePairByPairSums() {
        for (int[] shape : SHAPES) {
            int d = shape[0], h = shape[1], n = shape[2];
            for (double gamma : new double[] {0.0, 0.2}) {
                ReluFixtures.Problem p = ReluFixtures.problem(d, h, 3, n, 0, gamma, 0.7, 1.3, 0.5, 11 + d + n);
                PiecewiseNet net = p.net();
                double[] theta = p.theta(), x = p.data().x(), y = p.data().y();
                Mode mode = net.modeOf(theta);
                // two neurons slide on one input each: their pair leaves the drive, ẇ_k is projected
                int slid = 0;
                for (int k = 0; k < h && slid < 2; k += 3) if (mode.slide(k, (k * 7) % n, x)) slid++;
                assertTrue(slid > 0, "a sliding pair in the mode");
                String where = "d = " + d + ", h = " + h + ", n = " + n + ", γ = " + gamma;

                double[] flow = new double[theta.length];
                net.flow(theta, mode, flow);
                assertClose(directFlow(theta, mode, x, y, d, h, n, gamma, 0.7, 1.3), flow, where + ": flow");

                double[] grad = new double[theta.length];
                net.gradient(theta, grad);
                assertClose(directGradient(theta, x, y, d, h, n, gamma), grad, where + ": gradient");
            }
        }
    }

    private static double z(double[] theta, double[] x, int d, int k, int i) {
        double s = 0;
        for (int c = 0; c < d; c++) s += theta[k * d + c] * x[i * d + c];
        return s;
    }

    /** ρ_i = Σ_k a_k c_ki z_ki − y_i with slope c from the mode (1 on a sliding pair), or from z when mode is null */
    private static double[] residuals(double[] theta, Mode mode, double[] x, double[] y, int d, int h, int n, double gamma) {
        double[] rho = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int k = 0; k < h; k++) {
                double zk = z(theta, x, d, k, i);
                f += theta[h * d + k] * slope(mode, k, i, zk, gamma) * zk;
            }
            rho[i] = f - y[i];
        }
        return rho;
    }

    private static double slope(Mode mode, int k, int i, double zk, double gamma) {
        if (mode == null) return zk > 0 ? 1 : gamma;
        return mode.side(k, i) < 0 ? gamma : 1;
    }

    /** ȧ_k = −(η_a/n) Σ_i ρ_i c_ki z_ki, ẇ_k = −(η_w a_k/n) (I − P_k) Σ_{i not sliding} ρ_i c_ki x_i */
    private static double[] directFlow(double[] theta, Mode mode, double[] x, double[] y, int d, int h, int n,
                                       double gamma, double etaW, double etaA) {
        double[] rho = residuals(theta, mode, x, y, d, h, n, gamma), out = new double[theta.length];
        for (int k = 0; k < h; k++) {
            double ga = 0;
            double[] xi = new double[d];
            for (int i = 0; i < n; i++) {
                double zk = z(theta, x, d, k, i), c = slope(mode, k, i, zk, gamma);
                ga += rho[i] * c * zk;
                if (mode.isSliding(k, i)) continue;
                for (int col = 0; col < d; col++) xi[col] += rho[i] * c * x[i * d + col];
            }
            out[h * d + k] = -etaA * ga / n;
            mode.project(k, xi);
            for (int col = 0; col < d; col++) out[k * d + col] = -etaW * theta[h * d + k] / n * xi[col];
        }
        return out;
    }

    /** ∂ℒ/∂a_k = (1/n) Σ_i ρ_i σ(z_ki), ∂ℒ/∂w_k = (a_k/n) Σ_i ρ_i σ'(z_ki) x_i */
    private static double[] directGradient(double[] theta, double[] x, double[] y, int d, int h, int n, double gamma) {
        double[] rho = residuals(theta, null, x, y, d, h, n, gamma), out = new double[theta.length];
        for (int k = 0; k < h; k++) {
            for (int i = 0; i < n; i++) {
                double zk = z(theta, x, d, k, i), c = zk > 0 ? 1 : gamma;
                out[h * d + k] += rho[i] * c * zk / n;
                for (int col = 0; col < d; col++) out[k * d + col] += theta[h * d + k] / n * rho[i] * c * x[i * d + col];
            }
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 0, what + ": a nonzero field");
        for (int j = 0; j < expected.length; j++)
            assertEquals(expected[j], actual[j], ROUNDING * scale, what + ", entry " + j);
    }
}
