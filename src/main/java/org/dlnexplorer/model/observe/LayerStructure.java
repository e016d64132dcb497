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
        return new Alignment(widths).of(weights);
    }

    /**
     * {@link #alignment} for many frames of one network (a view draws it for every recorded frame): the
     * decompositions and vectors are allocated once per layer (EJML's on first use), and layers with a side of at most
     * {@link SmallSvd#MAX_SMALL_SIDE} use one-sided Jacobi ({@link SmallSvd}), as the frames' singular values do;
     * larger layers, and a Jacobi run that does not converge, use EJML's SVD. One instance per thread.
     */
    public static final class Alignment {
        private final int[] widths;
        private final SmallSvd[] jacobi;   // per layer, null where it does not suit
        // per layer, made on first use: EJML's SVD and its input (layers Jacobi does not suit or did not converge on)
        private final SingularValueDecomposition_F64<DMatrixRMaj>[] ejml;
        private final DMatrixRMaj[] ejmlInput;
        private final double[][] u, v;      // per layer: the top left and right singular vectors
        private final boolean[] has;        // per layer: false when W_ℓ = 0 (no top vector)

        public Alignment(int[] widths) {
            this.widths = widths.clone();
            int depth = widths.length - 1;
            jacobi = new SmallSvd[depth];
            @SuppressWarnings("unchecked")
            SingularValueDecomposition_F64<DMatrixRMaj>[] svds = new SingularValueDecomposition_F64[depth];
            ejml = svds;
            ejmlInput = new DMatrixRMaj[depth];
            u = new double[depth][];
            v = new double[depth][];
            has = new boolean[depth];
            for (int l = 0; l < depth; l++) {
                int rows = widths[l + 1], cols = widths[l];
                if (SmallSvd.suits(rows, cols)) jacobi[l] = new SmallSvd(rows, cols, true);
                u[l] = new double[rows];
                v[l] = new double[cols];
            }
        }

        /** ⟨v_{ℓ+1}, u_ℓ⟩² for ℓ = 1 … L−1 of the layers W_ℓ (row-major, as a frame records them); a new array */
        public double[] of(double[][] weights) {
            int depth = widths.length - 1;
            for (int l = 0; l < depth; l++) has[l] = top(l, weights[l]);
            double[] out = new double[Math.max(0, depth - 1)];
            for (int l = 0; l + 1 < depth; l++) {
                if (!has[l] || !has[l + 1]) { out[l] = Double.NaN; continue; }
                // ⟨v_{ℓ+1}, u_ℓ⟩²
                double d = 0;
                for (int i = 0; i < u[l].length; i++) d += v[l + 1][i] * u[l][i];
                out[l] = d * d;
            }
            return out;
        }

        /** the top singular vectors of W_ℓ into u[l], v[l]; false when W_ℓ = 0 */
        private boolean top(int l, double[] w) {
            SmallSvd j = jacobi[l];
            if (j != null && j.decompose(w, 0)) {
                if (!(j.singularValue(0) > 0)) return false;
                j.vectors(0, u[l], v[l]);
                return true;
            }
            int rows = widths[l + 1], cols = widths[l];
            if (ejml[l] == null) {
                ejml[l] = DecompositionFactory_DDRM.svd(rows, cols, true, true, false);
                ejmlInput[l] = new DMatrixRMaj(rows, cols);
            }
            return topInto(ejml[l], ejmlInput[l], w, u[l], v[l]);
        }
    }

    /** {u, v}: the top left and right singular vectors of the rows × cols matrix w (null, null when w = 0) */
    static double[][] topSingularVectors(int rows, int cols, double[] w) {
        double[] u = new double[rows], v = new double[cols];
        boolean nonZero = topInto(DecompositionFactory_DDRM.svd(rows, cols, true, true, false),
                new DMatrixRMaj(rows, cols), w, u, v);
        return nonZero ? new double[][]{u, v} : new double[2][];
    }

    /**
     * The top left and right singular vectors of w (row-major, m's shape) into u and v by EJML's svd, with m as
     * its input (overwritten); false, u and v untouched, when w = 0
     */
    private static boolean topInto(SingularValueDecomposition_F64<DMatrixRMaj> svd, DMatrixRMaj m, double[] w,
                                   double[] u, double[] v) {
        System.arraycopy(w, 0, m.data, 0, m.getNumElements());
        if (!svd.decompose(m)) throw new IllegalStateException("SVD failed");
        double[] s = svd.getSingularValues();
        int top = 0;
        for (int i = 1; i < s.length; i++) if (s[i] > s[top]) top = i;
        if (!(s[top] > 0)) return false;
        DMatrixRMaj uu = svd.getU(null, false), vv = svd.getV(null, false);
        for (int i = 0; i < u.length; i++) u[i] = uu.get(i, top);
        for (int j = 0; j < v.length; j++) v[j] = vv.get(j, top);
        return true;
    }
}
