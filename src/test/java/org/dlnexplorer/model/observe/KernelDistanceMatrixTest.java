package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * S(t₁, t₂) over engine runs: zero diagonal, symmetric, row 0 the frames' own S(0, t), and every entry against a
 * direct computation written here: the NTK K_{(i,p),(i',p')} = Σ_q η_q ∂f_p(x_i)/∂θ_q ∂f_p'(x_i')/∂θ_q with the
 * Jacobian of f(x) = W_L⋯W_1x by central differences in plain arrays (exact to round-off: f is linear in each θ_q).
 */
class KernelDistanceMatrixTest {
    /** S(t, t) = 1 − ‖K‖²/‖K‖² is round-off */
    static final double DIAGONAL = 1e-14;
    /** row 0 against the frames' S(0, t) (the 1e−12) */
    static final double ROW_ZERO = 1e-12;
    /** against the kernel from a finite-difference Jacobian */
    static final double DIRECT = 1e-8;

    @Test
    void matrixOverRandomRuns() {
        Random r = new Random(31);
        int checked = 0;
        for (int k = 0; k < 8; k++) {
            int depth = 1 + r.nextInt(3);
            int[] widths = new int[depth + 1];
            for (int l = 0; l <= depth; l++) widths[l] = 1 + r.nextInt(3);
            double[] rates = new double[depth];
            for (int l = 0; l < depth; l++) rates[l] = 0.5 + r.nextDouble();
            Network net = new Network(widths, rates);
            Task task = randomTask(widths[0], widths[depth], r, k % 2 == 0);
            double[] theta0 = Initializer.initialize(net, task, Scheme.GAUSSIAN, 0.3 + r.nextDouble(), 0.0, k, null);
            SimulationSpec spec = SimulationSpec.builder(net, task, theta0).scheme(Scheme.GAUSSIAN).method(Method.GRADIENT_FLOW)
                    .grid(3.0, 90).tolerances(1e-10, 1e-12).build();
            Trajectory tr = Simulation.simulate(spec).withSetup(new Trajectory.Setup(task, net, 1.0));
            assertNull(KernelDistanceMatrix.whyNot(tr));
            KernelDistanceMatrix.Result res = KernelDistanceMatrix.of(tr, 20);
            double[][] s = res.s();
            int m = s.length;
            assertEquals(20, m);
            assertEquals(0, res.frames()[0]);
            assertEquals(tr.frames().size() - 1, res.frames()[m - 1]);
            List<Frame> fs = tr.frames();
            DMatrixRMaj x = task.ntkInputs();
            double[][] kernels = new double[m][];
            for (int i = 0; i < m; i++) kernels[i] = ntk(net, flat(fs.get(res.frames()[i]).weights()), x);
            for (int i = 0; i < m; i++) {
                assertEquals(0.0, s[i][i], DIAGONAL, "diagonal");
                assertEquals(fs.get(res.frames()[i]).kernelDistance(), s[0][i], ROW_ZERO, "row 0 = S(0, t)");
                assertEquals(fs.get(res.frames()[i]).t(), res.t()[i], 0.0);
                for (int j = 0; j < m; j++) {
                    assertEquals(s[i][j], s[j][i], 0.0, "symmetric");
                    assertEquals(distance(kernels[i], kernels[j]), s[i][j], DIRECT, "direct, case " + k);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000);
    }

    @Test
    void subsampleKeepsEnds() {
        assertArrayEquals(new int[]{0, 1, 2}, KernelDistanceMatrix.subsample(3, 64));
        int[] s = KernelDistanceMatrix.subsample(401, 64);
        assertEquals(64, s.length);
        assertEquals(0, s[0]);
        assertEquals(400, s[63]);
        for (int i = 1; i < s.length; i++) assertTrue(s[i] > s[i - 1]);
    }

    /** 1 − ⟨A, B⟩/(‖A‖‖B‖) */
    static double distance(double[] a, double[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
        return 1 - ab / Math.sqrt(aa * bb);
    }

    /** K = J diag(η) Jᵀ over outputs f_p(x_i), x_i the rows of X */
    static double[] ntk(Network net, double[] theta, DMatrixRMaj x) {
        int n = x.numRows, c = net.outputDim(), p = theta.length;
        double[][] jac = new double[n * c][p];
        double eps = 1e-5;
        for (int q = 0; q < p; q++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[q] += eps;
            tm[q] -= eps;
            double[] fp = outputs(net, tp, x), fm = outputs(net, tm, x);
            for (int o = 0; o < n * c; o++) jac[o][q] = (fp[o] - fm[o]) / (2 * eps);
        }
        double[] rate = new double[p];
        for (int l = 1; l <= net.depth(); l++)
            for (int q = net.offset(l); q < net.offset(l) + net.rows(l) * net.cols(l); q++) rate[q] = net.rate(l);
        double[] k = new double[n * c * n * c];
        for (int a = 0; a < n * c; a++)
            for (int b = 0; b < n * c; b++) {
                double s = 0;
                for (int q = 0; q < p; q++) s += jac[a][q] * rate[q] * jac[b][q];
                k[a * n * c + b] = s;
            }
        return k;
    }

    /** f(x_i) = W_L⋯W_1 x_i for every row, stacked (i, p) */
    static double[] outputs(Network net, double[] theta, DMatrixRMaj x) {
        int n = x.numRows, c = net.outputDim();
        double[] out = new double[n * c];
        for (int i = 0; i < n; i++) {
            double[] v = new double[x.numCols];
            for (int j = 0; j < v.length; j++) v[j] = x.get(i, j);
            for (int l = 1; l <= net.depth(); l++) {
                double[] next = new double[net.rows(l)];
                for (int a = 0; a < net.rows(l); a++)
                    for (int b = 0; b < net.cols(l); b++) next[a] += theta[net.offset(l) + a * net.cols(l) + b] * v[b];
                v = next;
            }
            System.arraycopy(v, 0, out, i * c, c);
        }
        return out;
    }

    static Task randomTask(int d, int c, Random r, boolean whitened) {
        DMatrixRMaj t = new DMatrixRMaj(c, d);
        for (int i = 0; i < t.getNumElements(); i++) t.data[i] = r.nextGaussian();
        if (whitened) return Task.whitened(t);
        DMatrixRMaj g = new DMatrixRMaj(d, d), s = new DMatrixRMaj(d, d);
        for (int i = 0; i < g.getNumElements(); i++) g.data[i] = r.nextGaussian();
        CommonOps_DDRM.multTransA(g, g, s);
        CommonOps_DDRM.scale(1.0 / d, s);
        return Task.withCovariance(t, s);
    }

    static double[] flat(double[][] layers) {
        int n = 0;
        for (double[] l : layers) n += l.length;
        double[] theta = new double[n];
        int k = 0;
        for (double[] l : layers) for (double v : l) theta[k++] = v;
        return theta;
    }
}
