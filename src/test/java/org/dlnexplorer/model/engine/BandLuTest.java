package org.dlnexplorer.model.engine;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The banded LU solve against the residual of the dense matrix it was given, with and without pivoting. */
class BandLuTest {
    /** ‖A x − b‖_∞ relative to ‖A‖_∞ ‖x‖_∞: backward-stable elimination leaves round-off */
    static final double RESIDUAL = 1e-13;

    /** a random N × N matrix with kl sub- and ku super-diagonals; weak diagonal forces row interchanges */
    private static double[][] banded(Random rng, int size, int kl, int ku, double diagonal) {
        double[][] a = new double[size][size];
        for (int i = 0; i < size; i++)
            for (int j = Math.max(0, i - kl); j <= Math.min(size - 1, i + ku); j++)
                a[i][j] = rng.nextGaussian() + (i == j ? diagonal : 0);
        return a;
    }

    @Test
    void solvesBandedSystemsToRoundOff() {
        Random rng = new Random(41);
        int[][] shapes = {{1, 1, 1}, {7, 1, 1}, {12, 2, 3}, {30, 5, 5}, {64, 5, 5}, {9, 0, 2}, {9, 3, 0}};
        for (int[] s : shapes)
            for (double diagonal : new double[]{0.0, 1e-3, 10.0}) {
                int size = s[0], kl = s[1], ku = s[2];
                double[][] a = banded(rng, size, kl, ku, diagonal);
                BandLu lu = new BandLu(size, kl, ku);
                for (int i = 0; i < size; i++)
                    for (int j = Math.max(0, i - kl); j <= Math.min(size - 1, i + ku); j++) lu.set(i, j, a[i][j]);
                assertTrue(lu.factor(), "nonsingular");
                double[] b = new double[size];
                for (int i = 0; i < size; i++) b[i] = rng.nextGaussian();
                double[] x = b.clone();
                lu.solve(x);
                double normA = 0, normX = 0, worst = 0;
                for (int i = 0; i < size; i++) {
                    double row = 0, ax = 0;
                    for (int j = 0; j < size; j++) {
                        row += Math.abs(a[i][j]);
                        ax += a[i][j] * x[j];
                    }
                    normA = Math.max(normA, row);
                    normX = Math.max(normX, Math.abs(x[i]));
                    worst = Math.max(worst, Math.abs(ax - b[i]));
                }
                assertTrue(worst <= RESIDUAL * normA * normX,
                        size + "/" + kl + "/" + ku + " diagonal " + diagonal + ": residual " + worst);
            }
    }

    @Test
    void pivotsWhenTheDiagonalVanishes() {
        // [[0, 1], [1, 0]] needs a row interchange; without it the first pivot is zero
        BandLu lu = new BandLu(2, 1, 1);
        lu.set(0, 1, 1.0);
        lu.set(1, 0, 1.0);
        assertTrue(lu.factor());
        double[] x = {3.0, 5.0};
        lu.solve(x);
        assertEquals(5.0, x[0], 0.0);
        assertEquals(3.0, x[1], 0.0);
    }

    @Test
    void reportsASingularMatrix() {
        BandLu lu = new BandLu(3, 1, 1);
        lu.set(0, 0, 1.0);
        lu.set(0, 1, 2.0);
        lu.set(1, 0, 2.0);
        lu.set(1, 1, 4.0);
        lu.set(2, 2, 1.0);
        assertTrue(!lu.factor(), "rows 0 and 1 are dependent");
    }

    @Test
    void clearResetsTheMatrixForReuse() {
        BandLu lu = new BandLu(3, 1, 1);
        for (int i = 0; i < 3; i++) lu.set(i, i, 5.0);
        lu.factor();
        lu.clear();
        for (int i = 0; i < 3; i++) lu.set(i, i, 2.0);
        assertTrue(lu.factor());
        double[] x = {2.0, 4.0, 6.0};
        lu.solve(x);
        assertEquals(1.0, x[0], 0.0);
        assertEquals(2.0, x[1], 0.0);
        assertEquals(3.0, x[2], 0.0);
    }
}
