package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Kunin et al. Figure 4b as a continuous curve over δ: the curve (1-D closed form) against the engine's converged
 * interpolant at several δ, against the Newton solve everywhere, and its limits (lazy: nearest interpolant to β0;
 * δ → −∞: the ray through β0; the minimum-norm point).
 */
class ImplicitBiasCurveTest {
    /** the agreement between the curve and converged simulations */
    static final double CONVERGED = 1e-6;
    /** the closed form against the damped-Newton solve */
    static final double NEWTON = 1e-7;
    private static final DMatrixRMaj SIGMA = new DMatrixRMaj(new double[][]{{0.25, 0.5}, {0.5, 1.0}});
    private static final double[] BETA_STAR = {0.44, 0.88};
    private static final double[] BETA_0 = {0.4, 0.05};

    @Test
    void theCurveMeetsConvergedSimulationsAtSeveralDeltas() {
        ImplicitBiasCurve.Curve c = ImplicitBiasCurve.of(SIGMA, BETA_STAR, BETA_0, 1, 1, 8, 17);
        assertNotNull(c);
        assertTrue(c.closedForm());
        Task task = Task.withCovariance(new DMatrixRMaj(1, 2, true, BETA_STAR), SIGMA);
        Network net = new Network(2, 1, 1);
        int checked = 0;
        for (int k = 0; k < c.delta().length; k += 4) {
            double delta = c.delta()[k];
            double b0 = Math.hypot(BETA_0[0], BETA_0[1]);
            double a0 = Math.sqrt((delta + Math.sqrt(delta * delta + 4 * b0 * b0)) / 2);   // a² − ‖w‖² = δ, a‖w‖ = ‖β0‖
            double[] theta = {BETA_0[0] / a0, BETA_0[1] / a0, a0};
            Trajectory tr = Simulation.simulate(EngineComparison.spec("fig4b", net, task, theta, 400, 3));
            double[] end = tr.last().effectiveWeight();
            assertTrue(tr.last().loss() < 1e-20, "converged at δ = " + delta);
            for (int i = 0; i < 2; i++) assertEquals(end[i], c.beta()[k][i], CONVERGED, "β(∞)_" + i + " at δ = " + delta);
            // the curve of a recorded run is the same curve
            ImplicitBiasCurve.Curve fromRun = ImplicitBiasCurve.of(tr, 8, 17);
            assertArrayEquals(c.beta()[k], fromRun.beta()[k], 1e-12);
            assertEquals(delta, ImplicitBiasCurve.delta(tr), 1e-12);
            checked++;
        }
        assertEquals(5, checked);
    }

    @Test
    void closedFormEqualsNewtonAndTheLimitsAreTheLandmarks() {
        ImplicitBiasCurve.Curve c = ImplicitBiasCurve.of(SIGMA, BETA_STAR, BETA_0, 0.5, 2, 20, 41);
        for (int k = 0; k < c.delta().length; k++) {
            double[] newton = NeuronFlow.implicitBias(SIGMA, BETA_STAR, BETA_0, c.delta()[k], 0.5, 2);
            // the Newton solve stops on its step size; far downstream Ψ_δ is flat along the line and it lands ~1e−8 off
            assertArrayEquals(newton, c.beta()[k], NEWTON, "δ = " + c.delta()[k]);
        }
        // landmarks, computed here: minimum-norm interpolant, nearest interpolant to β0, the ray through β0
        double[] v = {2 / Math.sqrt(5), -1 / Math.sqrt(5)};            // null Σxx
        // Σxx = xxᵀ with x = (0.5, 1): the interpolants are xᵀβ = 1.1, the minimum-norm one 1.1·x/‖x‖²
        double[] minNorm = {1.1 * 0.5 / 1.25, 1.1 / 1.25};
        assertArrayEquals(minNorm, c.minNorm(), 1e-12);
        double s = BETA_0[0] * v[0] + BETA_0[1] * v[1];
        assertArrayEquals(new double[]{minNorm[0] + s * v[0], minNorm[1] + s * v[1]}, c.lazy(), 1e-12);
        double ray = 1.1 / (0.5 * BETA_0[0] + BETA_0[1]);
        assertArrayEquals(new double[]{ray * BETA_0[0], ray * BETA_0[1]}, c.downstream(), 1e-12);
        // far upstream the limit is the lazy one, far downstream the ray's
        ImplicitBiasCurve.Curve far = ImplicitBiasCurve.of(SIGMA, BETA_STAR, BETA_0, 1, 1, 1e6, 3);
        assertArrayEquals(c.lazy(), far.beta()[2], 1e-3);
        assertArrayEquals(c.downstream(), far.beta()[0], 1e-2);
    }

    @Test
    void fullRankInputsHaveNoCurve() {
        assertNull(ImplicitBiasCurve.of(new DMatrixRMaj(new double[][]{{1, 0}, {0, 2}}), BETA_STAR, BETA_0, 1, 1, 5, 5));
    }
}
