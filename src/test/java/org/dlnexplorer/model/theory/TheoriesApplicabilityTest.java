package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Theories.evaluate offers a curve only where an exact solution applies, and says why otherwise. */
class TheoriesApplicabilityTest {
    private static final DMatrixRMaj T = new DMatrixRMaj(new double[][]{{3, 0}, {0, 1}});
    private static final double[] GRID = {0, 0.5, 1};

    private static SimulationSpec spec(Network net, Task task, Scheme scheme, double tau, double delta, Method method) {
        double[] theta = Initializer.initialize(net, task, scheme, tau, delta, 3, null);
        return SimulationSpec.builder(net, task, theta).name("s").scheme(scheme).scale(tau).delta(delta).seed(3)
                .method(method).grid(1, 3).learningRate(0.1).tolerances(1e-11, 1e-13).build();
    }

    private static void assertUnavailable(SimulationSpec spec, String fragment) {
        TheoryResult r = Theories.evaluate(spec, GRID);
        assertFalse(r.available());
        assertNotNull(r.reason());
        assertTrue(r.reason().contains(fragment), r.reason());
        assertEquals(null, r.singularValues());
    }

    private static void assertModel(SimulationSpec spec, String model) {
        TheoryResult r = Theories.evaluate(spec, GRID);
        assertTrue(r.available(), r.reason());
        assertEquals(model, r.model());
        assertEquals(GRID.length, r.singularValues().length);
        assertEquals(2, r.singularValues()[0].length);
    }

    @Test
    void randomInitializationsHaveNoExactSolution() {
        Task task = Task.whitened(T);
        assertUnavailable(spec(new Network(2, 3, 2), task, Scheme.GAUSSIAN, 0.1, 0, Method.GRADIENT_FLOW), "task-aligned");
        assertUnavailable(spec(new Network(2, 2, 2, 2), task, Scheme.ORTHOGONAL, 0.1, 0, Method.GRADIENT_FLOW), "task-aligned");
        assertUnavailable(spec(new Network(2, 2, 2, 2), task, Scheme.RESIDUAL, 0.5, 0, Method.GRADIENT_FLOW), "task-aligned");
    }

    @Test
    void deepUnbalancedRunsAreExactButModeMixingCovariancesAreNot() {
        // depth 3, δ ≠ 0: exact (one-dimensional implicit solution), also for Σxx diagonal in T's basis
        assertModel(spec(new Network(2, 2, 2, 2), Task.whitened(T), Scheme.ALIGNED, 0.1, 1.0, Method.GRADIENT_FLOW),
                "lambda-balanced");
        DMatrixRMaj sxx = new DMatrixRMaj(new double[][]{{1, 0}, {0, 2}});
        assertModel(spec(new Network(2, 2, 2, 2), Task.withCovariance(T, sxx), Scheme.ALIGNED, 0.1, 1.0,
                Method.GRADIENT_FLOW), "lambda-balanced");
        assertModel(spec(new Network(2, 2, 2, 2), Task.withCovariance(T, sxx), Scheme.ALIGNED, 0.1, 0.0,
                Method.GRADIENT_FLOW), "saxe");
        // a non-whitened Σxx that mixes T's input directions couples the modes: depth 3 with δ ≠ 0, and depth 2
        DMatrixRMaj mixing = new DMatrixRMaj(new double[][]{{1, 0.5}, {0.5, 2}});
        assertUnavailable(spec(new Network(2, 2, 2, 2), Task.withCovariance(T, mixing), Scheme.ALIGNED, 0.1, 1.0,
                Method.GRADIENT_FLOW), "not an eigenvector of Σxx");
        assertUnavailable(spec(new Network(2, 2, 2), Task.withCovariance(T, mixing), Scheme.ALIGNED, 0.1, 0.0,
                Method.GRADIENT_FLOW), "not an eigenvector of Σxx");
        sxx = mixing;
        assertUnavailable(spec(new Network(2, 1, 1), Task.withCovariance(new DMatrixRMaj(1, 2, true, 1, 0), sxx),
                Scheme.GAUSSIAN, 0.1, 0, Method.GRADIENT_FLOW), "implicit bias");
    }

