package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectiveDerivativesTest {
    /** central differences have O(h²) truncation and O(ε/h) round-off: 1e-6 relative is a sharp check */
    static final double FD_STEP = 1e-5;
    static final double FD_RELATIVE_TOLERANCE = 1e-6;

    private static Objective randomObjective(Random rng, boolean whitened, int... widths) {
        double[] rates = new double[widths.length - 1];
        for (int i = 0; i < rates.length; i++) rates[i] = 0.5 + rng.nextDouble();
        Network net = new Network(widths, rates);
        var t = Fixtures.randomMatrix(net.outputDim(), net.inputDim(), rng, 1.0);
        Task task = whitened ? Task.whitened(t) : Task.withCovariance(t, Fixtures.randomCovariance(net.inputDim(), rng));
        return new Objective(net, task);
    }

    @Test
    void gradientMatchesCentralDifferencesOnRandomNetworks() {
        Random rng = new Random(11);
        int[][] shapes = {{3, 2}, {2, 3, 2}, {3, 4, 2, 3}, {2, 1, 1}, {4, 3, 5, 2, 3}};
        for (int[] widths : shapes) {
            for (boolean whitened : new boolean[]{true, false}) {
                Objective f = randomObjective(rng, whitened, widths);
                double[] theta = Fixtures.randomVector(f.parameterCount(), rng);
                double[] g = new double[theta.length];
                f.gradient(theta, g);
                double scale = 0;
                for (double v : g) scale = Math.max(scale, Math.abs(v));
                for (int i = 0; i < theta.length; i++) {
                    double[] p = theta.clone(), m = theta.clone();
                    p[i] += FD_STEP;
                    m[i] -= FD_STEP;
                    double fd = (f.loss(p) - f.loss(m)) / (2 * FD_STEP);
                    assertEquals(fd, g[i], FD_RELATIVE_TOLERANCE * Math.max(1, scale), "∂ℒ/∂θ_" + i);
                }
            }
        }
    }

    @Test
    void flowIsMinusRateTimesGradient() {
        Random rng = new Random(5);
        Objective f = randomObjective(rng, false, 3, 4, 2);
        double[] theta = Fixtures.randomVector(f.parameterCount(), rng);
        double[] g = new double[theta.length], v = new double[theta.length];
        f.gradient(theta, g);
        f.flow(theta, v);
        Network net = f.network();
        for (int l = 1; l <= net.depth(); l++)
            for (int i = 0; i < net.rows(l) * net.cols(l); i++) {
                int k = net.offset(l) + i;
                assertEquals(-net.rate(l) * g[k], v[k], 1e-15 * Math.abs(g[k]) + 1e-300);
            }
    }

    @Test
    void hessianVectorProductMatchesDifferencesOfGradients() {
        Random rng = new Random(7);
        int[][] shapes = {{2, 2, 2}, {3, 4, 2, 3}, {2, 1, 1}, {3, 2}};
        for (int[] widths : shapes) {
            for (boolean whitened : new boolean[]{true, false}) {
                Objective f = randomObjective(rng, whitened, widths);
                int n = f.parameterCount();
                double[] theta = Fixtures.randomVector(n, rng);
                double[] v = Fixtures.randomVector(n, rng);
                double[] hv = new double[n];
                f.hessianVector(theta, v, hv);
                double[] gp = new double[n], gm = new double[n];
                double[] p = theta.clone(), m = theta.clone();
                for (int i = 0; i < n; i++) { p[i] += FD_STEP * v[i]; m[i] -= FD_STEP * v[i]; }
                f.gradient(p, gp);
                f.gradient(m, gm);
                double scale = 0;
                for (double x : hv) scale = Math.max(scale, Math.abs(x));
                for (int i = 0; i < n; i++)
                    assertEquals((gp[i] - gm[i]) / (2 * FD_STEP), hv[i], FD_RELATIVE_TOLERANCE * Math.max(1, scale));
            }
        }
    }

    @Test
    void hessianIsSymmetric() {
        Random rng = new Random(3);
        Objective f = randomObjective(rng, false, 3, 2, 4, 2);
        int n = f.parameterCount();
        double[] theta = Fixtures.randomVector(n, rng);
        double[] u = Fixtures.randomVector(n, rng), v = Fixtures.randomVector(n, rng);
        double[] hu = new double[n], hv = new double[n];
        f.hessianVector(theta, u, hu);
        f.hessianVector(theta, v, hv);
        double a = 0, b = 0;
        for (int i = 0; i < n; i++) { a += v[i] * hu[i]; b += u[i] * hv[i]; }
        assertEquals(a, b, 1e-10 * Math.max(1, Math.abs(a)));
    }

    @Test
    void lossIsZeroExactlyAtTheTargetAndUsesTheSpecFormula() {
        Random rng = new Random(9);
        Network net = new Network(2, 2);
        var t = Fixtures.randomMatrix(2, 2, rng, 1.0);
        var cov = Fixtures.randomCovariance(2, rng);
        Objective f = new Objective(net, Task.withCovariance(t, cov));
        assertEquals(0.0, f.loss(t.data.clone()), 0.0);
        // ℒ = ½ tr(W Σxx Wᵀ) − tr(W Σyxᵀ) + ½ tr Σyy at a random W
        double[] w = Fixtures.randomVector(4, rng);
        var wm = new org.ejml.data.DMatrixRMaj(2, 2, true, w);
        var syx = new org.ejml.data.DMatrixRMaj(2, 2);
        org.ejml.dense.row.CommonOps_DDRM.mult(t, cov, syx);
        var ws = new org.ejml.data.DMatrixRMaj(2, 2);
        org.ejml.dense.row.CommonOps_DDRM.mult(wm, cov, ws);
        var ts = new org.ejml.data.DMatrixRMaj(2, 2);
        org.ejml.dense.row.CommonOps_DDRM.mult(t, cov, ts);
        double spec = 0.5 * org.dlnexplorer.model.core.Matrices.inner(ws, wm)
                - org.dlnexplorer.model.core.Matrices.inner(wm, syx)
                + 0.5 * org.dlnexplorer.model.core.Matrices.inner(ts, t);
        assertEquals(spec, f.loss(w), 1e-12 * Math.max(1, Math.abs(spec)));
        assertTrue(f.loss(w) >= 0);
    }
}
