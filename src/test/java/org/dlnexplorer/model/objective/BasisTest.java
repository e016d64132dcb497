package org.dlnexplorer.model.objective;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The blocked basis products (scalar and, when the Vector API is present, vector) against plain loops, for
 * every remainder of k modulo the blocking and a row length that leaves a tail after the vector lanes.
 */
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
            for (boolean scalar : new boolean[]{true, false}) {
                String path = (scalar ? "scalar" : Kernels.kind()) + " k=" + k;
                double[] one = new double[k];
                if (scalar) Basis.projectScalar(q, k, x[0], one);
                else Basis.project(q, k, x[0], one);
                for (int j = 0; j < k; j++) assertEquals(proj[0][j], one[j], ROUND_OFF, "project " + path);
                double[][] three = new double[3][k];
                if (scalar) Basis.project3Scalar(q, k, x[0], x[1], x[2], three[0], three[1], three[2]);
                else Basis.project3(q, k, x[0], x[1], x[2], three[0], three[1], three[2]);
                for (int s = 0; s < 3; s++)
                    for (int j = 0; j < k; j++) assertEquals(proj[s][j], three[s][j], ROUND_OFF, "project3 " + path);
                double[] y = x[0].clone();
                if (scalar) Basis.combineScalar(q, k, c[0], y);
                else Basis.combine(q, k, c[0], y);
                for (int i = 0; i < n; i++) assertEquals(comb[0][i], y[i], ROUND_OFF, "combine " + path);
                double[][] z = {x[0].clone(), x[1].clone(), x[2].clone()};
                if (scalar) Basis.combine3Scalar(q, k, c[0], c[1], c[2], z[0], z[1], z[2]);
                else Basis.combine3(q, k, c[0], c[1], c[2], z[0], z[1], z[2]);
                for (int s = 0; s < 3; s++)
                    for (int i = 0; i < n; i++) assertEquals(comb[s][i], z[s][i], ROUND_OFF, "combine3 " + path);
            }
        }
    }
}
