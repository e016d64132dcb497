package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.Kernels;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register-blocked kernels against the textbook triple loop, at random sizes, offsets and scales. */
class KernelsTest {
    private static final double REL = 1e-13;

    @Test
    void allThreeProductsMatchTheTripleLoopAtRandomSizes() {
        Random rng = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + rng.nextInt(trial < 200 ? 13 : 70);
            int k = 1 + rng.nextInt(trial < 200 ? 13 : 70);
            int n = 1 + rng.nextInt(trial < 200 ? 13 : 70);
            double alpha = trial % 3 == 0 ? 1.0 : rng.nextGaussian();
            int aOff = rng.nextInt(5), bOff = rng.nextInt(5), cOff = rng.nextInt(5);
            double[] a = random(rng, aOff + m * k), b = random(rng, bOff + k * n);
            // C = α A B
            double[] c = random(rng, cOff + m * n + 3);
            double[] guard = c.clone();
            Kernels.mult(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
            double[] ref = new double[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += a[aOff + i * k + p] * b[bOff + p * n + j];
                    ref[i * n + j] = alpha * s;
                }
            check("mult", ref, c, cOff, guard, m, n);

            // C = α Aᵀ B with A k×m
            double[] at = random(rng, aOff + k * m);
            c = guard.clone();
            Kernels.multTransA(alpha, at, aOff, b, bOff, c, cOff, m, k, n);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += at[aOff + p * m + i] * b[bOff + p * n + j];
                    ref[i * n + j] = alpha * s;
                }
            check("multTransA", ref, c, cOff, guard, m, n);

            // C = α A Bᵀ with B n×k
            double[] bt = random(rng, bOff + n * k);
            c = guard.clone();
            Kernels.multTransB(alpha, a, aOff, bt, bOff, c, cOff, m, k, n);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += a[aOff + i * k + p] * bt[bOff + j * k + p];
                    ref[i * n + j] = alpha * s;
                }
            check("multTransB", ref, c, cOff, guard, m, n);
        }
    }

    @Test
    void dotMatchesTheLoop() {
        Random rng = new Random(1);
        double[] a = random(rng, 40), b = random(rng, 40);
        double s = 0;
        for (int i = 0; i < 17; i++) s += a[3 + i] * b[5 + i];
        assertEquals(s, Kernels.dot(a, 3, b, 5, 17), 0.0);
    }

    private static void check(String what, double[] ref, double[] c, int cOff, double[] guard, int m, int n) {
        double scale = 0;
        for (double v : ref) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < m * n; i++)
            assertTrue(Math.abs(ref[i] - c[cOff + i]) <= REL * Math.max(scale, 1e-300) * 8,
                    what + " " + m + "×" + n + " entry " + i + ": " + c[cOff + i] + " vs " + ref[i]);
        for (int i = 0; i < cOff; i++) assertEquals(guard[i], c[i], 0.0, what + " wrote before C");
        for (int i = cOff + m * n; i < c.length; i++) assertEquals(guard[i], c[i], 0.0, what + " wrote after C");
    }

    static double[] random(Random rng, int len) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = rng.nextGaussian();
        return x;
    }
}
