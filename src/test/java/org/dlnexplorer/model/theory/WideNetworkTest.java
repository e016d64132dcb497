package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seed 002 §4 "Wide linear networks" checked with computations written here from the statements: M against
 * J·diag(η)·Jᵀ (J = ∂vec(β)/∂θ by central differences of β = WᵀA in plain arrays) and against the engine's own
 * vector field (vec(β̇) by a central difference of β along θ̇, which is exact for the bilinear β); Theorem 2's
 * sum over neurons and Theorem 3's closed form against M, and Theorem 3 failing where its hypothesis fails.
 */
class WideNetworkTest {
    /** M against J diag(η) Jᵀ and Theorems 2 and 3 against M: round-off of products of O(1) entries */
    static final double IDENTITY = 1e-10;
    /** the central difference of the bilinear β is exact up to round-off divided by its step */
    static final double VELOCITY = 1e-7;
    /** where Theorem 3's hypothesis fails, its formula misses M by at least this (relative) */
    static final double VIOLATION = 1e-3;

    @Test
    void preconditionerIsJacobianGram() {
        Random r = new Random(21);
        for (int k = 0; k < 40; k++) {
            int d = 1 + r.nextInt(4), h = 1 + r.nextInt(4), c = 1 + r.nextInt(4);
            double etaW = 0.3 + 2 * r.nextDouble(), etaA = 0.3 + 2 * r.nextDouble();
            Network net = new Network(new int[]{d, h, c}, new double[]{etaW, etaA});
            double[] theta = gaussian(net.parameterCount(), r);
            double[][] jac = jacobian(theta, d, h, c);
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta);
            int p = theta.length;
            for (int x = 0; x < d * c; x++)
                for (int y = 0; y < d * c; y++) {
                    double s = 0;
                    for (int q = 0; q < p; q++) s += jac[x][q] * (q < h * d ? etaW : etaA) * jac[y][q];
                    assertEquals(s, m.get(x, y), IDENTITY * scale(m), "J η Jᵀ, case " + k);
                }
        }
    }

    @Test
    void preconditionerGivesTheFlowOfBeta() {
        Random r = new Random(22);
        for (int k = 0; k < 30; k++) {
            int d = 1 + r.nextInt(4), h = 1 + r.nextInt(4), c = 1 + r.nextInt(3);
            Network net = new Network(new int[]{d, h, c}, new double[]{0.5 + r.nextDouble(), 0.5 + r.nextDouble()});
            Task task = randomTask(d, c, r);
            double[] theta = gaussian(net.parameterCount(), r);
            double[] flow = new double[theta.length];
            new Objective(net, task).flow(theta, flow);
            double eps = 1e-4;
            double[] plus = theta.clone(), minus = theta.clone();
            for (int i = 0; i < theta.length; i++) { plus[i] += eps * flow[i]; minus[i] -= eps * flow[i]; }
            double[][] bp = beta(plus, d, h, c), bm = beta(minus, d, h, c), b = beta(theta, d, h, c);
            // ∇_β ℒ = Σxx(β − β*), β* = Tᵀ
            DMatrixRMaj sxx = task.sigmaXX(), t = task.target();
            double[] grad = new double[d * c];
            for (int j = 0; j < c; j++)
                for (int i = 0; i < d; i++) {
                    double s = 0;
                    for (int l = 0; l < d; l++) s += sxx.get(i, l) * (b[l][j] - t.get(j, l));
                    grad[i + d * j] = s;
                }
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta);
            for (int j = 0; j < c; j++)
                for (int i = 0; i < d; i++) {
                    double fd = (bp[i][j] - bm[i][j]) / (2 * eps), pred = 0;
                    for (int y = 0; y < d * c; y++) pred -= m.get(i + d * j, y) * grad[y];
                    assertEquals(fd, pred, VELOCITY * Math.max(1, Math.abs(pred)), "β̇, case " + k);
                }
        }
    }

    @Test
    void theorem2SumsNeurons() {
        Random r = new Random(23);
        for (int k = 0; k < 40; k++) {
            int d = 1 + r.nextInt(4), h = 1 + r.nextInt(5), c = 1 + r.nextInt(4);
            Network net = new Network(new int[]{d, h, c}, new double[]{0.3 + 2 * r.nextDouble(), 0.3 + 2 * r.nextDouble()});
            double[] theta = gaussian(net.parameterCount(), r);
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta), sum = WideNetwork.perNeuronSum(net, theta);
            assertNotNull(sum);
            assertClose(m, sum, IDENTITY * scale(m), "Theorem 2, case " + k);
            // δ_k from the plain arrays
            double[] delta = WideNetwork.deltas(net, theta);
            for (int n = 0; n < h; n++) {
                double aa = 0, ww = 0;
                for (int j = 0; j < c; j++) { double v = theta[h * d + j * h + n]; aa += v * v; }
                for (int i = 0; i < d; i++) { double v = theta[n * d + i]; ww += v * v; }
                assertEquals(net.rate(1) * aa - net.rate(2) * ww, delta[n], 1e-12 * (aa + ww));
            }
        }
    }

    @Test
    void theorem3WhereItsHypothesisHolds() {
        Random r = new Random(24);
        for (int k = 0; k < 40; k++) {
            double etaW = 0.4 + 1.5 * r.nextDouble(), etaA = 0.4 + 1.5 * r.nextDouble();
            double delta = (k % 2 == 0 ? -1 : 1) * Math.exp(-3 + 5 * r.nextDouble());
            int d = 1 + r.nextInt(4), c = 1 + r.nextInt(4);
            int h = delta < 0 ? d : c;       // Δ = δI_h needs h ≤ d (δ < 0) or h ≤ c (δ > 0); Theorem 3: h = d or c
            Network net = new Network(new int[]{d, h, c}, new double[]{etaW, etaA});
            double[] theta = isotropicStart(d, h, c, delta, etaW, etaA, r);
            assertEquals(delta, WideNetwork.isotropicDelta(net, theta, 1e-10), 1e-9 * Math.max(1, Math.abs(delta)));
            assertTrue(WideNetwork.theorem3Applies(net, delta));
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta);
            DMatrixRMaj th3 = WideNetwork.isotropic(WideNetwork.beta(net, theta), delta, etaA, etaW);
            assertClose(m, th3, 1e-8 * scale(m), "Theorem 3, case " + k);
        }
    }

    @Test
    void lazyLimitIsAbsDeltaTimesIdentity() {
        // seed 002 App. B writes M → δI_dc for δ → −∞; M is positive semi-definite, and the limit is |δ|I_dc
        Random r = new Random(27);
        for (double delta : new double[]{-1e4, 1e4}) {
            int d = 3, c = 2, h = delta < 0 ? d : c;
            Network net = new Network(new int[]{d, h, c}, null);
            double[] theta = isotropicStart(d, h, c, delta, 1, 1, r);
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta);
            for (int i = 0; i < d * c; i++)
                for (int j = 0; j < d * c; j++)
                    // the correction is O(‖β‖²/δ²) and ‖β‖² = O(|δ|) from this start: within 100/|δ|
                    assertEquals(i == j ? 1.0 : 0.0, m.get(i, j) / Math.abs(delta), 100 / Math.abs(delta), "δ = " + delta);
        }
    }

    @Test
    void oneOutputWithHEqualsDIsTheSingleNeuronAtAbsDelta() {
        // c = 1, h = d, Δ = δI with δ < 0: M = ((κ + |δ|)/2) I + ((κ − |δ|)/2) β̂β̂ᵀ, κ = √(δ² + 4η_aη_w‖β‖²): the single
        // neuron's M (η_w a²I + η_a wwᵀ written in β) at δ' = −δ
        Random r = new Random(28);
        for (int k = 0; k < 20; k++) {
            int d = 1 + r.nextInt(4);
            double etaW = 0.5 + r.nextDouble(), etaA = 0.5 + r.nextDouble(), delta = -Math.exp(-2 + 3 * r.nextDouble());
            Network net = new Network(new int[]{d, d, 1}, new double[]{etaW, etaA});
            double[] theta = isotropicStart(d, d, 1, delta, etaW, etaA, r);
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta);
            double[][] b = beta(theta, d, d, 1);
            double n2 = 0;
            for (double[] row : b) n2 += row[0] * row[0];
            double kappa = Math.sqrt(delta * delta + 4 * etaA * etaW * n2);
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) {
                    double x = (i == j ? (kappa - delta) / 2 : 0) + (kappa + delta) / 2 * b[i][0] * b[j][0] / n2;
                    assertEquals(x, m.get(i, j), 1e-9 * scale(m), "case " + k);
                }
        }
    }

    @Test
    void theorem3FailsWithTooFewNeurons() {
        // δ < 0 with h < d: Δ = δI_h is possible, but WᵀW has rank h < d and Theorem 3's M is full rank
        Random r = new Random(25);
        for (int k = 0; k < 10; k++) {
            int d = 3, h = 2, c = 2;
            double delta = -0.5 - r.nextDouble();
            Network net = new Network(new int[]{d, h, c}, null);
            double[] theta = isotropicStart(d, h, c, delta, 1, 1, r);
            assertFalse(Double.isNaN(WideNetwork.isotropicDelta(net, theta, 1e-10)));
            assertFalse(WideNetwork.theorem3Applies(net, delta));
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta);
            DMatrixRMaj th3 = WideNetwork.isotropic(WideNetwork.beta(net, theta), delta, 1, 1);
            double diff = 0;
            for (int i = 0; i < m.getNumElements(); i++) diff = Math.max(diff, Math.abs(m.data[i] - th3.data[i]));
            assertTrue(diff > VIOLATION * scale(m), "case " + k);
        }
    }

    @Test
    void eigenvaluesOfAKroneckerSumAreSums() {
        Random r = new Random(26);
        for (int k = 0; k < 20; k++) {
            int d = 1 + r.nextInt(3), h = 1 + r.nextInt(3), c = 1 + r.nextInt(3);
            Network net = new Network(new int[]{d, h, c}, new double[]{0.5 + r.nextDouble(), 0.5 + r.nextDouble()});
            double[] theta = gaussian(net.parameterCount(), r);
            double[] ev = WideNetwork.eigenvalues(WideNetwork.preconditioner(net, theta));
            double tr = 0;
            DMatrixRMaj m = WideNetwork.preconditioner(net, theta);
            for (int i = 0; i < d * c; i++) tr += m.get(i, i);
            double sum = 0;
            for (int i = 0; i < ev.length; i++) { sum += ev[i]; if (i > 0) assertTrue(ev[i] <= ev[i - 1]); }
            assertEquals(tr, sum, IDENTITY * scale(m) * ev.length);
            assertTrue(ev[ev.length - 1] >= -IDENTITY * scale(m), "M ⪰ 0");
        }
    }

    /** θ with η_w AAᵀ − η_a WWᵀ = δI_h: the free factor random, the other its square root times a random orthogonal */
    static double[] isotropicStart(int d, int h, int c, double delta, double etaW, double etaA, Random r) {
        double[][] w = new double[h][d], a = new double[h][c];
        if (delta < 0) {
            for (double[] row : a) for (int j = 0; j < c; j++) row[j] = r.nextGaussian();
            // η_a WWᵀ = η_w AAᵀ − δI ≻ 0 (h × h); W = S Q with S its root/√η_a and Q (h × d) orthonormal rows
            w = rootTimesOrthonormal(plusIdentity(gram(a, etaW), -delta), etaA, d, r);
        } else {
            for (double[] row : w) for (int i = 0; i < d; i++) row[i] = r.nextGaussian();
            a = rootTimesOrthonormal(plusIdentity(gram(w, etaA), delta), etaW, c, r);
        }
        double[] theta = new double[h * d + c * h];
        for (int k = 0; k < h; k++) for (int i = 0; i < d; i++) theta[k * d + i] = w[k][i];
        for (int j = 0; j < c; j++) for (int k = 0; k < h; k++) theta[h * d + j * h + k] = a[k][j];
        return theta;
    }

    private static double[][] gram(double[][] x, double eta) {
        int h = x.length;
        double[][] g = new double[h][h];
        for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) {
            double s = 0;
            for (int l = 0; l < x[0].length; l++) s += x[i][l] * x[j][l];
            g[i][j] = eta * s;
        }
        return g;
    }

    private static double[][] plusIdentity(double[][] g, double v) {
        for (int i = 0; i < g.length; i++) g[i][i] += v;
        return g;
    }

    /** (g/η)^{1/2} Q with Q (h × n, n ≥ h) orthonormal rows from Gram–Schmidt of a Gaussian matrix */
    private static double[][] rootTimesOrthonormal(double[][] g, double eta, int n, Random r) {
        int h = g.length;
        DMatrixRMaj gm = new DMatrixRMaj(h, h);
        for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) gm.set(i, j, g[i][j] / eta);
        DMatrixRMaj root = WideNetwork.sqrtSym(gm);
        double[][] q = new double[h][n];
        for (int i = 0; i < h; i++) {
            for (int l = 0; l < n; l++) q[i][l] = r.nextGaussian();
            for (int p = 0; p < i; p++) {
                double dot = 0;
                for (int l = 0; l < n; l++) dot += q[i][l] * q[p][l];
                for (int l = 0; l < n; l++) q[i][l] -= dot * q[p][l];
            }
            double norm = 0;
            for (int l = 0; l < n; l++) norm += q[i][l] * q[i][l];
            for (int l = 0; l < n; l++) q[i][l] /= Math.sqrt(norm);
        }
        double[][] out = new double[h][n];
        for (int i = 0; i < h; i++) for (int l = 0; l < n; l++) {
            double s = 0;
            for (int p = 0; p < h; p++) s += root.get(i, p) * q[p][l];
            out[i][l] = s;
        }
        return out;
    }

    /** β = WᵀA from θ (W_1 = W row-major h × d, then W_2 = Aᵀ row-major c × h) */
    static double[][] beta(double[] theta, int d, int h, int c) {
        double[][] b = new double[d][c];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < c; j++)
                for (int k = 0; k < h; k++) b[i][j] += theta[k * d + i] * theta[h * d + j * h + k];
        return b;
    }

    /** ∂vec(β)/∂θ by central differences, rows i + d·j */
    static double[][] jacobian(double[] theta, int d, int h, int c) {
        double eps = 1e-5;
        double[][] jac = new double[d * c][theta.length];
        for (int q = 0; q < theta.length; q++) {
            double[] p = theta.clone(), m = theta.clone();
            p[q] += eps;
            m[q] -= eps;
            double[][] bp = beta(p, d, h, c), bm = beta(m, d, h, c);
            for (int j = 0; j < c; j++) for (int i = 0; i < d; i++) jac[i + d * j][q] = (bp[i][j] - bm[i][j]) / (2 * eps);
        }
        return jac;
    }

    static Task randomTask(int d, int c, Random r) {
        DMatrixRMaj t = new DMatrixRMaj(c, d), x = new DMatrixRMaj(d, d), s = new DMatrixRMaj(d, d);
        for (int i = 0; i < t.getNumElements(); i++) t.data[i] = r.nextGaussian();
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = r.nextGaussian();
        org.ejml.dense.row.CommonOps_DDRM.multTransA(x, x, s);
        org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / d, s);
        return Task.withCovariance(t, s);
    }

    static double[] gaussian(int n, Random r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    static double scale(DMatrixRMaj m) {
        double s = 0;
        for (double v : m.data) s = Math.max(s, Math.abs(v));
        return Math.max(1, s);
    }

    static void assertClose(DMatrixRMaj x, DMatrixRMaj y, double tol, String what) {
        assertEquals(x.numRows, y.numRows);
        for (int i = 0; i < x.getNumElements(); i++) assertEquals(x.data[i], y.data[i], tol, what);
    }
}
