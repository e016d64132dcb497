package org.dlnexplorer.model.objective;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Blocks of columns of αAB and αAᵀB (the two-core gradient's chains) agree bit for bit with the same columns
 * of the whole product, for the dispatched, the scalar and the SIMD kernels, and write nothing else.
 */
class KernelColumnsTest {
    /** marks entries a block must leave alone */
    private static final double SENTINEL = -12345.678;
    /** (m, k, n): scalar tiles, vector panels with a scalar rest, packed (≥ 48) and unpacked operands */
    private static final int[][] SHAPES = {{3, 5, 7}, {6, 9, 12}, {5, 50, 13}, {8, 64, 64}, {7, 33, 20}, {64, 64, 64}};

    private interface Whole {
        void run(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n);
    }

    private interface Block {
        void run(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n,
                 int j0, int j1);
    }

    @Test
    void dispatchedBlocksAreTheWholeProductsColumns() {
        check(Kernels::mult, Kernels::multColumns);
        check(Kernels::multTransA, Kernels::multTransAColumns);
    }

    @Test
    void scalarBlocksAreTheWholeProductsColumns() {
        check(Kernels::multScalar, (al, a, ao, b, bo, c, co, m, k, n, j0, j1) ->
                Kernels.multScalar(al, a, ao, b, bo + j0, n, c, co + j0, n, m, k, j1 - j0));
        check(Kernels::multTransAScalar, (al, a, ao, b, bo, c, co, m, k, n, j0, j1) ->
                Kernels.multTransAScalar(al, a, ao, b, bo + j0, n, c, co + j0, n, m, k, j1 - j0));
    }

    @Test
    void vectorBlocksAreTheWholeProductsColumns() {
        if (!Kernels.VECTOR) return;   // the module is absent: the scalar test covers the only kernels there are
        check(VectorKernels::mult, (al, a, ao, b, bo, c, co, m, k, n, j0, j1) ->
                VectorKernels.mult(al, a, ao, b, bo + j0, n, c, co + j0, n, m, k, j1 - j0));
        check(VectorKernels::multTransA, (al, a, ao, b, bo, c, co, m, k, n, j0, j1) ->
                VectorKernels.multTransA(al, a, ao, b, bo + j0, n, c, co + j0, n, m, k, j1 - j0));
    }

    @Test
    void blocksIntoTheirOwnCompactBuffersAreTheWholeProductsColumns() {
        // B read from a compact block (row stride = block width), C written compactly: the two-core chains
        check(Kernels::mult, (al, a, ao, b, bo, c, co, m, k, n, j0, j1) -> {
            int nb = j1 - j0;
            double[] bBlock = new double[k * nb], cBlock = new double[m * nb];
            for (int p = 0; p < k; p++) System.arraycopy(b, bo + p * n + j0, bBlock, p * nb, nb);
            Kernels.multBlock(al, a, ao, bBlock, 0, nb, cBlock, 0, nb, m, k, n, nb);
            for (int i = 0; i < m; i++) System.arraycopy(cBlock, i * nb, c, co + i * n + j0, nb);
        });
        check(Kernels::multTransA, (al, a, ao, b, bo, c, co, m, k, n, j0, j1) -> {
            int nb = j1 - j0;
            double[] bBlock = new double[k * nb], cBlock = new double[m * nb];
            for (int p = 0; p < k; p++) System.arraycopy(b, bo + p * n + j0, bBlock, p * nb, nb);
            Kernels.multTransABlock(al, a, ao, bBlock, 0, nb, cBlock, 0, nb, m, k, n, nb);
            for (int i = 0; i < m; i++) System.arraycopy(cBlock, i * nb, c, co + i * n + j0, nb);
        });
    }

    @Test
    void theVectorKernelsAreInUseUnderTest() {
        // the surefire JVM has the module: without it the vector test above would check nothing
        assertEquals("vector", Kernels.kind());
    }

    private static void check(Whole whole, Block block) {
        Random rng = new Random(19);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            int aOff = 3, bOff = 5, cOff = 2;
            double[] a = random(aOff + m * k, rng), b = random(bOff + k * n, rng);
            double alpha = -0.75;
            double[] expected = new double[cOff + m * n];
            whole.run(alpha, a, aOff, b, bOff, expected, cOff, m, k, n);
            int[][] blocks = {{0, n / 2}, {n / 2, n}, {1, n - 1}, {0, 1}, {n - 3, n}};
            for (int[] j : blocks) {
                double[] c = new double[cOff + m * n];
                java.util.Arrays.fill(c, SENTINEL);
                block.run(alpha, a, aOff, b, bOff, c, cOff, m, k, n, j[0], j[1]);
                double[] want = new double[c.length];
                java.util.Arrays.fill(want, SENTINEL);
                for (int i = 0; i < m; i++)
                    for (int jj = j[0]; jj < j[1]; jj++) want[cOff + i * n + jj] = expected[cOff + i * n + jj];
                assertArrayEquals(want, c, m + "×" + k + "×" + n + " columns " + j[0] + "…" + (j[1] - 1));
            }
        }
    }

    private static double[] random(int len, Random rng) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = rng.nextGaussian();
        return x;
    }
}
