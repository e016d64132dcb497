package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gradient-flow Jacobian from Hessian-vector products against finite differences of the flow itself. */
class FlowJacobianTest {
    /** central differences of the field with step FD_STEP: error O(FD_STEP²) ≈ 1e-8 relative here */
    static final double FD_STEP = 1e-5;
    static final double FD_AGREEMENT = 1e-6;
    /** Lanczos with a full Krylov space reproduces J to round-off */
    static final double ROUND_OFF = 1e-9;

    private static Network network(Random rng, int[] widths) {
        double[] rates = new double[widths.length - 1];
        for (int i = 0; i < rates.length; i++) rates[i] = 0.5 + 1.5 * rng.nextDouble();
        return new Network(widths, rates);
    }

    private static Task task(Network net, Random rng, boolean whitened) {
        DMatrixRMaj t = new DMatrixRMaj(net.outputDim(), net.inputDim());
        for (int i = 0; i < t.data.length; i++) t.data[i] = rng.nextGaussian();
        if (whitened) return Task.whitened(t);
        int n0 = net.inputDim();
        DMatrixRMaj x = new DMatrixRMaj(n0, n0), sxx = new DMatrixRMaj(n0, n0);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextGaussian();
        org.ejml.dense.row.CommonOps_DDRM.multTransB(x, x, sxx);
        for (int i = 0; i < n0; i++) sxx.add(i, i, 0.5);
        return Task.withCovariance(t, sxx);
    }

    private static double[] theta(Network net, Random rng, double scale) {
        double[] th = new double[net.parameterCount()];
        for (int i = 0; i < th.length; i++) th[i] = scale * rng.nextGaussian();
        return th;
    }

