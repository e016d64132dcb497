package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Sharpness;
import org.dlnexplorer.model.observe.TridiagonalEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The O(k²) tridiagonal Ritz solver and the Lanczos sharpness against dense EJML eigen-decompositions. */
class SharpnessAgreementTest {

    @Test
    void tridiagonalLargestEigenpairMatchesDenseDecomposition() {
        Random rng = new Random(5);
        for (int trial = 0; trial < 400; trial++) {
            int k = 1 + rng.nextInt(trial < 300 ? 12 : 120);
            double[] alpha = new double[k], beta = new double[k + 1];
            for (int i = 0; i < k; i++) alpha[i] = trial % 5 == 0 ? 1.0 : rng.nextGaussian() * 3;
            for (int i = 1; i < k; i++) beta[i] = (trial % 7 == 0 && i % 3 == 0) ? 0.0 : Math.abs(rng.nextGaussian());
            DMatrixRMaj t = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                t.set(i, i, alpha[i]);
                if (i + 1 < k) { t.set(i, i + 1, beta[i + 1]); t.set(i + 1, i, beta[i + 1]); }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
            eig.decompose(t.copy());
            int best = 0;
            for (int i = 1; i < k; i++) if (eig.getEigenvalue(i).real > eig.getEigenvalue(best).real) best = i;
            double lam = eig.getEigenvalue(best).real;
            double[] got = TridiagonalEigen.largest(alpha, beta, k);
            assertNotNull(got);
            double scale = Math.max(1.0, Math.abs(lam));
            assertEquals(lam, got[0], 1e-12 * scale, "λ_max, k = " + k);
            // the eigenvector's last component (up to sign), when λ_max is simple
            double gap = Double.POSITIVE_INFINITY;
            for (int i = 0; i < k; i++) if (i != best) gap = Math.min(gap, lam - eig.getEigenvalue(i).real);
            if (gap > 1e-6 * scale) {
                DMatrixRMaj v = eig.getEigenVector(best);
                double nrm = 0;
                for (int i = 0; i < k; i++) nrm += v.get(i) * v.get(i);
                assertEquals(Math.abs(v.get(k - 1)) / Math.sqrt(nrm), Math.abs(got[1]), 1e-8, "y_k, k = " + k);
            }
        }
    }

    @Test
    void lanczosSharpnessEqualsTheLargestEigenvalueOfTheFullHessian() {
        Random rng = new Random(9);
        for (int trial = 0; trial < 40; trial++) {
            FastPathAgreementTest.Problem p = FastPathAgreementTest.randomProblem(rng, 4, 5);
            Objective obj = new Objective(p.net(), p.task());
            int n = p.theta().length;
            DMatrixRMaj h = new DMatrixRMaj(n, n);
            double[] e = new double[n], col = new double[n];
            for (int j = 0; j < n; j++) {
                e[j] = 1;
                obj.hessianVector(p.theta(), e, col);
                e[j] = 0;
                for (int i = 0; i < n; i++) h.set(i, j, col[i]);
            }
            DMatrixRMaj sym = h.copy();
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) sym.set(i, j, 0.5 * (h.get(i, j) + h.get(j, i)));
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            eig.decompose(sym);
            double lam = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) lam = Math.max(lam, eig.getEigenvalue(i).real);
            double got = new Sharpness(obj).compute(p.theta());
            assertEquals(lam, got, 1e-5 * Math.max(1.0, Math.abs(lam)), "sharpness, widths "
                    + java.util.Arrays.toString(p.net().widths()));
        }
    }
}
