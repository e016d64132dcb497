package org.dlnexplorer.model.observe;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The layer-level structure Marion &amp; Chizat read off a deep linear network (seed 003, "Initialization scale
 * controls the structure of the weights"): each layer's top singular triple (σ_ℓ, u_ℓ, v_ℓ) and the alignment
 * ⟨v_{ℓ+1}, u_ℓ⟩² of consecutive layers (1 when the left top vector of W_ℓ is the right top vector of W_{ℓ+1}).
 */
public final class LayerStructure {
    private LayerStructure() {}

    /**
     * ⟨v_{ℓ+1}, u_ℓ⟩² for ℓ = 1 … L−1 (index ℓ−1), from the layers W_ℓ (n_ℓ × n_{ℓ−1}, row-major, as a frame
     * records them); u_ℓ the left top singular vector of W_ℓ, v_{ℓ+1} the right one of W_{ℓ+1}. A layer that is 0
     * has no top vector: NaN for its pairs.
     */
    public static double[] alignment(int[] widths, double[][] weights) {
        int depth = widths.length - 1;
        double[][] u = new double[depth][], v = new double[depth][];
        for (int l = 0; l < depth; l++) {
            double[][] uv = topSingularVectors(widths[l + 1], widths[l], weights[l]);
            u[l] = uv[0];
            v[l] = uv[1];
        }
        double[] out = new double[Math.max(0, depth - 1)];
        for (int l = 0; l + 1 < depth; l++) {
            if (u[l] == null || v[l + 1] == null) { out[l] = Double.NaN; continue; }
            double d = 0;
            for (int i = 0; i < u[l].length; i++) d += v[l + 1][i] * u[l][i];
            out[l] = d * d;
        }
        return out;
    }

    /** {u, v}: the top left and right singular vectors of the rows × cols matrix w (null, null when w = 0) */
    static double[][] topSingularVectors(int rows, int cols, double[] w) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols, true, w);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, false);
        if (!svd.decompose(m)) throw new IllegalStateException("SVD failed");
        double[] s = svd.getSingularValues();
        int top = 0;
        for (int i = 1; i < s.length; i++) if (s[i] > s[top]) top = i;
        if (!(s[top] > 0)) return new double[2][];
        DMatrixRMaj uu = svd.getU(null, false), vv = svd.getV(null, false);
        double[] u = new double[rows], v = new double[cols];
        for (int i = 0; i < rows; i++) u[i] = uu.get(i, top);
        for (int j = 0; j < cols; j++) v[j] = vv.get(j, top);
        return new double[][]{u, v};
    }
}
