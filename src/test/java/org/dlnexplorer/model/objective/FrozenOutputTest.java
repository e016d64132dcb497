package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Activation;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.observe.HessianSpectrum;
import org.dlnexplorer.model.observe.Sharpness;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * training.freezeOutput: the gradient over the trainable parameters against central differences of ℒ (and zero on
 * the frozen W_L), sharpness and the Hessian's spectrum against a dense finite-difference Hessian of the trainable
 * block, and the stiff switch's Jacobian against central differences of the flow, on random networks and tasks.
 */
class FrozenOutputTest {
    /** central-difference step in θ */
    private static final double FD_STEP = 1e-5;
    /** agreement with central differences, relative to max(1, scale): O(FD_STEP²) plus round-off/FD_STEP */
    private static final double FD_AGREEMENT = 1e-6;
    /** Lanczos on the exact products reproduces the dense eigenvalues to this, relative */
    private static final double LANCZOS_AGREEMENT = 1e-6;

    private static final int[][] SHAPES = {{3, 3, 3, 1}, {2, 3, 3, 2}, {3, 3, 3, 3, 3, 1}};

    private static Network frozen(int[] widths) {
        return new Network(widths, null, Activation.LINEAR, true);
    }

    private static Task task(Network net, Random rng, boolean whitened) {
        DMatrixRMaj t = new DMatrixRMaj(net.outputDim(), net.inputDim());
        for (int i = 0; i < t.data.length; i++) t.data[i] = rng.nextGaussian();
        if (whitened) return Task.whitened(t);
        int n0 = net.inputDim();
        DMatrixRMaj x = new DMatrixRMaj(n0, n0), sxx = new DMatrixRMaj(n0, n0);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextGaussian();
        CommonOps_DDRM.multTransB(x, x, sxx);
        for (int i = 0; i < n0; i++) sxx.add(i, i, 0.5);
        return Task.withCovariance(t, sxx);
    }

    private static double[] theta(Network net, Random rng) {
        double[] th = new double[net.parameterCount()];
        for (int i = 0; i < th.length; i++) th[i] = 0.8 * rng.nextGaussian();
        return th;
    }

    @Test
    void theTrainableBlockIsAPrefixWithoutTheOutputLayer() {
        Network net = frozen(new int[]{3, 3, 3, 1});
        assertEquals(21, net.parameterCount());
        assertEquals(18, net.trainableCount());
        assertTrue(net.trains(2));
        assertFalse(net.trains(3));
        assertEquals(net.parameterCount(), new Network(3, 3, 3, 1).trainableCount());
        assertThrows(IllegalArgumentException.class, () -> new Network(new int[]{3, 1}, null, Activation.LINEAR, true));
    }

    @Test
    void gradientMatchesCentralDifferencesOverTheTrainableParametersAndIsZeroOnTheFrozenLayer() {
        Random rng = new Random(41);
        for (int s = 0; s < SHAPES.length; s++) {
            Network net = frozen(SHAPES[s]);
            Objective obj = new Objective(net, task(net, rng, s != 1));
            double[] th = theta(net, rng);
            double[] g = new double[th.length], flow = new double[th.length];
            obj.gradient(th, g);
            obj.flow(th, flow);
            int m = net.trainableCount();
            double worst = 0, scale = 1;
            for (int i = 0; i < m; i++) {
                double[] tp = th.clone(), tm = th.clone();
                tp[i] += FD_STEP;
                tm[i] -= FD_STEP;
                double fd = (obj.loss(tp) - obj.loss(tm)) / (2 * FD_STEP);
                worst = Math.max(worst, Math.abs(fd - g[i]));
                scale = Math.max(scale, Math.abs(fd));
                assertEquals(-g[i], flow[i], 1e-15 * Math.max(1, Math.abs(g[i])), "dθ/dt = −∇ℒ on the trainable block");
            }
            assertTrue(worst <= FD_AGREEMENT * scale, Arrays.toString(SHAPES[s]) + ": " + worst);
            // the frozen layer's true partial derivatives are not zero here; the gradient the training follows is
            double frozenPartial = 0;
            for (int i = m; i < th.length; i++) {
                assertEquals(0.0, Math.abs(g[i]));
                assertEquals(0.0, Math.abs(flow[i]));
                double[] tp = th.clone(), tm = th.clone();
                tp[i] += FD_STEP;
                tm[i] -= FD_STEP;
                frozenPartial = Math.max(frozenPartial, Math.abs(obj.loss(tp) - obj.loss(tm)) / (2 * FD_STEP));
            }
            assertTrue(frozenPartial > 1e-3, "the test point is not a critical point in W_L");
        }
    }

