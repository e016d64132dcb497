package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LayerStructure.Alignment}: the alignment ⟨v_{ℓ+1}, u_ℓ⟩² of consecutive layers, by Jacobi for small
 * layers and EJML's SVD for larger ones, against the top singular vectors from EJML's SVD of every layer, and
 * on layers built with known top vectors.
 */
class LayerAlignmentTest {
    /** two SVDs' top vectors agree to this (squared inner products, well separated top singular values) */
    private static final double AGREEMENT = 1e-10;

    private static double[] random(int rows, int cols, Random rng) {
        return Fixtures.randomMatrix(rows, cols, rng, 1.0).data;
    }

    /** the alignment from EJML's SVD of every layer (the general path) */
    private static double[] byEjml(int[] widths, double[][] weights) {
        int depth = widths.length - 1;
        double[][][] uv = new double[depth][][];
        for (int l = 0; l < depth; l++) uv[l] = LayerStructure.topSingularVectors(widths[l + 1], widths[l], weights[l]);
        double[] out = new double[depth - 1];
        for (int l = 0; l + 1 < depth; l++) {
            double d = 0;
            for (int i = 0; i < uv[l][0].length; i++) d += uv[l + 1][1][i] * uv[l][0][i];
            out[l] = d * d;
        }
        return out;
    }

    /** whether the top two singular values of every layer are apart by at least 1% (top vectors well defined) */
    private static boolean separated(int[] widths, double[][] weights) {
        for (int l = 0; l + 1 < widths.length; l++) {
            org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(widths[l + 1], widths[l], true, weights[l]);
            var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, false);
            assertTrue(svd.decompose(m));
            double[] s = svd.getSingularValues().clone();
            java.util.Arrays.sort(s);
            if (s.length > 1 && s[s.length - 1] - s[s.length - 2] < 0.01 * s[s.length - 1]) return false;
        }
        return true;
    }

    @Test
    void smallAndLargeLayersAgreeWithEjmlsVectorsOverRandomNetworks() {
        Random rng = new Random(7);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            int depth = 2 + rng.nextInt(4);
            int[] widths = new int[depth + 1];
            // Jacobi (a side ≤ 4) and EJML (both sides > 4) layers, wide and tall
            for (int i = 0; i <= depth; i++) widths[i] = rng.nextBoolean() ? 1 + rng.nextInt(4) : 5 + rng.nextInt(8);
            double[][] weights = new double[depth][];
            for (int l = 0; l < depth; l++) weights[l] = random(widths[l + 1], widths[l], rng);
            if (!separated(widths, weights)) continue;
            double[] expected = byEjml(widths, weights);
            LayerStructure.Alignment reused = new LayerStructure.Alignment(widths);
            double[][] other = new double[depth][];
            for (int l = 0; l < depth; l++) other[l] = random(widths[l + 1], widths[l], rng);
            reused.of(other);   // an earlier frame on the same instance must leave nothing behind
            double[] got = reused.of(weights);
            for (int l = 0; l < expected.length; l++)
                assertEquals(expected[l], got[l], AGREEMENT, java.util.Arrays.toString(widths) + " pair " + (l + 1));
            checked++;
        }
        assertTrue(checked > 200, checked + " networks checked");
    }

    /** W_ℓ = s_ℓ a_ℓ b_ℓᵀ + a smaller second term: top vectors a_ℓ (left) and b_ℓ (right) */
    private static double[] rankTwo(double s, double[] a, double[] b, double[] a2, double[] b2) {
        double[] w = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < b.length; j++) w[i * b.length + j] = s * a[i] * b[j] + 0.1 * a2[i] * b2[j];
        return w;
    }

    private static double[] unit(int n, int k) {
        double[] e = new double[n];
        e[k] = 1;
        return e;
    }

    @Test
    void knownTopVectorsGiveOneZeroAndAPlantedAngleAndAZeroLayerGivesNaN() {
        // widths 3 → 3 → 3 → 2: W_1's left top vector e_1, W_2's right top vector (cos θ e_1 + sin θ e_2)
        double theta = 0.3;
        double[] c = {Math.cos(theta), Math.sin(theta), 0};
        double[] w1 = rankTwo(2, unit(3, 0), unit(3, 1), unit(3, 2), unit(3, 2));
        double[] w2 = rankTwo(3, unit(3, 1), c, unit(3, 0), new double[] {-Math.sin(theta), Math.cos(theta), 0});
        double[] w3 = rankTwo(1.5, unit(2, 0), unit(3, 2), unit(2, 1), unit(3, 1));   // right top e_3 ⟂ u_2 = e_2
        int[] widths = {3, 3, 3, 2};
        double[] a = new LayerStructure.Alignment(widths).of(new double[][] {w1, w2, w3});
        assertEquals(Math.cos(theta) * Math.cos(theta), a[0], AGREEMENT, "⟨v₂, u₁⟩² = cos²θ");
        assertEquals(0, a[1], AGREEMENT, "⟨v₃, u₂⟩² = 0");
        double[] aligned = new LayerStructure.Alignment(widths).of(new double[][] {w1,
                rankTwo(3, unit(3, 1), unit(3, 0), unit(3, 2), unit(3, 2)), rankTwo(1.5, unit(2, 0), unit(3, 1), unit(2, 1), unit(3, 2))});
        assertEquals(1, aligned[0], AGREEMENT);
        assertEquals(1, aligned[1], AGREEMENT);
        double[] zero = new LayerStructure.Alignment(widths).of(new double[][] {w1, new double[9], w3});
        assertTrue(Double.isNaN(zero[0]) && Double.isNaN(zero[1]), "a zero layer has no top vector");
    }
}