    @Test
    void denseJacobianMatchesCentralDifferencesOfTheFlow() {
        Random rng = new Random(19);
        int[][] shapes = {{2, 3, 2}, {3, 4, 4, 2}, {2, 3, 3, 3, 1}};
        for (int s = 0; s < shapes.length; s++) {
            Network net = network(rng, shapes[s]);
            Task task = task(net, rng, s != 1);
            Objective obj = new Objective(net, task);
            double[] th = theta(net, rng, 0.9);
            int n = th.length;
            double[] j = new FlowJacobian(new Objective(net, task)).dense(th);
            double[] plus = new double[n], minus = new double[n];
            double worst = 0, scale = 0;
            for (int c = 0; c < n; c++) {
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
            assertTrue(worst <= FD_AGREEMENT * Math.max(1.0, scale), "shape " + s + ": |J − J_fd| = " + worst);
        }
    }

    /** J v = −D U Θ Uᵀ D⁻¹ v for the exact (dense) and for a full-dimension Lanczos spectrum */
    @Test
    void spectrumReproducesTheJacobian() {
        Random rng = new Random(23);
        Network net = network(rng, new int[]{3, 5, 5, 4, 2});
        Task task = task(net, rng, false);
        double[] th = theta(net, rng, 0.8);
        FlowJacobian fj = new FlowJacobian(new Objective(net, task));
        int n = th.length;
        assertTrue(n > FlowJacobian.DENSE_MAX, "the Lanczos path is exercised");
        double[] j = fj.dense(th);
        FlowJacobian.Spectrum lanczos = fj.lanczosSpectrum(th, n);
        FlowJacobian.Spectrum dense = fj.denseSpectrumForTest(th);
        assertTrue(lanczos.exact());
        double[] d = fj.sqrtRates();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        double[] jv = new double[n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) jv[r] += j[r * n + c] * v[c];
        double norm = 0;
        for (double x : jv) norm = Math.max(norm, Math.abs(x));
        for (FlowJacobian.Spectrum sp : new FlowJacobian.Spectrum[]{dense, lanczos}) {
            double[] out = new double[n];
            for (int k = 0; k < sp.values().length; k++) {
                double[] u = sp.vectors()[k];
                double c = 0;
                for (int i = 0; i < n; i++) c += u[i] * v[i] / d[i];
                for (int i = 0; i < n; i++) out[i] -= d[i] * sp.values()[k] * c * u[i];
            }
            for (int i = 0; i < n; i++) assertEquals(jv[i], out[i], ROUND_OFF * norm);
        }
        // sorted by |θ|, and the radius is the largest
        assertEquals(Math.abs(dense.values()[0]), lanczos.radius(), ROUND_OFF * lanczos.radius());
    }

    /** a short Krylov space keeps the extreme eigenvalue and reports the stiffness it leaves out */
    @Test
    void shortLanczosKeepsTheRadiusAndEstimatesTheRest() {
        Random rng = new Random(29);
        Network net = network(rng, new int[]{4, 6, 6, 4});
        Task task = task(net, rng, true);
        double[] th = theta(net, rng, 1.2);
        FlowJacobian fj = new FlowJacobian(new Objective(net, task));
        FlowJacobian.Spectrum exact = fj.denseSpectrumForTest(th);
        FlowJacobian.Spectrum part = fj.lanczosSpectrum(th, 30);
        assertEquals(exact.radius(), part.radius(), 1e-6 * exact.radius());
        assertTrue(part.rest() > 0 && part.rest() <= 1.01 * exact.radius(), "rest " + part.rest());
    }

    /**
     * The Newton solver's form M ≈ Q T Qᵀ: orthonormal rows, and with a full Krylov space (and for the dense
     * path) −D Q T Qᵀ D⁻¹ v equals J v from the column-by-column Jacobian; a short space keeps the radius
     */
    @Test
    void krylovFormReproducesTheJacobian() {
        Random rng = new Random(31);
        Network big = network(rng, new int[]{3, 5, 5, 4, 2}), small = network(rng, new int[]{2, 3, 3, 2});
        for (Network net : new Network[]{big, small}) {
            Task task = task(net, rng, net == small);
            double[] th = theta(net, rng, 0.8);
            FlowJacobian fj = new FlowJacobian(new Objective(net, task));
            int n = th.length;
            double[] j = fj.dense(th);
            FlowJacobian.Krylov kr = fj.krylov(th, n);
            assertTrue(kr.exact());
            assertEquals(n, kr.size());
            double[][] q = kr.basis();
            for (int a = 0; a < n; a++)
                for (int b = 0; b <= a; b++) {
                    double g = 0;
                    for (int i = 0; i < n; i++) g += q[a][i] * q[b][i];
                    assertEquals(a == b ? 1.0 : 0.0, g, ROUND_OFF, "QᵀQ " + a + "," + b);
                }
            double[] d = fj.sqrtRates(), v = new double[n], jv = new double[n];
            for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) jv[r] += j[r * n + c] * v[c];
            double norm = 0;
            for (double x : jv) norm = Math.max(norm, Math.abs(x));
            // c = Qᵀ D⁻¹ v, t = T c (tridiagonal), out = −D Q t
            double[] c = new double[n], t = new double[n], out = new double[n];
            for (int a = 0; a < n; a++) for (int i = 0; i < n; i++) c[a] += q[a][i] * v[i] / d[i];
            for (int a = 0; a < n; a++) {
                t[a] = kr.alpha()[a] * c[a];
                if (a > 0) t[a] += kr.beta()[a] * c[a - 1];
                if (a + 1 < n) t[a] += kr.beta()[a + 1] * c[a + 1];
            }
            for (int a = 0; a < n; a++) for (int i = 0; i < n; i++) out[i] -= d[i] * q[a][i] * t[a];
            for (int i = 0; i < n; i++) assertEquals(jv[i], out[i], ROUND_OFF * norm);
            assertEquals(fj.denseSpectrumForTest(th).radius(), kr.radius(), ROUND_OFF * kr.radius());
        }
        Network net = network(rng, new int[]{4, 6, 6, 4});
        double[] th = theta(net, rng, 1.2);
        FlowJacobian fj = new FlowJacobian(new Objective(net, task(net, rng, true)));
        double exact = fj.denseSpectrumForTest(th).radius();
        FlowJacobian.Krylov part = fj.krylov(th, 30);
        assertEquals(30, part.size());
        assertEquals(exact, part.radius(), 1e-6 * exact);
        assertTrue(part.rest() > 0 && part.rest() <= 1.01 * exact, "rest " + part.rest());
    }
}
