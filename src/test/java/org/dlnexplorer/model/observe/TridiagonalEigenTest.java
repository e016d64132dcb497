package org.dlnexplorer.model.observe;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Laguerre's largest eigenpair of a tridiagonal against the QL reference (dense EJML: SharpnessAgreementTest). */
class TridiagonalEigenTest {
    /** relative agreement of λ_max between the two methods */
    static final double LAMBDA_TOLERANCE = 1e-13;
    /** absolute agreement of the eigenvector's last component (unit vector) */
    static final double COMPONENT_TOLERANCE = 1e-8;

    @Test
    void laguerreAgreesWithQlOnUnreducedMatricesOfEveryShape() {
        Random rng = new Random(17);
        int laguerre = 0, trials = 3000;
        for (int trial = 0; trial < trials; trial++) {
            int k = 1 + rng.nextInt(trial < 2000 ? 16 : 120);
            double[] alpha = new double[k], beta = new double[k + 1];
            double scale = Math.pow(10, rng.nextInt(13) - 6);
            int shape = trial % 4;
            for (int i = 0; i < k; i++) {
                // 0: random; 1: constant diagonal (clustered spectrum); 2: Lanczos-like decaying β; 3: graded
                alpha[i] = scale * (shape == 1 ? 1.0 : shape == 3 ? Math.pow(2, -i) : rng.nextGaussian());
            }
            for (int i = 1; i < k; i++) {
                double b = Math.abs(rng.nextGaussian()) + 1e-3;
                beta[i] = scale * (shape == 2 ? b * Math.pow(1e-2, (double) i / k) : b);
            }
            double[] ql = TridiagonalEigen.largestByQl(alpha, beta, k);
            double[] fast = TridiagonalEigen.largestByLaguerre(alpha, beta, k);
            assertNotNull(ql);
            if (fast == null) continue;
            laguerre++;
            assertEquals(ql[0], fast[0], LAMBDA_TOLERANCE * maxAbs(alpha, beta, k), "λ_max, trial " + trial + ", k = " + k);
            if (gapOk(alpha, beta, k, ql[0]))
                assertEquals(Math.abs(ql[1]), fast[1], COMPONENT_TOLERANCE, "y_k, trial " + trial + ", k = " + k);
            double[] both = TridiagonalEigen.largest(alpha, beta, k);
            assertEquals(fast[0], both[0], 0.0, "largest() takes Laguerre's answer");
        }
        // the fast path must actually be the path taken: fallbacks are for reduced matrices and round-off
        assertTrue(laguerre >= trials * 0.95, "Laguerre answered " + laguerre + " of " + trials);
    }

    @Test
    void reducedMatricesGoToQl() {
        double[] alpha = {1, 5, 2}, beta = {0, 0.0, 1.0, 0};
        assertNull(TridiagonalEigen.largestByLaguerre(alpha, beta, 3));
        double[] got = TridiagonalEigen.largest(alpha, beta, 3);
        // blocks [1] and [[5, 1], [1, 2]]: λ_max = (7 + √13)/2
        assertEquals((7 + Math.sqrt(13)) / 2, got[0], 1e-14);
    }

    @Test
    void oneByOneAndTwoByTwoAreExact() {
        assertEquals(3.5, TridiagonalEigen.largest(new double[]{3.5}, new double[]{0, 0}, 1)[0], 0.0);
        assertEquals(1.0, TridiagonalEigen.largest(new double[]{3.5}, new double[]{0, 0}, 1)[1], 0.0);
        // [[a, b], [b, d]]: λ = (a + d)/2 + √(((a − d)/2)² + b²)
        double a = 2, d = -1, b = 0.75;
        double lam = (a + d) / 2 + Math.hypot((a - d) / 2, b);
        double[] got = TridiagonalEigen.largestByLaguerre(new double[]{a, d}, new double[]{0, b, 0}, 2);
        assertNotNull(got);
        assertEquals(lam, got[0], 1e-15 * lam);
        // eigenvector (b, λ − a) normalised: last component
        assertEquals((lam - a) / Math.hypot(b, lam - a), got[1], 1e-14);
    }

    private static double maxAbs(double[] alpha, double[] beta, int k) {
        double m = 0;
        for (int i = 0; i < k; i++) m = Math.max(m, Math.abs(alpha[i]) + Math.abs(beta[i]) + Math.abs(beta[i + 1]));
        return m;
    }

    /** λ_max simple with a clear gap (the eigenvector is then well determined): Sturm count just below it */
    private static boolean gapOk(double[] alpha, double[] beta, int k, double lambda) {
        double probe = lambda - 1e-6 * Math.max(1e-300, maxAbs(alpha, beta, k));
        int below = 0;
        double r = alpha[0] - probe;
        if (r < 0) below++;
        for (int i = 1; i < k; i++) {
            r = alpha[i] - probe - beta[i] * beta[i] / r;
            if (r < 0) below++;
        }
        return below == k - 1;
    }
}
