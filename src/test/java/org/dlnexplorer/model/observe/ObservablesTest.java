package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ObservablesTest {
    static final double SHARPNESS_TOLERANCE = 1e-6;

    @Test
    void kernelDistanceIsZeroAtStartAndWithinUnitInterval() {
        Random rng = new Random(8);
        Network net = new Network(3, 6, 3);
        Task task = Task.whitened(Fixtures.randomMatrix(3, 3, rng, 2.0));
        Trajectory tr = Simulation.simulate(Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.05, 0.0, 1, Method.GRADIENT_FLOW, 8.0, 41, 0));
        assertEquals(0.0, tr.frames().get(0).kernelDistance(), 1e-15);
        for (Frame f : tr.frames()) assertTrue(f.kernelDistance() >= 0 && f.kernelDistance() <= 1);
        assertTrue(tr.last().kernelDistance() > 0.05, "small init learns features: S = " + tr.last().kernelDistance());
    }

    @Test
    void kernelDistanceIsInvariantToRescalingAllOutputs() {
        // outputs f → c·f give K → c²K at every time; S(0,t) must not change
        Random rng = new Random(12);
        Network net = new Network(2, 3, 2);
        Task task = Task.whitened(Fixtures.randomMatrix(2, 2, rng, 1.0));
        Observables obs = new Observables(net, task, new Objective(net, task), false);
        double[] t0 = Fixtures.randomVector(net.parameterCount(), rng);
        double[] t1 = Fixtures.randomVector(net.parameterCount(), rng);
        DMatrixRMaj a = obs.ntkMatrix(t0), b = obs.ntkMatrix(t1);
        double s = Observables.kernelDistance(a, b);
        double c = 3.7;
        CommonOps_DDRM.scale(c * c, a);
        CommonOps_DDRM.scale(c * c, b);
        assertEquals(s, Observables.kernelDistance(a, b), 1e-13);
        obs.setInitial(t0);
        assertEquals(s, obs.frame(1, 0, 1, t1).kernelDistance(), 1e-12);
        assertTrue(s > 0);
    }

    @Test
    void kroneckerDistanceEqualsDistanceOfTheFullNtkMatrix() {
        Random rng = new Random(13);
        Network net = new Network(new int[]{3, 4, 2, 2}, new double[]{1.0, 0.5, 2.0});
        Task task = Task.withCovariance(Fixtures.randomMatrix(2, 3, rng, 1.0), Fixtures.randomCovariance(3, rng));
        Observables obs = new Observables(net, task, new Objective(net, task), false);
        double[] t0 = Fixtures.randomVector(net.parameterCount(), rng);
        double[] t1 = Fixtures.randomVector(net.parameterCount(), rng);
        obs.setInitial(t0);
        DMatrixRMaj k0 = obs.ntkMatrix(t0), k1 = obs.ntkMatrix(t1);
        double inner = 0;
        for (int i = 0; i < k0.data.length; i++) inner += k0.data[i] * k1.data[i];
        double expected = 1 - inner / (NormOps_DDRM.normF(k0) * NormOps_DDRM.normF(k1));
        assertEquals(expected, Observables.kernelDistance(k0, k1), 1e-14);
        assertEquals(expected, obs.frame(1, 0, 1, t1).kernelDistance(), 1e-12);
        // the NTK equals J Jᵀ-with-rates: check symmetry and PSD
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k1.numRows, false, true);
        assertTrue(eig.decompose(k1.copy()));
        for (int i = 0; i < k1.numRows; i++) assertTrue(eig.getEigenvalue(i).real > -1e-10);
    }

    @Test
    void sharpnessEqualsTheLargestEigenvalueOfTheDenseHessian() {
        Random rng = new Random(14);
        int[][] shapes = {{2, 2, 2}, {3, 4, 2}, {2, 3, 3, 2}, {4, 1, 1}};
        for (int[] widths : shapes) {
            Network net = new Network(widths);
            Task task = Task.withCovariance(Fixtures.randomMatrix(net.outputDim(), net.inputDim(), rng, 1.0),
                    Fixtures.randomCovariance(net.inputDim(), rng));
            Objective f = new Objective(net, task);
            int n = f.parameterCount();
            double[] theta = Fixtures.randomVector(n, rng);
            DMatrixRMaj h = new DMatrixRMaj(n, n);
            double[] e = new double[n], col = new double[n];
            for (int j = 0; j < n; j++) {
                java.util.Arrays.fill(e, 0);
                e[j] = 1;
                f.hessianVector(theta, e, col);
                for (int i = 0; i < n; i++) h.set(i, j, col[i]);
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            assertTrue(eig.decompose(h));
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) max = Math.max(max, eig.getEigenvalue(i).real);
            double lanczos = new Sharpness(new Objective(net, task)).compute(theta);
            assertEquals(max, lanczos, SHARPNESS_TOLERANCE * Math.abs(max), java.util.Arrays.toString(widths));
        }
    }

    @Test
    void effectiveRankOfEqualSingularValuesIsTheirCount() {
        assertEquals(3.0, Observables.effectiveRank(new double[]{2, 2, 2}), 1e-12);
        assertEquals(1.0, Observables.effectiveRank(new double[]{5, 0, 0}), 1e-12);
        assertEquals(0.0, Observables.effectiveRank(new double[]{0, 0}), 0);
    }
}
