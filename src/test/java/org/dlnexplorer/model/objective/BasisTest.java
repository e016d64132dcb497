package org.dlnexplorer.model.objective;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The blocked basis products against plain loops, for every remainder of k modulo the blocking. */
class BasisTest {
    /** sums of ≤ 40 products of O(1) numbers, reassociated at most in the pairing of rows */
    static final double ROUND_OFF = 1e-13;

    @Test
    void blockedProductsEqualPlainLoops() {
        Random rng = new Random(61);
        int n = 37;
        for (int k = 0; k <= 9; k++) {
            double[][] q = new double[k + 2][n];   // rows past k must be ignored
            for (double[] row : q) for (int i = 0; i < n; i++) row[i] = rng.nextGaussian();
            double[][] x = new double[3][n];
            double[][] c = new double[3][k];
            for (double[] v : x) for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
            for (double[] v : c) for (int j = 0; j < k; j++) v[j] = rng.nextGaussian();
            double[][] proj = new double[3][k], comb = new double[3][];
            for (int s = 0; s < 3; s++) {
                comb[s] = x[s].clone();
                for (int j = 0; j < k; j++)
                    for (int i = 0; i < n; i++) {
                        proj[s][j] += q[j][i] * x[s][i];
                        comb[s][i] += c[s][j] * q[j][i];
                    }
            }
            double[] one = new double[k];
            Basis.project(q, k, x[0], one);
            for (int j = 0; j < k; j++) assertEquals(proj[0][j], one[j], ROUND_OFF, "project k=" + k);
            double[][] three = new double[3][k];
            Basis.project3(q, k, x[0], x[1], x[2], three[0], three[1], three[2]);
            for (int s = 0; s < 3; s++)
                for (int j = 0; j < k; j++) assertEquals(proj[s][j], three[s][j], ROUND_OFF, "project3 k=" + k);
            double[] y = x[0].clone();
            Basis.combine(q, k, c[0], y);
            for (int i = 0; i < n; i++) assertEquals(comb[0][i], y[i], ROUND_OFF, "combine k=" + k);
            double[][] z = {x[0].clone(), x[1].clone(), x[2].clone()};
            Basis.combine3(q, k, c[0], c[1], c[2], z[0], z[1], z[2]);
            for (int s = 0; s < 3; s++)
                for (int i = 0; i < n; i++) assertEquals(comb[s][i], z[s][i], ROUND_OFF, "combine3 k=" + k);
        }
    }
}
