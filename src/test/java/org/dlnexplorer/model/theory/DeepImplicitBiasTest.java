package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Theorem 15 (seed 002 §4): the overlay's argmin against a direct constrained minimization written here from the
 * theorem's statement (projected gradient descent with backtracking on the affine set Σxxβ = Σxxβ*, the
 * projection from the pseudo-inverse), over random low-rank tasks, depths and starts; and the overlay's
 * applicability decided from the numbers.
 */
class DeepImplicitBiasTest {
    /** the overlay's β(∞) and the direct minimizer agree to this (the direct one's own accuracy) */
    static final double ARGMIN = 1e-7;
    /** ‖P∇Q‖ at the overlay's β(∞), P the projector onto Σxx's null space */
    static final double KKT = 1e-9;

    @Test
    void theArgminAgreesWithADirectConstrainedMinimization() {
        Random r = new Random(15);
        for (int k = 0; k < 40; k++) {
            int d = 2 + r.nextInt(4), n = 1 + r.nextInt(d - 1), seedL = 1 + r.nextInt(6);
            Task task = DeepIsotropicTest.randomTask(d, n, r);
            double[] beta0 = new double[d];
            for (int i = 0; i < d; i++) beta0[i] = r.nextGaussian() * Math.exp(-2 + 2 * r.nextDouble());
            double[] got = DeepIsotropic.implicitBias(task.sigmaXX(), task.target().data, beta0, seedL);
            double[] direct = direct(task.sigmaXX(), task.target().data, beta0, seedL);
            // first-order condition with the test's own null-space projector: P∇Q(β) = 0
            assertEquals(0, projectedGradient(task.sigmaXX(), got, beta0, seedL), KKT, "KKT, case " + k);
            double scale = Math.max(1, Math.sqrt(DeepIsotropicTest.dot(direct, direct)));
            for (int i = 0; i < d; i++) assertEquals(direct[i], got[i], ARGMIN * scale, "β(∞)_" + i + ", case " + k);
            // and it interpolates: Σxx β = Σxx β*
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += task.sigmaXX().get(i, j) * (got[j] - task.target().data[j]);
                assertEquals(0, s, 1e-10 * scale);
            }
        }
    }

    /** Theorem 15 is the δ → 0 limit: the converged engine approaches the argmin as δ shrinks */
    @Test
    void convergedFlowsApproachTheArgminAsDeltaGoesToZero() {
        Task task = Task.withCovariance(new DMatrixRMaj(new double[][]{{0.44, 0.88}}),
                new DMatrixRMaj(new double[][]{{0.25, 0.5}, {0.5, 1.0}}));
        for (int seedL : new int[]{1, 3}) {
            Network net = DeepIsotropicTest.net(2, seedL);
            double[] gap = new double[2];
            double[] deltas = {-1e-4, -1e-6};
            for (int k = 0; k < 2; k++) {
                double[] theta = Initializer.initialize(net, task, Scheme.ISOTROPIC, 0.1, deltas[k], 1, null, new double[]{0.4, 0.05});
                SimulationSpec spec = SimulationSpec.builder(net, task, theta).method(Method.GRADIENT_FLOW)
                        .grid(80, 3).tolerances(1e-12, 1e-14).build();
                var tr = org.dlnexplorer.model.engine.Simulation.simulate(spec);
                OverlayResult res = Overlays.evaluate(Overlays.DEEP_IMPLICIT_BIAS, OverlayInput.of(spec, tr));
                assertTrue(res.available(), res.reason());
                double[] b = res.array("beta"), e = tr.last().effectiveWeight();
                gap[k] = Math.hypot(b[0] - e[0], b[1] - e[1]);
                assertTrue(tr.last().loss() < 1e-20, "converged");
            }
            assertTrue(gap[0] < 1e-3, "δ = −1e−4, L = " + seedL + ": " + gap[0]);
            assertTrue(gap[1] < 3e-2 * gap[0] && gap[1] < 1e-5, "δ = −1e−6, L = " + seedL + ": " + gap[1] + " against " + gap[0]);
        }
    }

    @Test
    void fullRankInputsGiveTheTarget() {
        Random r = new Random(3);
        Task task = DeepIsotropicTest.randomTask(3, 5, r);
        double[] b = DeepIsotropic.implicitBias(task.sigmaXX(), task.target().data, new double[]{0.1, -0.2, 0.05}, 3);
        assertArrayEquals(task.target().data, b, 1e-12);
    }

    @Test
    void appliesExactlyToIsotropicStartsWithBetaZeroNonZero() {
        Random r = new Random(12);
        Overlay o = Overlays.get(DeepImplicitBiasOverlay.ID);
        for (int k = 0; k < 20; k++) {
            int d = 2 + r.nextInt(3), seedL = 1 + r.nextInt(5);
            Network net = DeepIsotropicTest.net(d, seedL);
            Task task = DeepIsotropicTest.randomTask(d, 1, r);
            double delta = -Math.exp(-8 + 6 * r.nextDouble());
            double[] theta = Initializer.initialize(net, task, Scheme.ISOTROPIC, 0.2, delta, k, null);
            OverlayResult res = o.evaluate(OverlayInput.of(spec(net, task, theta, Method.GRADIENT_FLOW)));
            assertTrue(res.available(), res.reason());
            assertEquals(delta, res.number("delta"), 1e-12);
            assertTrue(res.note().contains("|δ|"), res.note());
            // a perturbation of 1e−7 breaks Definition 12
            double[] bent = theta.clone();
            bent[r.nextInt(bent.length)] += 1e-7;
            String why = o.whyNot(OverlayInput.of(spec(net, task, bent, Method.GRADIENT_FLOW)));
            assertNotNull(why);
            assertTrue(why.contains("isotropic"), why);
            // a = 0: β(0) = 0
            double[] zero = Initializer.initialize(net, task, Scheme.ISOTROPIC, 0, delta, k, null);
            assertTrue(o.whyNot(OverlayInput.of(spec(net, task, zero, Method.GRADIENT_FLOW))).contains("β(0) = 0"));
            // gradient descent, a gaussian start, unequal rates
            assertTrue(o.whyNot(OverlayInput.of(spec(net, task, theta, Method.GRADIENT_DESCENT))).contains("gradient descent"));
            double[] gauss = Initializer.initialize(net, task, Scheme.GAUSSIAN, 0.2, 0, k, null);
            assertNotNull(o.whyNot(OverlayInput.of(spec(net, task, gauss, Method.GRADIENT_FLOW))));
            double[] rates = new double[seedL + 1];
            java.util.Arrays.fill(rates, 1);
            rates[0] = 2;
            Network fast = new Network(net.widths(), rates);
            assertTrue(o.whyNot(OverlayInput.of(spec(fast, task, theta, Method.GRADIENT_FLOW))).contains("rate"));
        }
        Network wide = new Network(new int[]{2, 3, 1}, null);
        Task task = DeepIsotropicTest.randomTask(2, 1, r);
        double[] theta = Initializer.initialize(wide, task, Scheme.GAUSSIAN, 0.2, 0, 1, null);
        assertTrue(o.whyNot(OverlayInput.of(spec(wide, task, theta, Method.GRADIENT_FLOW))).contains("[d, d, …, d, 1]"));
    }

    private static SimulationSpec spec(Network net, Task task, double[] theta, Method m) {
        return SimulationSpec.builder(net, task, theta).method(m).learningRate(m == Method.GRADIENT_DESCENT ? 0.01 : 0)
                .grid(1, 2).build();
    }

    /** Q(β) = ((L+1)/(L+2))‖β‖^{(L+2)/(L+1)} − ‖β0‖^{−L/(L+1)} β0ᵀβ, from the theorem */
    static double q(double[] beta, double[] beta0, int seedL) {
        double p = (seedL + 2.0) / (seedL + 1.0);
        double nb = Math.sqrt(DeepIsotropicTest.dot(beta, beta)), n0 = Math.sqrt(DeepIsotropicTest.dot(beta0, beta0));
        return Math.pow(nb, p) / p - Math.pow(n0, -(double) seedL / (seedL + 1)) * DeepIsotropicTest.dot(beta0, beta);
    }

    /** ‖P∇Q(β)‖ */
    static double projectedGradient(DMatrixRMaj sigma, double[] beta, double[] beta0, int seedL) {
        int d = beta.length;
        DMatrixRMaj proj = nullProjector(sigma);
        double n0 = Math.sqrt(DeepIsotropicTest.dot(beta0, beta0)), nb = Math.sqrt(DeepIsotropicTest.dot(beta, beta));
        double c = Math.pow(n0, -(double) seedL / (seedL + 1)), k = (double) seedL / (seedL + 1);
        double[] pg = new double[d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) pg[i] += proj.get(i, j) * (Math.pow(nb, -k) * beta[j] - c * beta0[j]);
        return Math.sqrt(DeepIsotropicTest.dot(pg, pg));
    }

    /** P = Σ v_i v_iᵀ over the singular vectors of Σxx with σ_i ≤ 1e−12 σ_max */
    static DMatrixRMaj nullProjector(DMatrixRMaj sigma) {
        int d = sigma.numRows;
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(d, d, false, true, false);
        assertTrue(svd.decompose(sigma.copy()));
        DMatrixRMaj v = svd.getV(null, false);
        double[] sv = svd.getSingularValues();
        double top = 0;
        for (double x : sv) top = Math.max(top, x);
        DMatrixRMaj proj = new DMatrixRMaj(d, d);
        for (int c = 0; c < d; c++) {
            if (sv[c] > 1e-12 * top) continue;
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) proj.add(i, j, v.get(i, c) * v.get(j, c));
        }
        return proj;
    }

    /** projected gradient descent with Armijo backtracking on {β : Σxxβ = Σxxβ*}; P = Σ v_i v_iᵀ over Σxx's null singular vectors */
    static double[] direct(DMatrixRMaj sigma, double[] betaStar, double[] beta0, int seedL) {
        int d = betaStar.length;
        DMatrixRMaj proj = nullProjector(sigma), ps = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.subtractEquals(ps, proj);
        // start: (I − P)β*, the minimum-norm interpolant
        double[] beta = new double[d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) beta[i] += ps.get(i, j) * betaStar[j];
        double n0 = Math.sqrt(DeepIsotropicTest.dot(beta0, beta0));
        double c = Math.pow(n0, -(double) seedL / (seedL + 1)), k = (double) seedL / (seedL + 1);
        double step = 1;
        for (int it = 0; it < 200_000; it++) {
            double nb = Math.sqrt(DeepIsotropicTest.dot(beta, beta));
            double[] g = new double[d], pg = new double[d];
            for (int i = 0; i < d; i++) g[i] = Math.pow(nb, -k) * beta[i] - c * beta0[i];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) pg[i] += proj.get(i, j) * g[j];
            double gg = DeepIsotropicTest.dot(pg, pg);
            if (gg < 1e-30) break;
            double f0 = q(beta, beta0, seedL);
            step = Math.min(1e3, step * 2);
            double[] next = new double[d];
            while (true) {
                for (int i = 0; i < d; i++) next[i] = beta[i] - step * pg[i];
                if (q(next, beta0, seedL) <= f0 - 1e-4 * step * gg || step < 1e-20) break;
                step /= 2;
            }
            beta = next;
        }
        return beta;
    }
}
