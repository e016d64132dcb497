package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Theorem 11 (seed 002 App. B) checked from the statement: the hyperbolic entropy's inverse Hessian is Lemma 10's
 * √(δ² + 4η_aη_wλ²); the overlay's end point against a projected-gradient minimization of
 * Φ_δ(σ(β)) − ⟨∇Φ_δ(β0), β⟩ over Σxxβ = Σxxβ* written here (its own spectral gradient from an SVD, its own null
 * space from the construction); against converged engine runs; and where it does not apply.
 */
class HyperbolicEntropyTest {
    /** q'' by a central difference of q (step 10⁻³|δ|, truncation (h²/12)q'''') against 1/√(δ² + 4γ²x²) */
    static final double HESSIAN = 1e-4;
    /** projected gradient's end against the overlay's β(∞) */
    static final double MINIMIZER = 1e-7;
    /** the engine converged at t_end against the overlay's β(∞) */
    static final double ENGINE = 1e-6;

    @Test
    void potentialHessianIsLemma10() {
        Random r = new Random(41);
        for (int k = 0; k < 200; k++) {
            double delta = (r.nextBoolean() ? 1 : -1) * Math.exp(-3 + 5 * r.nextDouble());
            double gamma = Math.exp(-1 + 2 * r.nextDouble()), x = 4 * r.nextGaussian(), h = 1e-3 * Math.max(1e-2, Math.abs(delta));
            double q2 = (HyperbolicEntropyOverlay.potential(x + h, delta, gamma) - 2 * HyperbolicEntropyOverlay.potential(x, delta, gamma)
                    + HyperbolicEntropyOverlay.potential(x - h, delta, gamma)) / (h * h);
            double m = Math.sqrt(delta * delta + 4 * gamma * gamma * x * x);
            assertEquals(1 / m, q2, HESSIAN / m, "q'' = 1/M_ii, case " + k);
        }
        assertEquals(0.0, HyperbolicEntropyOverlay.potential(0, 0.7, 1.3), 0.0);
    }