    @Test
    void sharpnessAndSpectrumAreThoseOfTheFiniteDifferenceHessianOfTheTrainableBlock() {
        Random rng = new Random(43);
        for (int s = 0; s < SHAPES.length; s++) {
            Network net = frozen(SHAPES[s]);
            Task task = task(net, rng, s != 2);
            Objective obj = new Objective(net, task);
            double[] th = theta(net, rng);
            int m = net.trainableCount();
            double[] hTT = finiteDifferenceHessian(new Objective(new Network(SHAPES[s]), task), th, m);
            double[] dense = eigenvalues(hTT, m);
            double top = Math.max(Math.abs(dense[0]), Math.abs(dense[m - 1]));
            assertEquals(dense[m - 1], new Sharpness(obj).compute(th), LANCZOS_AGREEMENT * Math.max(1, top) + FD_AGREEMENT * top);
            double[] lanczos = new HessianSpectrum(obj).eigenvalues(th);
            assertEquals(m, lanczos.length, "the spectrum has one eigenvalue per trainable parameter");
            for (int i = 0; i < m; i++)
                assertEquals(dense[i], lanczos[i], FD_AGREEMENT * Math.max(1, top), Arrays.toString(SHAPES[s]) + " λ_" + i);
            // the full Hessian (W_L trainable) differs: freezing is not a no-op on the readout
            double[] full = new HessianSpectrum(new Objective(new Network(SHAPES[s]), task)).eigenvalues(th);
            assertNotEquals(full[full.length - 1], lanczos[m - 1], 1e-6 * top);
        }
    }

    @Test
    void theStiffSwitchsJacobianIsTheFlowsOnTheTrainableBlockAndZeroOnTheFrozenOne() {
        Random rng = new Random(47);
        Network net = frozen(SHAPES[0]);
        Task task = task(net, rng, true);
        Objective obj = new Objective(net, task);
        double[] th = theta(net, rng);
        int n = th.length, m = net.trainableCount();
        double[] j = new FlowJacobian(new Objective(net, task)).dense(th);
        double[] plus = new double[n], minus = new double[n];
        double worst = 0, scale = 1;
        for (int c = 0; c < m; c++) {
            double[] tp = th.clone(), tm = th.clone();
            tp[c] += FD_STEP;
            tm[c] -= FD_STEP;
            obj.flow(tp, plus);
            obj.flow(tm, minus);
            for (int r = 0; r < n; r++) {
                double fd = (plus[r] - minus[r]) / (2 * FD_STEP);
                worst = Math.max(worst, Math.abs(fd - j[r * n + c]));
                scale = Math.max(scale, Math.abs(fd));
            }
        }
        assertTrue(worst <= FD_AGREEMENT * scale, "J on the trainable columns: " + worst);
        for (int r = 0; r < n; r++)
            for (int c = m; c < n; c++) assertEquals(0.0, Math.abs(j[r * n + c]), "a frozen column (the flow's state there never moves)");
        for (int r = m; r < n; r++)
            for (int c = 0; c < n; c++) assertEquals(0.0, Math.abs(j[r * n + c]), "a frozen row: dW_L/dt = 0");
    }

