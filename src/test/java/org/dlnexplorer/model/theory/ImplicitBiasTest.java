package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 002 Theorem 1 (implicit bias at interpolation, low-rank Σxx) against the engine's converged β. */
class ImplicitBiasTest {
    /** the engine's β at t = DURATION is converged to about this much */
    private static final double CONVERGED = 1e-7;
    private static final double DURATION = 400;
    private static final DMatrixRMaj SIGMA = new DMatrixRMaj(new double[][]{{0.25, 0.5}, {0.5, 1.0}});
    private static final double[] BETA_STAR = {0.44, 0.88};
    private static final double[] BETA_0 = {0.4, 0.05};

    private static double[] converged(Network net, Task task, double a0, double[] w0) {
        double[] theta = {w0[0], w0[1], a0};
        var spec = EngineComparison.spec("bias", net, task, theta, DURATION, 3);
        Trajectory tr = TheoryRun.run(spec);
        assertFalse(tr.exact().available(), "no exact trajectory for non-whitened inputs");
        assertTrue(tr.exact().reason().contains("implicit bias"));
        Frame last = tr.last();
        double[][] w = last.weights();
        assertTrue(last.loss() < 1e-20, "interpolates");
        return new double[]{w[1][0] * w[0][0], w[1][0] * w[0][1], Math.signum(w[1][0])};
    }

    @Test
    void theoremOnePredictsTheInterpolantTheEngineConvergesTo() {
        Task task = Task.withCovariance(new DMatrixRMaj(1, 2, true, BETA_STAR), SIGMA);
        int checked = 0;
        for (double[] rates : new double[][]{{1, 1}, {0.5, 2}}) {
            double etaW = rates[0], etaA = rates[1];
            Network net = new Network(new int[]{2, 1, 1}, new double[]{etaW, etaA});
            for (double delta : new double[]{-3, -1, -0.25, 0, 0.25, 1, 3}) {
                double b0 = Math.sqrt(NeuronFlow.dot(BETA_0, BETA_0));
                // η_w a² − η_a‖w‖² = δ with a‖w‖ = ‖β0‖
                double a2 = (delta + Math.sqrt(delta * delta + 4 * etaA * etaW * b0 * b0)) / (2 * etaW);
                double a0 = Math.sqrt(a2);
                double[] w0 = {BETA_0[0] / a0, BETA_0[1] / a0};
                double[] sim = converged(net, task, a0, w0);
                assertTrue(sim[2] > 0, "a0 > 0 with β0 in this basin keeps a > 0");
                double[] pred = NeuronFlow.implicitBias(SIGMA, BETA_STAR, BETA_0, delta, etaA, etaW);
                double[] fromSpec = NeuronFlow.implicitBias(EngineComparison.spec("b", net, task,
                        new double[]{w0[0], w0[1], a0}, 1, 2), false);
                assertEquals(pred[0], fromSpec[0], 1e-10);   // δ recomputed from (a0, w0)
                assertEquals(pred[1], fromSpec[1], 1e-10);
                double[] closed = NeuronFlow.implicitBiasOneDimensional(BETA_STAR, new double[]{2, -1}, BETA_0,
                        delta, etaA, etaW);
                for (int i = 0; i < 2; i++) {
                    assertEquals(closed[i], pred[i], 1e-12, "closed form vs Newton, δ=" + delta);
                    assertEquals(pred[i], sim[i], CONVERGED, "δ=" + delta + " rates " + etaW + "," + etaA);
                }
                checked++;
            }
        }
        assertTrue(checked >= 10, "Theorem 1 checked on " + checked + " runs");
    }

