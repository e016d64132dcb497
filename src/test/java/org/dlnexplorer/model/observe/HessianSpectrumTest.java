package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The spectrum of ∇²ℒ (H from exact Hessian-vector products) against a Hessian built by central differences of the gradient (an
 * independent computation: no Hessian-vector product), on small networks at random points and at exact
 * saddles of the saddle-to-saddle path.
 */
class HessianSpectrumTest {
    /** central-difference step in θ */
    private static final double FD_STEP = 1e-5;
    /** agreement of eigenvalues, relative to max(1, ‖H‖): the finite-difference error is O(h²) plus round-off/h */
    private static final double FD_TOLERANCE = 1e-6;
    /** an FD eigenvalue counts as negative below this (it carries ~1e−9 of noise where the exact value is 0) */
    private static final double FD_NEGATIVE = 1e-6;

    @Test
    void wholeSpectrumMatchesFiniteDifferenceHessianAtRandomPoints() {
        Random rng = new Random(11);
        int[][] shapes = {{3, 4, 2}, {2, 3, 3, 2}, {4, 4, 4}, {3, 2, 2, 2, 3}};
        for (int[] widths : shapes) {
            Network net = new Network(widths);
            Task task = Task.whitened(randomMatrix(widths[widths.length - 1], widths[0], rng));
            Objective obj = new Objective(net, task);
            double[] theta = new double[net.parameterCount()];
            for (int i = 0; i < theta.length; i++) theta[i] = 0.7 * rng.nextGaussian();
            double[] spectrum = new HessianSpectrum(obj).eigenvalues(theta);
            double[] fd = finiteDifferenceSpectrum(obj, theta);
            double scale = Math.max(1, Math.max(Math.abs(fd[0]), Math.abs(fd[fd.length - 1])));
            for (int i = 0; i < fd.length; i++)
                assertEquals(fd[i], spectrum[i], FD_TOLERANCE * scale, Arrays.toString(widths) + " eigenvalue " + i);
        }
    }

    @Test
    void repeatedEigenvaluesKeepTheirMultiplicityAtSaddles() {
        // 4-4-4, T = diag(4, 2, 1, 0.5): the balanced saddle that learned the first r modes
        double[] s = {4, 2, 1, 0.5};
        Network net = new Network(4, 4, 4);
        Task task = Task.whitened(CommonOps_DDRM.diag(s));
        Objective obj = new Objective(net, task);
        for (int r = 0; r <= 4; r++) {
            double[] theta = saddle(s, r);
            HessianSpectrum.Result res = new HessianSpectrum(obj).compute(theta);
            double[] fd = finiteDifferenceSpectrum(obj, theta);
            int fdIndex = 0;
            while (fd[fdIndex] < -FD_NEGATIVE) fdIndex++;
            assertEquals(fdIndex, res.index(), "index at r = " + r);
            assertEquals(fd[0], res.min(), FD_TOLERANCE * 16, "λ_min at r = " + r);
            assertEquals(fd[fd.length - 1], res.max(), FD_TOLERANCE * 16, "λ_max at r = " + r);
        }
    }

    @Test
    void indexOfTheTwoLayerSaddleIsFreeHiddenDirectionsTimesUnlearnedModes() {
        // the count THEORY.md derives: (n_1 − r)(k − r) eigenvalues equal to −s_α, α > r (not the lecture note's k − r)
        double[] s = {4, 2, 1, 0.5};
        Objective obj = new Objective(new Network(4, 4, 4), Task.whitened(CommonOps_DDRM.diag(s)));
        for (int r = 0; r <= 4; r++) {
            double[] ev = new HessianSpectrum(obj).eigenvalues(saddle(s, r));
            assertEquals((4 - r) * (4 - r), HessianSpectrum.index(ev), "r = " + r);
            if (r < 4) assertEquals(-s[r], ev[0], 1e-9, "escape eigenvalue −s_{r+1} at r = " + r);
        }
    }

    @Test
    void aZeroHessianHasIndexZero() {
        // depth 3 at the origin: every second derivative vanishes
        Objective obj = new Objective(new Network(2, 2, 2, 2), Task.whitened(CommonOps_DDRM.diag(2, 1)));
        HessianSpectrum.Result r = new HessianSpectrum(obj).compute(new double[12]);
        assertEquals(0, r.index());
        assertEquals(0.0, r.min(), 0.0);
        assertEquals(0.0, r.max(), 0.0);
    }

    /** W_1 = Σ_{α≤r} √s_α e_α e_αᵀ = W_2: balanced, W_eff = the first r modes of T = diag(s) */
    static double[] saddle(double[] s, int r) {
        int n = s.length;
        double[] theta = new double[2 * n * n];
        for (int a = 0; a < r; a++) {
            theta[a * n + a] = Math.sqrt(s[a]);
            theta[n * n + a * n + a] = Math.sqrt(s[a]);
        }
        return theta;
    }

    /** eigenvalues, ascending, of H_ij = (g_i(θ + h e_j) − g_i(θ − h e_j)) / 2h, symmetrised */
    static double[] finiteDifferenceSpectrum(Objective obj, double[] theta) {
        int n = theta.length;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double[] gp = new double[n], gm = new double[n];
        for (int j = 0; j < n; j++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[j] += FD_STEP;
            tm[j] -= FD_STEP;
            obj.gradient(tp, gp);
            obj.gradient(tm, gm);
            for (int i = 0; i < n; i++) h.set(i, j, (gp[i] - gm[i]) / (2 * FD_STEP));
        }
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(h, sym);
        CommonOps_DDRM.addEquals(sym, h);
        CommonOps_DDRM.scale(0.5, sym);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(sym));
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = eig.getEigenvalue(i).real;
        Arrays.sort(ev);
        return ev;
    }

    private static DMatrixRMaj randomMatrix(int rows, int cols, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return m;
    }
}
