package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Measurements;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Matrix completion and sensing losses: ℒ against the sum over observations written out with EJML's product,
 * ∇ℒ against central differences of ℒ, Hessian-vector products against central differences of ∇ℒ.
 */
class MeasuredObjectiveTest {
    private static final double H = 1e-6;
    /** central differences: O(h²) truncation plus round-off/h */
    private static final double FD_TOLERANCE = 1e-6;

    @Test
    void completionLossGradientAndHessianMatchDirectAndFiniteDifferences() {
        Random rng = new Random(3);
        DMatrixRMaj m = random(3, 4, rng), mask = new DMatrixRMaj(3, 4);
        for (int i = 0; i < mask.data.length; i++) mask.data[i] = rng.nextDouble() < 0.5 ? 1 : 0;
        mask.data[0] = 1;
        Task task = Task.measured(Measurements.completion(m, mask), m);
        Network net = new Network(4, 3, 2, 3);
        check(net, task, rng, (w) -> {
            double s = 0;
            for (int i = 0; i < w.data.length; i++) if (mask.data[i] == 1) s += (w.data[i] - m.data[i]) * (w.data[i] - m.data[i]);
            return 0.5 * s;
        });
        assertEquals(0.0, task.minimumLoss(), 0.0, "observed entries can always be fitted");
    }

    @Test
    void sensingLossGradientAndHessianMatchDirectAndFiniteDifferences() {
        Random rng = new Random(4);
        int count = 7;
        DMatrixRMaj[] a = new DMatrixRMaj[count];
        double[] y = new double[count];
        for (int k = 0; k < count; k++) { a[k] = random(2, 3, rng); y[k] = rng.nextGaussian(); }
        Task task = Task.measured(Measurements.sensing(a, y), null);
        Network net = new Network(3, 4, 2);
        check(net, task, rng, (w) -> {
            double s = 0;
            for (int k = 0; k < count; k++) {
                double r = -y[k];
                for (int i = 0; i < w.data.length; i++) r += a[k].data[i] * w.data[i];
                s += r * r;
            }
            return 0.5 * s;
        });
        assertFalse(task.truthKnown());
    }

    @Test
    void inconsistentMeasurementsLeaveTheirLeastSquaresLoss() {
        // the same A twice with values 1 and 3: the best ⟨A, W⟩ = 2 leaves ½(1 + 1) = 1
        DMatrixRMaj a = new DMatrixRMaj(new double[][]{{1, 2}, {0, -1}});
        Task task = Task.measured(Measurements.sensing(new DMatrixRMaj[]{a, a.copy()}, new double[]{1, 3}), null);
        assertEquals(1.0, task.minimumLoss(), 1e-12);
    }

    @Test
    void gradientFlowAndDescentFitTheObservedEntries() {
        Random rng = new Random(5);
        DMatrixRMaj m = random(3, 3, rng), mask = new DMatrixRMaj(new double[][]{{1, 0, 1}, {0, 1, 1}, {1, 1, 0}});
        Task task = Task.measured(Measurements.completion(m, mask), m);
        Network net = new Network(3, 3, 3);
        double[] theta0 = new double[net.parameterCount()];
        for (int i = 0; i < theta0.length; i++) theta0[i] = 0.1 * rng.nextGaussian();
        for (Method method : new Method[]{Method.GRADIENT_FLOW, Method.GRADIENT_DESCENT}) {
            SimulationSpec spec = SimulationSpec.builder(net, task, theta0).method(method).grid(60, 7)
                    .learningRate(method == Method.GRADIENT_DESCENT ? 0.05 : 0).build();
            Trajectory tr = Simulation.simulate(spec);
            assertFalse(tr.diverged(), method.id());
            assertTrue(tr.last().loss() < 1e-8, method.id() + ": " + tr.last().loss());
        }
    }

    interface Loss { double of(DMatrixRMaj weff); }

    private static void check(Network net, Task task, Random rng, Loss direct) {
        Objective obj = new Objective(net, task);
        int n = net.parameterCount();
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = 0.8 * rng.nextGaussian();
        DMatrixRMaj weff = new DMatrixRMaj(1, 1);
        obj.effectiveWeight(theta, weff);
        assertEquals(direct.of(weff), obj.loss(theta), 1e-12 * Math.max(1, direct.of(weff)));
        double[] g = new double[n];
        obj.gradient(theta, g);
        double[] v = new double[n], hv = new double[n], gp = new double[n], gm = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        obj.hessianVector(theta, v, hv);
        for (int i = 0; i < n; i++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[i] += H;
            tm[i] -= H;
            double fd = (obj.loss(tp) - obj.loss(tm)) / (2 * H);
            assertEquals(fd, g[i], FD_TOLERANCE * Math.max(1, Math.abs(fd)), "∂ℒ/∂θ_" + i);
        }
        double[] tp = theta.clone(), tm = theta.clone();
        for (int i = 0; i < n; i++) { tp[i] += H * v[i]; tm[i] -= H * v[i]; }
        obj.gradient(tp, gp);
        obj.gradient(tm, gm);
        for (int i = 0; i < n; i++) {
            double fd = (gp[i] - gm[i]) / (2 * H);
            assertEquals(fd, hv[i], FD_TOLERANCE * Math.max(1, Math.abs(fd)), "(Hv)_" + i);
        }
    }

    private static DMatrixRMaj random(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return m;
    }
}
