package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.Basis;
import org.dlnexplorer.model.objective.FlowJacobian;

/**
 * The two linear systems of Radau IIA's simplified Newton iteration for gradient flow, with J = −D M D⁻¹ and
 * M ≈ Q T Qᵀ ({@link FlowJacobian.Krylov}: T tridiagonal, Q orthonormal, identity off span(Q)):
 *   (I − h A⊗J) ΔZ = r   ⇔  with x_s = D⁻¹ r_s, c_s = Qᵀ x_s:  x_s += Q (y_s − c_s),  (I + h T⊗A) y = c,
 *   (I − h γ₀ J) e' = e  ⇔  x = D⁻¹ e, c = Qᵀ x:  x += Q (y − c),  (I + h γ₀ T) y = c,
 * and r_s = D x_s. (I + h T⊗A), ordered (Krylov index j, stage s) → 3j + s, is block tridiagonal with 3×3
 * blocks δ_jj' I + h T_jj' A: a band of 5 sub- and super-diagonals, factored by {@link BandLu} (partial
 * pivoting: T may be indefinite) once per step size; no eigenvectors of T are needed. Allocation-free per solve.
 */
final class RadauLinearSystem {
    private static final double[][] A = RadauTableau.A;
    private static final double GAMMA0 = RadauTableau.GAMMA0;
    /** half-bandwidth of I + h T⊗A in the (j, s) ordering: row 3j + s reaches 3(j ± 1) + s' */
    private static final int STAGE_BAND = 5;

    private final int n;
    private final double[] d;
    private FlowJacobian.Krylov krylov;
    private int k;
    private BandLu stages, filter;
    private double[] c1 = new double[0], c2 = c1, c3 = c1, stacked = c1, cf = c1, yf = c1;
    private double factoredH = Double.NaN;

    RadauLinearSystem(int n, double[] sqrtRates) {
        this.n = n;
        this.d = sqrtRates;
    }

    /** a new form of M (its arrays are read, not copied: valid until the Jacobian's next call) */
    void set(FlowJacobian.Krylov form) {
        krylov = form;
        int size = form.size();
        if (stages == null || k != size) {
            stages = new BandLu(3 * size, STAGE_BAND, STAGE_BAND);
            filter = new BandLu(size, 1, 1);
            c1 = new double[size];
            c2 = new double[size];
            c3 = new double[size];
            cf = new double[size];
            yf = new double[size];
            stacked = new double[3 * size];
        }
        k = size;
        factoredH = Double.NaN;
    }

    /** factors both systems for step h (no work when h is the last one factored); false if singular */
    boolean prepare(double h) {
        if (h == factoredH) return true;
        double[] alpha = krylov.alpha(), beta = krylov.beta();
        stages.clear();
        filter.clear();
        for (int j = 0; j < k; j++) {
            block(j, j, 1.0, h * alpha[j]);
            filter.set(j, j, 1.0 + h * GAMMA0 * alpha[j]);
            if (j > 0 && beta[j] != 0) {
                block(j, j - 1, 0.0, h * beta[j]);
                block(j - 1, j, 0.0, h * beta[j]);
                filter.set(j, j - 1, h * GAMMA0 * beta[j]);
                filter.set(j - 1, j, h * GAMMA0 * beta[j]);
            }
        }
        boolean ok = stages.factor() && filter.factor();
        factoredH = ok ? h : Double.NaN;
        return ok;
    }

    /** the 3×3 block (j, j'): identity · diagonal + x A */
    private void block(int j, int jj, double diagonal, double x) {
        for (int s = 0; s < 3; s++)
            for (int t = 0; t < 3; t++) stages.set(3 * j + s, 3 * jj + t, (s == t ? diagonal : 0.0) + x * A[s][t]);
    }

    /** r_s ← (I − h A⊗J)⁻¹ r_s in place, for the h last prepared */
    void solveStages(double[] r1, double[] r2, double[] r3) {
        double[][] q = krylov.basis();
        for (int i = 0; i < n; i++) {
            r1[i] /= d[i];
            r2[i] /= d[i];
            r3[i] /= d[i];
        }
        Basis.project3(q, k, r1, r2, r3, c1, c2, c3);
        for (int j = 0; j < k; j++) {
            stacked[3 * j] = c1[j];
            stacked[3 * j + 1] = c2[j];
            stacked[3 * j + 2] = c3[j];
        }
        stages.solve(stacked);
        for (int j = 0; j < k; j++) {
            c1[j] = stacked[3 * j] - c1[j];
            c2[j] = stacked[3 * j + 1] - c2[j];
            c3[j] = stacked[3 * j + 2] - c3[j];
        }
        Basis.combine3(q, k, c1, c2, c3, r1, r2, r3);
        for (int i = 0; i < n; i++) {
            r1[i] *= d[i];
            r2[i] *= d[i];
            r3[i] *= d[i];
        }
    }

    /** e ← (I − h γ₀ J)⁻¹ e in place, for the h last prepared */
    void solveFilter(double[] e) {
        double[][] q = krylov.basis();
        for (int i = 0; i < n; i++) e[i] /= d[i];
        Basis.project(q, k, e, cf);
        System.arraycopy(cf, 0, yf, 0, k);
        filter.solve(yf);
        for (int j = 0; j < k; j++) cf[j] = yf[j] - cf[j];
        Basis.combine(q, k, cf, e);
        for (int i = 0; i < n; i++) e[i] *= d[i];
    }
}
