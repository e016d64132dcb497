package org.dlnexplorer.model.engine;

/**
 * The Radau IIA order-5 tableau, derived from its nodes rather than typed in: collocation at
 * c = ((4 − √6)/10, (4 + √6)/10, 1) gives a_ij = ∫₀^{c_i} ℓ_j, i.e. Σ_j a_ij c_j^{q−1} = c_i^q / q (q = 1, 2, 3);
 * γ₀ is A's real eigenvalue, (6 + 81^{1/3} − 9^{1/3})/30; the embedded order-3 weights b̂ on the nodes
 * (0, c₁, c₂, c₃) with b̂₀ = γ₀ satisfy γ₀[q = 1] + Σ_j b̂_j c_j^{q−1} = 1/q, and since h f(Y_i) = Σ_j (A⁻¹)_ij Z_j
 * at the solution, ŷ − y = γ₀ h f(y) + Σ_j e_j Z_j with e = A⁻ᵀ (b̂ − b), b the last row of A.
 */
final class RadauTableau {
    private RadauTableau() {}

    static final double[] C = {(4 - Math.sqrt(6)) / 10, (4 + Math.sqrt(6)) / 10, 1.0};
    static final double[][] A = new double[3][];
    static final double GAMMA0 = (6 + Math.cbrt(81) - Math.cbrt(9)) / 30;
    static final double[] E;

    static {
        double[][] vandermonde = new double[3][3]; // V[q][j] = c_j^q
        for (int q = 0; q < 3; q++) for (int j = 0; j < 3; j++) vandermonde[q][j] = Math.pow(C[j], q);
        for (int i = 0; i < 3; i++) {
            double[] rhs = new double[3];
            for (int q = 0; q < 3; q++) rhs[q] = Math.pow(C[i], q + 1) / (q + 1);
            A[i] = solve(vandermonde, rhs);
        }
        double[] bHat = solve(vandermonde, new double[]{1 - GAMMA0, 0.5, 1.0 / 3});
        double[] diff = new double[3];
        for (int j = 0; j < 3; j++) diff[j] = bHat[j] - A[2][j];
        double[][] at = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) at[i][j] = A[j][i];
        E = solve(at, diff);
    }

    /** ℓ_j(s) = s ∏_{m≠j} (s − c_m) / (c_j ∏_{m≠j} (c_j − c_m)): cubic, ℓ_j(0) = 0, ℓ_j(c_i) = δ_ij */
    static double ell(int j, double s) {
        double num = s, den = C[j];
        for (int m = 0; m < 3; m++) {
            if (m == j) continue;
            num *= s - C[m];
            den *= C[j] - C[m];
        }
        return num / den;
    }

    /** (I + x A)⁻¹ into out[off … off + 8], row-major (adjugate over determinant) */
    static void invertShifted(double x, double[] out, int off) {
        double m00 = 1 + x * A[0][0], m01 = x * A[0][1], m02 = x * A[0][2];
        double m10 = x * A[1][0], m11 = 1 + x * A[1][1], m12 = x * A[1][2];
        double m20 = x * A[2][0], m21 = x * A[2][1], m22 = 1 + x * A[2][2];
        double c00 = m11 * m22 - m12 * m21, c01 = m12 * m20 - m10 * m22, c02 = m10 * m21 - m11 * m20;
        double det = m00 * c00 + m01 * c01 + m02 * c02;
        double r = 1.0 / det;
        out[off] = c00 * r;
        out[off + 1] = (m02 * m21 - m01 * m22) * r;
        out[off + 2] = (m01 * m12 - m02 * m11) * r;
        out[off + 3] = c01 * r;
        out[off + 4] = (m00 * m22 - m02 * m20) * r;
        out[off + 5] = (m02 * m10 - m00 * m12) * r;
        out[off + 6] = c02 * r;
        out[off + 7] = (m01 * m20 - m00 * m21) * r;
        out[off + 8] = (m00 * m11 - m01 * m10) * r;
    }

    /** m x = b for 3×3 m by Gaussian elimination with partial pivoting */
    static double[] solve(double[][] m, double[] b) {
        double[][] a = new double[3][4];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(m[i], 0, a[i], 0, 3);
            a[i][3] = b[i];
        }
        for (int col = 0; col < 3; col++) {
            int piv = col;
            for (int r = col + 1; r < 3; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] tmp = a[col]; a[col] = a[piv]; a[piv] = tmp;
            for (int r = col + 1; r < 3; r++) {
                double fct = a[r][col] / a[col][col];
                for (int k = col; k < 4; k++) a[r][k] -= fct * a[col][k];
            }
        }
        double[] x = new double[3];
        for (int i = 2; i >= 0; i--) {
            double s = a[i][3];
            for (int k = i + 1; k < 3; k++) s -= a[i][k] * x[k];
            x[i] = s / a[i][i];
        }
        return x;
    }
}
