package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Measurements;
import org.dlnexplorer.model.core.Task;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * min ‖X‖_* s.t. 𝒜(X) = y against a convex-duality certificate built here, independently of the solver's
 * algorithm: weak duality gives ⟨y, λ⟩ ≤ min ‖X‖_* for every λ with ‖𝒜*λ‖_op ≤ 1, and the solver's X is feasible
 * with ‖X‖_* = value, so |value − optimum| ≤ value − ⟨y, λ⟩. λ is the least-squares solution of 𝒜*λ = D (D the
 * solver's multiplier), scaled to be dual feasible. Plus cases with known minima.
 */
class NuclearNormMinimumTest {
    /** the accuracy: within 1e−6 of the minimum */
    private static final double GAP = 1e-6;
    private static final double FEASIBLE = 1e-9;

    @Test
    void completionMinimumIsCertifiedByDuality() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 4; trial++) {
            DMatrixRMaj m = lowRank(5, 6, 1 + trial % 2, rng), mask = new DMatrixRMaj(5, 6);
            for (int i = 0; i < mask.data.length; i++) mask.data[i] = rng.nextDouble() < 0.45 ? 1 : 0;
            certify(Measurements.completion(m, mask));
        }
    }

    @Test
    void sensingMinimumIsCertifiedByDuality() {
        Random rng = new Random(8);
        DMatrixRMaj truth = lowRank(4, 4, 1, rng);
        DMatrixRMaj[] a = new DMatrixRMaj[9];
        double[] y = new double[9];
        for (int k = 0; k < 9; k++) {
            a[k] = new DMatrixRMaj(4, 4);
            for (int i = 0; i < 16; i++) a[k].data[i] = rng.nextGaussian();
            y[k] = inner(a[k], truth);
        }
        certify(Measurements.sensing(a, y));
    }

    @Test
    void knownMinima() {
        // every entry observed: the only fit is M itself
        Random rng = new Random(9);
        DMatrixRMaj m = lowRank(3, 4, 2, rng), all = new DMatrixRMaj(3, 4);
        CommonOps_DDRM.fill(all, 1);
        assertEquals(NuclearNormMinimum.nuclearNorm(m), NuclearNormMinimum.solve(Measurements.completion(m, all)).value(), GAP);
        // [[1, ?], [?, 1]]: ‖X‖_* ≥ tr X = 2, reached by [[1, 1], [1, 1]] (and the identity)
        DMatrixRMaj d = CommonOps_DDRM.identity(2), diag = CommonOps_DDRM.identity(2);
        assertEquals(2.0, NuclearNormMinimum.solve(Measurements.completion(d, diag)).value(), GAP);
        // [[1, 1], [1, ?]]: the rank-one completion [[1, 1], [1, 1]] has ‖·‖_* = 2, and ‖X‖_* ≥ ‖X‖_F ≥ √3 —
        // the certificate decides; here only feasibility of the fit and value ≤ 2
        DMatrixRMaj ones = new DMatrixRMaj(new double[][]{{1, 1}, {1, 0}}), three = new DMatrixRMaj(new double[][]{{1, 1}, {1, 0}});
        NuclearNormMinimum.Solution s = NuclearNormMinimum.solve(Measurements.completion(ones, three));
        assertTrue(s.value() <= 2 + GAP, "value " + s.value());
        certify(Measurements.completion(ones, three));
    }

    private static void certify(Measurements ms) {
        NuclearNormMinimum.Solution s = NuclearNormMinimum.solve(ms);
        assertTrue(s.converged(), "converged in " + s.iterations());
        int m = ms.count(), n = ms.rows() * ms.cols();
        double[] y = ms.values();
        // feasibility: 𝒜(X) = y
        for (int k = 0; k < m; k++)
            assertEquals(y[k], inner(ms.matrix(k), s.x()), FEASIBLE, "observation " + k);
        assertEquals(NuclearNormMinimum.nuclearNorm(s.x()), s.value(), 1e-12);
        // λ: least squares 𝒜*λ ≈ D, then scaled so that ‖𝒜*λ‖_op ≤ 1
        DMatrixRMaj adj = new DMatrixRMaj(n, m);
        for (int k = 0; k < m; k++) for (int i = 0; i < n; i++) adj.set(i, k, ms.matrix(k).data[i]);
        DMatrixRMaj lam = new DMatrixRMaj(m, 1), pinv = new DMatrixRMaj(m, n);
        CommonOps_DDRM.pinv(adj, pinv);
        CommonOps_DDRM.mult(pinv, new DMatrixRMaj(n, 1, true, s.dual().data), lam);
        DMatrixRMaj d = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(adj, lam, d);
        double op = Task.singularValues(new DMatrixRMaj(ms.rows(), ms.cols(), true, d.data))[0];
        double lower = 0;
        for (int k = 0; k < m; k++) lower += y[k] * lam.get(k);
        lower /= Math.max(1, op);
        assertTrue(s.value() - lower <= GAP, "duality gap " + (s.value() - lower) + " (value " + s.value() + ")");
        assertTrue(lower <= s.value() + 1e-12, "weak duality");
    }

    private static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
        return s;
    }

    /** Σ_q u_q v_qᵀ with gaussian u_q, v_q */
    private static DMatrixRMaj lowRank(int r, int c, int rank, Random rng) {
        DMatrixRMaj out = new DMatrixRMaj(r, c);
        for (int q = 0; q < rank; q++) {
            double[] u = new double[r], v = new double[c];
            for (int i = 0; i < r; i++) u[i] = rng.nextGaussian();
            for (int j = 0; j < c; j++) v[j] = rng.nextGaussian();
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out.add(i, j, u[i] * v[j]);
        }
        return out;
    }
}
