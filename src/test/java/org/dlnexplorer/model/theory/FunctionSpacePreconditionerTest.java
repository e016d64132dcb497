package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The function-space preconditioner M of any linear network against J R Jᵀ with J = ∂ vec β/∂θ by central
 * differences of β(θ) computed here with plain arrays (β is linear in each single parameter, so the central
 * difference is exact up to round-off), against Theorem 2's two-layer M and against Lemma 14 on Definition 12
 * starts.
 */
class FunctionSpacePreconditionerTest {
    /** M against J R Jᵀ, relative to ‖M‖_max */
    static final double DIRECT = 1e-9;
    /** M against the closed forms of Theorem 2 (two layers) and Lemma 14 (deep isotropic) */
    static final double CLOSED_FORM = 1e-11;
    /** Definition 12 to this relative residual for Lemma 14 */
    static final double ISOTROPY = 1e-10;

    @Test
    void equalsJacobianGramOverRandomNetworks() {
        Random r = new Random(14);
        for (int k = 0; k < 30; k++) {
            int depth = 2 + r.nextInt(4);
            int[] widths = new int[depth + 1];
            for (int i = 0; i <= depth; i++) widths[i] = 1 + r.nextInt(4);
            double[] rates = new double[depth];
            for (int l = 0; l < depth; l++) rates[l] = r.nextBoolean() ? 1.0 : 0.2 + 2 * r.nextDouble();
            Network net = new Network(widths, rates);
            double[] theta = new double[net.parameterCount()];
            for (int p = 0; p < theta.length; p++) theta[p] = r.nextGaussian();
            DMatrixRMaj m = FunctionSpacePreconditioner.of(net, theta);
            int d = widths[0], c = widths[depth], n = d * c;
            // J_p = ∂ vec β / ∂θ_p, β = W_effᵀ, by a central difference
            double h = 1e-3;
            double[][] j = new double[theta.length][];
            for (int p = 0; p < theta.length; p++) {
                double[] plus = theta.clone(), minus = theta.clone();
                plus[p] += h;
                minus[p] -= h;
                double[] bp = vecBeta(widths, plus), bm = vecBeta(widths, minus);
                j[p] = new double[n];
                for (int i = 0; i < n; i++) j[p][i] = (bp[i] - bm[i]) / (2 * h);
            }
            double max = 0;
            for (double v : m.data) max = Math.max(max, Math.abs(v));
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) {
                    double s = 0;
                    for (int p = 0; p < theta.length; p++) s += rate(widths, rates, p) * j[p][a] * j[p][b];
                    assertEquals(s, m.get(a, b), DIRECT * Math.max(1, max), "M[" + a + "," + b + "], case " + k);
                }
        }
    }

    @Test
    void twoLayersIsTheorem2sM() {
        Random r = new Random(2);
        for (int k = 0; k < 20; k++) {
            Network net = new Network(new int[]{1 + r.nextInt(4), 1 + r.nextInt(5), 1 + r.nextInt(3)},
                    new double[]{0.3 + r.nextDouble(), 0.3 + r.nextDouble()});
            double[] theta = new double[net.parameterCount()];
            for (int p = 0; p < theta.length; p++) theta[p] = r.nextGaussian();
            assertMatrixEquals(WideNetwork.preconditioner(net, theta), FunctionSpacePreconditioner.of(net, theta), "case " + k);
        }
    }

    @Test
    void deepIsotropicStartsAreLemma14sM() {
        Random r = new Random(12);
        int checked = 0;
        for (int k = 0; k < 20; k++) {
            int d = 2 + r.nextInt(3), seedL = 2 + r.nextInt(4);
            Network net = DeepIsotropicTest.net(d, seedL);
            Task task = DeepIsotropicTest.randomTask(d, 1 + r.nextInt(d), r);
            double delta = -Math.exp(-5 + 5 * r.nextDouble()), tau = Math.exp(-2 + 2 * r.nextDouble());
            double[] theta = Initializer.initialize(net, task, Scheme.ISOTROPIC, tau, delta, k, null);
            DMatrixRMaj lemma = FunctionSpacePreconditioner.lemma14(net, theta, ISOTROPY);
            assertNotNull(lemma, "Definition 12 holds at the isotropic start, case " + k);
            assertMatrixEquals(lemma, FunctionSpacePreconditioner.of(net, theta), "case " + k);
            checked++;
        }
        assertEquals(20, checked);
    }

    @Test
    void lemma14SaysNothingOffDefinition12() {
        Random r = new Random(3);
        Network net = DeepIsotropicTest.net(3, 3);
        double[] theta = new double[net.parameterCount()];
        for (int p = 0; p < theta.length; p++) theta[p] = r.nextGaussian();
        assertNull(FunctionSpacePreconditioner.lemma14(net, theta, ISOTROPY));
        assertNull(FunctionSpacePreconditioner.lemma14(new Network(3, 3, 1), new double[12], ISOTROPY),
                "two layers: Theorem 3's business, not Lemma 14's");
    }

    @Test
    void lastBalanceIsConservedAndEqualsDeltaOnIsotropicStarts() {
        Random r = new Random(5);
        Network net = DeepIsotropicTest.net(3, 3);
        Task task = DeepIsotropicTest.randomTask(3, 2, r);
        double delta = -0.04;
        double[] theta = Initializer.initialize(net, task, Scheme.ISOTROPIC, 0.5, delta, 1, null);
        // aaᵀ − W_LW_Lᵀ = δI: every eigenvalue is δ
        for (double e : FunctionSpacePreconditioner.lastBalanceEigenvalues(net, theta)) assertEquals(delta, e, 1e-12);
    }

    /** vec β (column-stacked, index i + d·j) of β = (W_L⋯W_1)ᵀ with plain arrays */
    static double[] vecBeta(int[] widths, double[] theta) {
        int depth = widths.length - 1, off = 0;
        double[][] p = null;   // W_ℓ⋯W_1 (n_ℓ × d)
        for (int l = 1; l <= depth; l++) {
            int rows = widths[l], cols = widths[l - 1];
            double[][] w = new double[rows][cols];
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) w[i][j] = theta[off++];
            if (p == null) { p = w; continue; }
            double[][] q = new double[rows][widths[0]];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < widths[0]; j++)
                    for (int m = 0; m < cols; m++) q[i][j] += w[i][m] * p[m][j];
            p = q;
        }
        int d = widths[0], c = widths[depth];
        double[] out = new double[d * c];
        for (int i = 0; i < d; i++) for (int j = 0; j < c; j++) out[i + d * j] = p[j][i];   // β_ij = (W_eff)_ji
        return out;
    }

    /** η of the layer holding parameter p (row-major layers in order) */
    static double rate(int[] widths, double[] rates, int p) {
        int off = 0;
        for (int l = 1; l < widths.length; l++) {
            off += widths[l] * widths[l - 1];
            if (p < off) return rates[l - 1];
        }
        throw new IllegalArgumentException("p = " + p);
    }

    static void assertMatrixEquals(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        double max = 0;
        for (double v : expected.data) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < expected.getNumElements(); i++)
            assertEquals(expected.data[i], actual.data[i], CLOSED_FORM * Math.max(1, max), what + " entry " + i);
    }
}