    @Test
    void aFrozenRunConservesTheBalancesBetweenTrainedLayersOnlyAndNoTheorySaysOtherwise() {
        Network net = frozen(new int[]{3, 3, 3, 3, 1});
        Task task = Task.whitened(new DMatrixRMaj(new double[][]{{1, 0.5, -0.5}}));
        double[] theta0 = org.dlnexplorer.model.init.Initializer.initialize(net, task,
                org.dlnexplorer.model.init.Scheme.RESIDUAL, 1.0, 0, 2, null);
        var spec = org.dlnexplorer.model.engine.SimulationSpec.builder(net, task, theta0).name("frozen")
                .scheme(org.dlnexplorer.model.init.Scheme.RESIDUAL).grid(10, 50).build();
        var tr = org.dlnexplorer.model.engine.Simulation.simulate(spec);
        assertTrue(tr.last().loss() < 1e-12, "the trained layers fit β* with p fixed");
        double[][] w0 = tr.frames().get(0).weights(), w1 = tr.last().weights();
        assertArrayEquals(new double[]{1, 0, 0}, w0[3], 0.0, "W_L(0) = pᵀ = e₁ᵀ");
        assertArrayEquals(w0[3], w1[3], 0.0, "W_L never moves");
        // the recorded drift (D_1, D_2) stays at the integrator's round-off …
        for (var f : tr.frames()) assertTrue(f.balanceDrift() < 1e-8, "t = " + f.t() + ": " + f.balanceDrift());
        // … while D_3 = W_4ᵀW_4 − W_3W_3ᵀ, which holds the frozen layer, moves by O(1)
        double moved = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                double a0 = w0[3][i] * w0[3][j], b0 = 0, a1 = w1[3][i] * w1[3][j], b1 = 0;
                for (int k = 0; k < 3; k++) { b0 += w0[2][i * 3 + k] * w0[2][j * 3 + k]; b1 += w1[2][i * 3 + k] * w1[2][j * 3 + k]; }
                moved = Math.max(moved, Math.abs((a1 - b1) - (a0 - b0)));
            }
        assertTrue(moved > 1e-2, "D_{L−1} changes: " + moved);
        assertFalse(tr.exact() != null && tr.exact().available());
        for (var r : org.dlnexplorer.model.theory.Overlays.evaluateAll(org.dlnexplorer.model.theory.OverlayInput.of(spec)))
            assertFalse(r.available(), r.id() + " assumes every layer trains");
        assertNotNull(org.dlnexplorer.model.theory.LayerLemma.whyNot(net, true));
    }

    /** H_TT from central differences of the full gradient (no Hessian-vector product), symmetrised, m × m */
    private static double[] finiteDifferenceHessian(Objective all, double[] th, int m) {
        int n = th.length;
        double[] h = new double[m * m], gp = new double[n], gm = new double[n];
        for (int c = 0; c < m; c++) {
            double[] tp = th.clone(), tm = th.clone();
            tp[c] += FD_STEP;
            tm[c] -= FD_STEP;
            all.gradient(tp, gp);
            all.gradient(tm, gm);
            for (int r = 0; r < m; r++) h[r * m + c] = (gp[r] - gm[r]) / (2 * FD_STEP);
        }
        for (int r = 0; r < m; r++)
            for (int c = r + 1; c < m; c++) {
                double v = 0.5 * (h[r * m + c] + h[c * m + r]);
                h[r * m + c] = v;
                h[c * m + r] = v;
            }
        return h;
    }

    private static double[] eigenvalues(double[] h, int m) {
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        System.arraycopy(h, 0, a.data, 0, m * m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        assertTrue(eig.decompose(a));
        double[] ev = new double[m];
        for (int i = 0; i < m; i++) ev[i] = eig.getEigenvalue(i).real;
        Arrays.sort(ev);
        return ev;
    }
}
