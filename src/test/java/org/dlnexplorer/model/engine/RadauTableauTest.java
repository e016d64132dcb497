package org.dlnexplorer.model.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The derived Radau IIA tableau against its published closed forms (Hairer &amp; Wanner II, Table IV.5.6). */
class RadauTableauTest {
    static final double EXACT = 1e-14;

    @Test
    void coefficientsAreTheClosedForms() {
        double r6 = Math.sqrt(6);
        double[][] a = {
                {(88 - 7 * r6) / 360, (296 - 169 * r6) / 1800, (-2 + 3 * r6) / 225},
                {(296 + 169 * r6) / 1800, (88 + 7 * r6) / 360, (-2 - 3 * r6) / 225},
                {(16 - r6) / 36, (16 + r6) / 36, 1.0 / 9}};
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) assertEquals(a[i][j], RadauTableau.A[i][j], EXACT, "a" + i + j);
    }

    @Test
    void gammaZeroIsTheRealEigenvalueOfA() {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) m[i][j] = RadauTableau.A[i][j] - (i == j ? RadauTableau.GAMMA0 : 0);
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        assertEquals(0.0, det, EXACT);
    }

    /** RADAU5's error weights: (−13 − 7√6, −13 + 7√6, −1)/3 in units of 1/h against (I·γ₀⁻¹/h − J): ours are γ₀ times those */
    @Test
    void errorWeightsAreRadau5s() {
        double r6 = Math.sqrt(6), g = RadauTableau.GAMMA0;
        double[] e = {g * (-13 - 7 * r6) / 3, g * (-13 + 7 * r6) / 3, -g / 3};
        for (int j = 0; j < 3; j++) assertEquals(e[j], RadauTableau.E[j], 1e-13, "e" + j);
    }

    @Test
    void denseOutputBasisInterpolatesTheStages() {
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, RadauTableau.ell(j, 0.0), EXACT);
            for (int i = 0; i < 3; i++) assertEquals(i == j ? 1.0 : 0.0, RadauTableau.ell(j, RadauTableau.C[i]), EXACT);
        }
    }

    @Test
    void shiftedInverseIsAnInverse() {
        double[] inv = new double[9];
        for (double x : new double[]{-2.0, 0.3, 7.0, 1e4}) {
            RadauTableau.invertShifted(x, inv, 0);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) {
                    double s = 0;
                    for (int k = 0; k < 3; k++) s += ((i == k ? 1 : 0) + x * RadauTableau.A[i][k]) * inv[3 * k + j];
                    assertEquals(i == j ? 1.0 : 0.0, s, 1e-12);
                }
        }
    }
}