    @Test
    void whenAChangesSignTheLimitIsTheoremOneForMinusBetaZero() {
        // random starts on the SPEC low-rank task, random rates; every run that interpolates is predicted, with
        // σ = sgn(a(∞)a(0)) read off the run (σ = −1: seed 002's conjectured "β* − αv", proved via w − w0 ∈ range Σxx)
        Task task = Task.withCovariance(new DMatrixRMaj(1, 2, true, BETA_STAR), SIGMA);
        java.util.Random rng = new java.util.Random(4);
        int flipped = 0;
        for (int i = 0; i < 30; i++) {
            double etaW = 0.5 + rng.nextDouble(), etaA = 0.5 + rng.nextDouble();
            Network net = new Network(new int[]{2, 1, 1}, new double[]{etaW, etaA});
            double[] w0 = {rng.nextGaussian(), rng.nextGaussian()};
            double a0 = 0.6 * rng.nextGaussian();
            double[] beta0 = {a0 * w0[0], a0 * w0[1]};
            double delta = etaW * a0 * a0 - etaA * NeuronFlow.dot(w0, w0);
            double[] sim = converged(net, task, a0, w0);
            boolean changes = Math.signum(sim[2]) != Math.signum(a0);
            if (changes) flipped++;
            double[] pred = NeuronFlow.implicitBias(SIGMA, BETA_STAR, beta0, delta, etaA, etaW, changes);
            for (int k = 0; k < 2; k++) assertEquals(pred[k], sim[k], CONVERGED, "run " + i + " δ=" + delta);
        }
        assertTrue(flipped >= 5, "runs with a sign change: " + flipped);
    }

    @Test
    void largeNegativeDeltaPreservesTheInitialDirectionAndSmallInitGivesMinimumNorm() {
        // δ → −∞: β(∞) → the interpolant closest in direction to β0; δ ≥ 0, ‖β0‖ → 0: minimum norm β_p
        double[] minNorm = NeuronFlow.implicitBias(SIGMA, BETA_STAR, new double[]{1e-9, 1e-10}, 1.0, 1, 1);
        assertEquals(0.44, minNorm[0], 1e-6);
        assertEquals(0.88, minNorm[1], 1e-6);
        double[] down = NeuronFlow.implicitBias(SIGMA, BETA_STAR, BETA_0, -1e4, 1, 1);
        double cos = NeuronFlow.dot(down, BETA_0) / Math.sqrt(NeuronFlow.dot(down, down) * NeuronFlow.dot(BETA_0, BETA_0));
        double[] mid = NeuronFlow.implicitBias(SIGMA, BETA_STAR, BETA_0, 0, 1, 1);
        double cosMid = NeuronFlow.dot(mid, BETA_0) / Math.sqrt(NeuronFlow.dot(mid, mid) * NeuronFlow.dot(BETA_0, BETA_0));
        assertTrue(cos > cosMid);
    }

    @Test
    void twoDimensionalNullSpaceAgreesWithTheEngine() {
        double[] v = {1, 2, 2};
        DMatrixRMaj sigma = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) sigma.set(i, j, v[i] * v[j] / 9.0);
        double[] betaStar = {0.3, 0.6, 0.6};
        double[] beta0 = {0.5, -0.2, 0.1};
        Task task = Task.withCovariance(new DMatrixRMaj(1, 3, true, betaStar), sigma);
        Network net = new Network(3, 1, 1);
        for (double delta : new double[]{-0.5, 0, 1}) {
            double b0 = Math.sqrt(NeuronFlow.dot(beta0, beta0));
            double a0 = Math.sqrt((delta + Math.sqrt(delta * delta + 4 * b0 * b0)) / 2);
            double[] theta = {beta0[0] / a0, beta0[1] / a0, beta0[2] / a0, a0};
            Trajectory tr = TheoryRun.run(EngineComparison.spec("bias3", net, task, theta, DURATION, 3));
            double[][] w = tr.last().weights();
            double[] pred = NeuronFlow.implicitBias(sigma, betaStar, beta0, delta, 1, 1, w[1][0] < 0);
            for (int i = 0; i < 3; i++) assertEquals(pred[i], w[1][0] * w[0][i], CONVERGED, "δ=" + delta);
        }
    }
}