    @Test
    void endPointIsTheConstrainedMinimizer() {
        Random r = new Random(42);
        for (int k = 0; k < 30; k++) {
            int d = 2 + r.nextInt(3), c = 1 + r.nextInt(3), m = Math.min(d, c);
            double delta = (k % 2 == 0 ? 1 : -1) * Math.exp(-1 + 2 * r.nextDouble()), gamma = Math.exp(-0.5 + r.nextDouble());
            double[][] u = orthogonal(d, r), v = orthogonal(c, r);
            // Σxx = U diag(s) Uᵀ with at least one zero; β* = U D* Vᵀ, β0 = U D0 Vᵀ (d × c, diagonal D)
            double[] s = new double[d];
            boolean[] nul = new boolean[d];
            int zeros = 1 + r.nextInt(d - 1);
            for (int i = 0; i < d; i++) { nul[i] = i >= d - zeros; s[i] = nul[i] ? 0 : 0.2 + r.nextDouble(); }
            double[] dStar = new double[m], d0 = new double[m];
            for (int i = 0; i < m; i++) { dStar[i] = 0.2 + 2 * r.nextDouble(); d0[i] = (r.nextBoolean() ? 1 : -1) * (0.05 + r.nextDouble()); }
            double[][] bStar = compose(u, dStar, v, d, c), b0 = compose(u, d0, v, d, c);
            DMatrixRMaj sxx = new DMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) {
                double x = 0;
                for (int l = 0; l < d; l++) x += u[i][l] * s[l] * u[j][l];
                sxx.set(i, j, x);
            }
            Task task = Task.withCovariance(transpose(bStar), sxx);
            DMatrixRMaj predicted = HyperbolicEntropyOverlay.endPoint(task, new DMatrixRMaj(b0));
            // projected gradient from a feasible start away from the answer: β = β* on range + random on null
            double[][] pn = new double[d][d];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++)
                for (int l = 0; l < d; l++) if (nul[l]) pn[i][j] += u[i][l] * u[j][l];
            double[][] beta = new double[d][c], noise = new double[d][c];
            for (double[] row : noise) for (int j = 0; j < c; j++) row[j] = r.nextGaussian();
            for (int i = 0; i < d; i++) for (int j = 0; j < c; j++) {
                beta[i][j] = bStar[i][j];
                for (int l = 0; l < d; l++) beta[i][j] += pn[i][l] * (noise[l][j] - bStar[l][j]);
            }
            double[][] g0 = spectralGradient(b0, delta, gamma);
            double step = 0.5 * Math.abs(delta);      // q'' ≤ 1/|δ|: a step below 2|δ| descends
            for (int it = 0; it < 20000; it++) {
                double[][] g = spectralGradient(beta, delta, gamma);
                double move = 0;
                for (int i = 0; i < d; i++) for (int j = 0; j < c; j++) {
                    double pg = 0;
                    for (int l = 0; l < d; l++) pg += pn[i][l] * (g[l][j] - g0[l][j]);
                    beta[i][j] -= step * pg;
                    move = Math.max(move, Math.abs(step * pg));
                }
                if (move < 1e-13) break;
            }
            for (int i = 0; i < d; i++) for (int j = 0; j < c; j++)
                assertEquals(beta[i][j], predicted.get(j, i), MINIMIZER, "β(∞), case " + k);
        }
    }

    @Test
    void endPointOfConvergedFlows() {
        Random r = new Random(43);
        for (int k = 0; k < 8; k++) {
            int n = 2 + r.nextInt(2);
            Network net = new Network(new int[]{n, n, n}, new double[]{0.5 + r.nextDouble(), 0.5 + r.nextDouble()});
            double[] sv = new double[n];
            for (int i = 0; i < n; i++) sv[i] = n - i;
            double[] cov = new double[n];
            for (int i = 0; i < n; i++) cov[i] = i == n - 1 ? 0 : 0.5 + r.nextDouble();
            Task task = Task.withCovariance(Fixtures.diag(n, n, sv), Fixtures.diag(n, n, cov));
            double delta = (k % 2 == 0 ? 1 : -1) * (0.3 + 3 * r.nextDouble());
            double tau = 0.1 + 0.4 * r.nextDouble();
            double[] theta0 = Initializer.initialize(net, task, Scheme.ALIGNED, tau, delta, k, null);
            SimulationSpec spec = SimulationSpec.builder(net, task, theta0).scheme(Scheme.ALIGNED).method(Method.GRADIENT_FLOW)
                    .grid(60.0, 4).tolerances(1e-11, 1e-13).build();
            OverlayResult o = Overlays.evaluate(Overlays.HYPERBOLIC_ENTROPY, OverlayInput.of(spec));
            assertTrue(o.available(), o.reason());
            assertEquals(delta, o.number("delta"), 1e-9);
            Trajectory tr = Simulation.simulate(spec);
            double[] end = tr.last().effectiveWeight(), beta = o.array("beta");
            for (int i = 0; i < end.length; i++) assertEquals(beta[i], end[i], ENGINE, "case " + k);
            // the last mode sees no data: it keeps its start (λ = τ), the others reach the target s = n … 2
            double[] lambda = o.array("lambda");
            assertEquals(n, lambda.length);
            for (int i = 0; i + 1 < n; i++) assertEquals(n - i, lambda[i], 1e-12);
            assertEquals(tau, lambda[n - 1], 1e-12);
        }
    }

    @Test
    void declinesWithReasons() {
        Task task = Task.whitened(Fixtures.diag(3, 3, 3, 2, 1));
        Network net = new Network(3, 3, 3);
        assertTrue(reason(Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 0.0, 1, Method.GRADIENT_FLOW, 1, 3, 0)).contains("δ ≠ 0"));
        assertTrue(reason(Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.1, 0.0, 1, Method.GRADIENT_FLOW, 1, 3, 0)).contains("δI_h"));
        assertTrue(reason(Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 2.0, 1, Method.GRADIENT_DESCENT, 1, 3, 0.05)).contains("gradient descent"));
        assertTrue(reason(Fixtures.spec(new Network(3, 3, 3, 3), task, Scheme.ALIGNED, 0.1, 2.0, 1, Method.GRADIENT_FLOW, 1, 3, 0)).contains("two-layer"));
        assertNull(reason(Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 2.0, 1, Method.GRADIENT_FLOW, 1, 3, 0)));
        // W → W R with R a small rotation of the inputs: WWᵀ and so Δ = δI are kept, β0 leaves T's singular basis
        SimulationSpec aligned = Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 2.0, 1, Method.GRADIENT_FLOW, 1, 3, 0);
        double[] theta = aligned.theta0();
        double e = 1e-4, cs = Math.cos(e), sn = Math.sin(e);
        for (int i = 0; i < 3; i++) {
            double x = theta[i * 3], y = theta[i * 3 + 1];
            theta[i * 3] = cs * x - sn * y;
            theta[i * 3 + 1] = sn * x + cs * y;
        }
        SimulationSpec rotated = SimulationSpec.builder(net, task, theta).scheme(Scheme.EXPLICIT).method(Method.GRADIENT_FLOW).grid(1, 3).build();
        assertTrue(String.valueOf(reason(rotated)).contains("singular vectors"), reason(rotated));
    }

    private static String reason(SimulationSpec spec) {
        return Overlays.get(Overlays.HYPERBOLIC_ENTROPY).whyNot(OverlayInput.of(spec));
    }

    /** ∇Φ(β) = U diag(q'(σ)) Vᵀ, q'(x) = asinh(2γx/|δ|)/(2γ) (d q/dx of q_δ(γx)/γ²) */
    static double[][] spectralGradient(double[][] beta, double delta, double gamma) {
        int d = beta.length, c = beta[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, c, true, true, false);
        assertTrue(svd.decompose(new DMatrixRMaj(beta)));
        DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        double[][] g = new double[d][c];
        for (int k = 0; k < svd.numberOfSingularValues(); k++) {
            double z = 2 * gamma * s[k] / Math.abs(delta);
            double qp = Math.log(z + Math.sqrt(z * z + 1)) / (2 * gamma);
            for (int i = 0; i < d; i++) for (int j = 0; j < c; j++) g[i][j] += qp * u.get(i, k) * v.get(j, k);
        }
        return g;
    }

    static double[][] compose(double[][] u, double[] diag, double[][] v, int d, int c) {
        double[][] b = new double[d][c];
        for (int i = 0; i < d; i++) for (int j = 0; j < c; j++)
            for (int k = 0; k < diag.length; k++) b[i][j] += u[i][k] * diag[k] * v[j][k];
        return b;
    }

    static DMatrixRMaj transpose(double[][] b) {
        DMatrixRMaj t = new DMatrixRMaj(b[0].length, b.length);
        for (int i = 0; i < b.length; i++) for (int j = 0; j < b[0].length; j++) t.set(j, i, b[i][j]);
        return t;
    }

    /** a random orthogonal n × n matrix (columns) by Gram–Schmidt */
    static double[][] orthogonal(int n, Random r) {
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = r.nextGaussian();
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += col[i] * q[i][p];
                for (int i = 0; i < n; i++) col[i] -= dot * q[i][p];
            }
            double norm = 0;
            for (double x : col) norm += x * x;
            for (int i = 0; i < n; i++) q[i][k] = col[i] / Math.sqrt(norm);
        }
        return q;
    }
}
