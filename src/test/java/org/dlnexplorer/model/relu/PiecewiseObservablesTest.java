package org.dlnexplorer.model.relu;

import org.dlnexplorer.model.observe.Frame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The piecewise family's frame against direct computations: the NTK from the Jacobian, Hamming, distances. */
class PiecewiseObservablesTest {
    static final double FD_STEP = 1e-6;
    /** the Jacobian by central differences is exact for f linear in each parameter away from kinks: round-off only */
    static final double NTK_AGREEMENT = 1e-8;
    static final double KINK_MARGIN = 1e-3;

    @Test
    void ntkIsTheRatedGramOfTheJacobian() {
        for (double gamma : new double[] {0.0, 0.3}) {
            ReluFixtures.Problem p = ReluFixtures.problem(3, 5, 2, 8, 0, gamma, 0.6, 1.7, 0.9, 11);
            PiecewiseNet net = p.net();
            double[] theta = p.theta(), x = p.data().x();
            int n = 8, d = 3, h = 5, np = theta.length;
            double[] z = new double[h * n];
            net.preactivations(theta, z);
            for (double v : z) assertTrue(Math.abs(v) > KINK_MARGIN, "test point too close to a kink");
            double[][] jac = new double[n][np];
            for (int j = 0; j < np; j++) {
                double[] plus = theta.clone(), minus = theta.clone();
                plus[j] += FD_STEP;
                minus[j] -= FD_STEP;
                for (int i = 0; i < n; i++)
                    jac[i][j] = (PiecewiseNet.output(plus, d, h, gamma, x, i * d)
                            - PiecewiseNet.output(minus, d, h, gamma, x, i * d)) / (2 * FD_STEP);
            }
            double[] k = new PiecewiseObservables(p.network(), p.data()).kernel(theta);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    double direct = 0;
                    for (int q = 0; q < np; q++) direct += jac[i][q] * jac[j][q] * (q < h * d ? 0.6 : 1.7);
                    assertEquals(direct, k[i * n + j], NTK_AGREEMENT * Math.max(1, Math.abs(direct)), "K[" + i + "][" + j + "]");
                }
        }
    }

    @Test
    void frameCountsPatternChangesDistanceDriftAndTestLoss() {
        ReluFixtures.Problem p = ReluFixtures.problem(2, 6, 3, 10, 40, 0.0, 1.0, 1.0, 0.8, 5);
        PiecewiseObservables obs = new PiecewiseObservables(p.network(), p.data());
        double[] theta0 = p.theta();
        obs.setInitial(theta0);
        double[] theta = theta0.clone();
        theta[0] = -theta[0];            // flips w_0's first coordinate: some of neuron 0's pattern changes
        theta[12] += 0.5;                // a_0
        Frame f = obs.frame(1, 1, 1.0, theta);
        PiecewiseNet net = p.net();
        double[] z0 = new double[60], z1 = new double[60];
        net.preactivations(theta0, z0);
        net.preactivations(theta, z1);
        int differ = 0;
        for (int j = 0; j < 60; j++) if ((z0[j] > 0) != (z1[j] > 0)) differ++;
        assertTrue(differ > 0, "the perturbation changed no activation");
        assertEquals(differ / 60.0, f.hamming(), 0.0);
        double dist = Math.hypot(2 * theta0[0], 0.5);
        assertEquals(dist, f.parameterDistance(), 1e-15);
        double a0 = theta0[12], w0 = theta0[0] * theta0[0] + theta0[1] * theta0[1];
        // δ_0 = a² − ‖w‖²: ‖w_0‖ is unchanged by the sign flip, a_0 moved by 0.5
        assertEquals(Math.abs((a0 + 0.5) * (a0 + 0.5) - a0 * a0), f.balanceDrift(), 1e-14);
        assertEquals(net.loss(theta), f.loss(), 0.0);
        double[] tx = p.data().testX(), ty = p.data().testY();
        double s = 0;
        for (int j = 0; j < 40; j++) {
            double r = PiecewiseNet.output(theta, 2, 6, 0.0, tx, 2 * j) - ty[j];
            s += r * r;
        }
        assertEquals(s / 80, f.testLoss(), 1e-15);
        assertTrue(w0 > 0);
        assertEquals(2, f.weights().length);
    }
}