    @Test
    void gradientDescentGetsNoGradientFlowCurveButRk4Does() {
        assertUnavailable(spec(new Network(2, 2, 2), Task.whitened(T), Scheme.ALIGNED, 0.1, 0, Method.GRADIENT_DESCENT),
                "gradient flow");
        assertModel(spec(new Network(2, 2, 2), Task.whitened(T), Scheme.ALIGNED, 0.1, 0, Method.GRADIENT_FLOW_RK4), "saxe");
    }

    @Test
    void aPerturbedAlignedStartIsNotMistakenForAnAlignedOne() {
        SimulationSpec s = spec(new Network(2, 2, 2), Task.whitened(T), Scheme.ALIGNED, 0.1, 0, Method.GRADIENT_FLOW);
        double[] theta = s.theta0();
        theta[1] += 1e-7;
        SimulationSpec p = SimulationSpec.builder(s.network(), s.task(), theta).name("p").scheme(Scheme.EXPLICIT)
                .method(Method.GRADIENT_FLOW).grid(1, 3).tolerances(1e-11, 1e-13).build();
        assertUnavailable(p, "task-aligned");
    }

    @Test
    void alignedAndSingleNeuronRunsNameTheirModel() {
        assertModel(spec(new Network(2, 2, 2, 2, 2), Task.whitened(T), Scheme.ALIGNED, 0.1, 0, Method.GRADIENT_FLOW), "saxe");
        assertModel(spec(new Network(2, 5, 2), Task.whitened(T), Scheme.ALIGNED, 0.1, -2, Method.GRADIENT_FLOW),
                "lambda-balanced");
        assertModel(spec(new Network(2, 2, 2), Task.whitened(T), Scheme.ALIGNED, 0.1, 0, Method.GRADIENT_FLOW), "saxe");
        TheoryResult r = Theories.evaluate(spec(new Network(2, 1, 1), Task.whitened(new DMatrixRMaj(1, 2, true, 0, 1)),
                Scheme.GAUSSIAN, 0.3, -1, Method.GRADIENT_FLOW), GRID);
        assertTrue(r.available(), r.reason());
        assertEquals("single-neuron", r.model());
        assertEquals(2, r.weights()[0][0].length);   // W_1 = wᵀ (1×2)
        assertEquals(1, r.weights()[0][1].length);   // W_2 = a
        assertNotNull(r.kernelDistance());
    }

    @Test
    void alignmentIsDetectedInsideADegenerateTargetCluster() {
        // T = diag(2, 2, 1); W_eff(0) is diagonal in a basis rotated inside T's degenerate block, and itself
        // degenerate across blocks: only a joint diagonalization finds the modes
        double th = 0.4;
        double[] a = {Math.cos(th), Math.sin(th), 0}, b = {-Math.sin(th), Math.cos(th), 0}, e = {0, 0, 1};
        DMatrixRMaj w = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                w.set(i, j, Math.sqrt(0.1) * a[i] * a[j] + Math.sqrt(0.05) * (b[i] * b[j] + e[i] * e[j]));
        // rotate everything by a random Q: T → Q T Qᵀ, W_1 → W Qᵀ, W_2 → Q W (still balanced and aligned)
        DMatrixRMaj q = Initializer.randomOrthogonal(3, 3, new java.util.Random(8));
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{2, 0, 0}, {0, 2, 0}, {0, 0, 1}});
        DMatrixRMaj qt = new DMatrixRMaj(3, 3), tq = new DMatrixRMaj(3, 3), w1 = new DMatrixRMaj(3, 3), w2 = new DMatrixRMaj(3, 3);
        org.ejml.dense.row.CommonOps_DDRM.mult(q, t, qt);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(qt, q, tq);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(w, q, w1);
        org.ejml.dense.row.CommonOps_DDRM.mult(q, w, w2);
        Network net = new Network(3, 3, 3);
        Task task = Task.whitened(tq);
        double[] theta = org.dlnexplorer.model.objective.Objective.flatten(net, new DMatrixRMaj[]{w1, w2});
        EngineComparison.compare(EngineComparison.spec("cluster", net, task, theta, 3, 31), "saxe");
    }
}
