package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.observe.SmallSvd;
import org.junit.jupiter.api.Test;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-frame Jacobi SVD against EJML's QR SVD: values, and vectors that reconstruct A. */
class SmallSvdTest {
    @Test
    void matchesEjmlOnRandomSmallMatricesOfEveryShapeAndScale() {
        Random rng = new Random(31);
        for (int trial = 0; trial < 500; trial++) {
            int m = 1 + rng.nextInt(12), n = 1 + rng.nextInt(12);
            double scale = Math.pow(10, rng.nextInt(25) - 12);
            DMatrixRMaj a = new DMatrixRMaj(m, n);
            int rank = trial % 4 == 0 ? rng.nextInt(Math.min(m, n) + 1) : Math.min(m, n);
            for (int r = 0; r < rank; r++) {          // sum of rank-one terms: controlled rank
                double[] x = KernelsTest.random(rng, m), y = KernelsTest.random(rng, n);
                for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) a.add(i, j, scale * x[i] * y[j]);
            }
            if (trial % 9 == 0) a.zero();
            double[] ref = Task.singularValues(a);
            SmallSvd svd = new SmallSvd(m, n, true);
            assertTrue(svd.decompose(a.data, 0), "Jacobi did not converge");
            int k = Math.min(m, n);
            double[] got = new double[k];
            svd.singularValues(got);
            double smax = ref.length > 0 ? ref[0] : 0;
            for (int i = 0; i < k; i++)
                assertEquals(ref[i], got[i], 1e-13 * Math.max(smax, 1e-300) * (1 + k), "σ_" + i + " of " + m + "×" + n);
            // A = Σ σ_i u_i v_iᵀ over σ_i > 0
            DMatrixRMaj rec = new DMatrixRMaj(m, n);
            double[] u = new double[m], v = new double[n];
            for (int i = 0; i < k; i++) {
                if (!(got[i] > 1e-12 * smax)) continue;
                svd.vectors(i, u, v);
                for (int r = 0; r < m; r++) for (int c = 0; c < n; c++) rec.add(r, c, got[i] * u[r] * v[c]);
            }
            for (int e = 0; e < a.data.length; e++)
                assertEquals(a.data[e], rec.data[e], 1e-11 * Math.max(smax, 1e-300), "reconstruction of " + m + "×" + n);
        }
    }
}
