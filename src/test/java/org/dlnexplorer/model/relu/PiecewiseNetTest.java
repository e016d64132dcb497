package org.dlnexplorer.model.relu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loss, gradient and flow of f(x) = aᵀσ(Wx) against independent computations. */
class PiecewiseNetTest {
    /** central differences with step FD_STEP: error O(step²) ≈ 1e-10 on a loss of size 1 */
    static final double FD_STEP = 1e-5;
    static final double FD_AGREEMENT = 1e-7;
    /** a pair closer than this to its surface would make the difference quotient straddle the kink */
    static final double KINK_MARGIN = 1e-3;

    @Test
    void gradientMatchesFiniteDifferencesOfTheLoss() {
        for (double gamma : new double[] {0.0, 0.1, 0.5}) {
            for (long seed = 1; seed <= 4; seed++) {
                ReluFixtures.Problem p = ReluFixtures.problem(3, 6, 2, 15, 0, gamma, 1.0, 1.0, 0.7, seed);
                PiecewiseNet net = p.net();
                double[] theta = p.theta();
                assertTrue(awayFromKinks(net, theta), "test point too close to a kink");
                double[] g = new double[theta.length];
                double loss = net.gradient(theta, g);
                assertEquals(net.loss(theta), loss, 1e-15);
                for (int j = 0; j < theta.length; j++) {
                    double[] plus = theta.clone(), minus = theta.clone();
                    plus[j] += FD_STEP;
                    minus[j] -= FD_STEP;
                    double fd = (net.loss(plus) - net.loss(minus)) / (2 * FD_STEP);
                    assertEquals(fd, g[j], FD_AGREEMENT, "γ = " + gamma + ", seed " + seed + ", parameter " + j);
                }
            }
        }
    }

    @Test
    void lossIsTheMeanSquaredResidualOverTwo() {
        ReluFixtures.Problem p = ReluFixtures.problem(2, 4, 3, 9, 0, 0.2, 1.0, 1.0, 1.0, 7);
        double[] x = p.data().x(), y = p.data().y(), th = p.theta();
        double s = 0;
        for (int i = 0; i < 9; i++) {
            double f = 0;
            for (int k = 0; k < 4; k++) {
                double z = th[2 * k] * x[2 * i] + th[2 * k + 1] * x[2 * i + 1];
                f += th[8 + k] * Math.max(z, 0.2 * z);
            }
            s += (f - y[i]) * (f - y[i]);
        }
        assertEquals(s / 18, p.net().loss(th), 1e-15);
    }

    @Test
    void flowInTheModeOfThetaIsMinusTheRatedGradient() {
        ReluFixtures.Problem p = ReluFixtures.problem(3, 5, 2, 12, 0, 0.1, 0.7, 1.9, 0.8, 3);
        PiecewiseNet net = p.net();
        double[] theta = p.theta(), g = new double[theta.length], f = new double[theta.length];
        net.gradient(theta, g);
        net.flow(theta, net.modeOf(theta), f);
        for (int j = 0; j < theta.length; j++) {
            double rate = j < net.aOffset() ? 0.7 : 1.9;
            assertEquals(-rate * g[j], f[j], 1e-15 * Math.max(1, Math.abs(g[j])));
        }
    }

    private static boolean awayFromKinks(PiecewiseNet net, double[] theta) {
        double[] z = new double[net.hidden() * net.samples()];
        net.preactivations(theta, z);
        for (double v : z) if (Math.abs(v) < KINK_MARGIN) return false;
        return true;
    }
}
