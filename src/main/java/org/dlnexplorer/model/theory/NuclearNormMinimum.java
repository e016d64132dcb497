package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Measurements;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The convex problem the deep factorisations are compared with (seed 000 §8): min ‖X‖_* subject to 𝒜(X) = y
 * (the observations; least-squares-fitted values of y when they are inconsistent). Solved by ADMM on
 * X (the affine set) and Z (the nuclear norm) with the scaled multiplier U:
 *   X ← Proj_{𝒜X = y}(Z − U) = V − 𝒜*((𝒜𝒜*)⁺(𝒜V − y)),  Z ← SVT_{1/ρ}(X + U),  U ← U + X − Z,
 * where SVT_τ shrinks every singular value by τ. At the solution ρU is a dual certificate D = 𝒜*(λ) with
 * ‖D‖_op ≤ 1 and ⟨D, X⟩ = ‖X‖_* (the dual value ⟨y, λ⟩ equals the primal one).
 */
public final class NuclearNormMinimum {
    /** stop when the primal and dual residuals are below this × max(1, ‖y‖) */
    public static final double TOLERANCE = 1e-11;
    private static final int MAX_ITERATIONS = 400_000;

    /** X (the minimizer, feasible), its nuclear norm, and the dual certificate D = ρU */
    public record Solution(DMatrixRMaj x, double value, DMatrixRMaj dual, int iterations, boolean converged) {}

    private NuclearNormMinimum() {}

    public static Solution solve(Measurements ms) {
        int rows = ms.rows(), cols = ms.cols(), n = rows * cols, m = ms.count();
        double[] y = ms.values();
        // 𝒜 as an m × n matrix and the pseudo-inverse of its Gram matrix 𝒜𝒜*
        DMatrixRMaj op = new DMatrixRMaj(m, n);
        for (int k = 0; k < m; k++) System.arraycopy(ms.matrix(k).data, 0, op.data, k * n, n);
        DMatrixRMaj gram = new DMatrixRMaj(m, m), gramPinv = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(op, op, gram);
        CommonOps_DDRM.pinv(gram, gramPinv);
        double yNorm = 0;
        for (double v : y) yNorm += v * v;
        double scale = Math.max(1, Math.sqrt(yNorm));
        double rho = 1.0 / scale;
        double[] x = new double[n], z = new double[n], u = new double[n], v = new double[n], zPrev = new double[n];
        double[] r = new double[m], lam = new double[m];
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, false);
        int it = 0;
        boolean converged = false;
        for (; it < MAX_ITERATIONS; it++) {
            // X ← V − 𝒜*((𝒜𝒜*)⁺(𝒜V − y)), V = Z − U
            for (int i = 0; i < n; i++) v[i] = z[i] - u[i];
            project(op, gramPinv, y, v, x, r, lam);
            // Z ← SVT_{1/ρ}(X + U)
            System.arraycopy(z, 0, zPrev, 0, n);
            for (int i = 0; i < n; i++) v[i] = x[i] + u[i];
            shrink(svd, rows, cols, v, 1.0 / rho, z);
            double primal = 0, dual = 0;
            for (int i = 0; i < n; i++) {
                u[i] += x[i] - z[i];
                primal += (x[i] - z[i]) * (x[i] - z[i]);
                dual += (z[i] - zPrev[i]) * (z[i] - zPrev[i]);
            }
            if (Math.sqrt(primal) <= TOLERANCE * scale && rho * Math.sqrt(dual) <= TOLERANCE * scale && it > 10) {
                converged = true;
                break;
            }
        }
        DMatrixRMaj xm = new DMatrixRMaj(rows, cols, true, x);
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < n; i++) d.data[i] = rho * u[i];
        return new Solution(xm, nuclearNorm(xm), d, it, converged);
    }

    /** x = v − 𝒜*(G⁺(𝒜v − y)) */
    private static void project(DMatrixRMaj op, DMatrixRMaj gramPinv, double[] y, double[] v, double[] x,
                                double[] r, double[] lam) {
        int m = op.numRows, n = op.numCols;
        for (int k = 0; k < m; k++) {
            double s = -y[k];
            for (int i = 0; i < n; i++) s += op.get(k, i) * v[i];
            r[k] = s;
        }
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int j = 0; j < m; j++) s += gramPinv.get(k, j) * r[j];
            lam[k] = s;
        }
        System.arraycopy(v, 0, x, 0, n);
        for (int k = 0; k < m; k++) for (int i = 0; i < n; i++) x[i] -= op.get(k, i) * lam[k];
    }

    /** out = U max(Σ − τ, 0) Vᵀ for v = U Σ Vᵀ */
    private static void shrink(SingularValueDecomposition_F64<DMatrixRMaj> svd, int rows, int cols, double[] v,
                               double tau, double[] out) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols, true, v);
        if (!svd.decompose(a)) throw new IllegalStateException("SVD failed");
        DMatrixRMaj uu = svd.getU(null, false), w = svd.getW(null), vv = svd.getV(null, false);
        for (int i = 0; i < Math.min(w.numRows, w.numCols); i++) w.set(i, i, Math.max(0, w.get(i, i) - tau));
        DMatrixRMaj tmp = new DMatrixRMaj(uu.numRows, w.numCols), res = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.mult(uu, w, tmp);
        CommonOps_DDRM.multTransB(tmp, vv, res);
        System.arraycopy(res.data, 0, out, 0, rows * cols);
    }

    /** ‖X‖_* = Σ σ_i */
    public static double nuclearNorm(DMatrixRMaj x) {
        double s = 0;
        for (double v : org.dlnexplorer.model.core.Task.singularValues(x)) s += v;
        return s;
    }

    /** the Schatten-p quasi-norm (Σ σ_i^p)^{1/p}; p = 2/L is the one depth L favours (seed 000 §8) */
    public static double schatten(DMatrixRMaj x, double p) {
        double s = 0;
        for (double v : org.dlnexplorer.model.core.Task.singularValues(x)) s += Math.pow(v, p);
        return Math.pow(s, 1 / p);
    }
}
