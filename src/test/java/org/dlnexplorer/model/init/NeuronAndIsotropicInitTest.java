package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The neuron and isotropic schemes meet their definitions to round-off over random draws. */
class NeuronAndIsotropicInitTest {
    /** relative round-off allowed in δ, ‖β0‖ and Definition 12's identities */
    private static final double ROUND_OFF = 1e-12;

    @Test
    void neuronInitHasTheRequestedDirectionScaleAndDeltaExactly() {
        Random r = new Random(14);
        for (int k = 0; k < 200; k++) {
            int d = 1 + r.nextInt(5);
            boolean transposed = d > 1 && r.nextBoolean();   // [1, 1, 1] is read as [d, 1, 1]
            int[] widths = transposed ? new int[]{1, 1, d} : new int[]{d, 1, 1};
            double[] rates = r.nextBoolean() ? null : new double[]{0.3 + 2 * r.nextDouble(), 0.3 + 2 * r.nextDouble()};
            Network net = new Network(widths, rates);
            double tau = Math.exp(-4 + 6 * r.nextDouble()), delta = -8 + 16 * r.nextDouble();
            double[] u = new double[d];
            for (int i = 0; i < d; i++) u[i] = r.nextGaussian();
            DMatrixRMaj[] w = NeuronInit.weights(net, tau, delta, u);
            double scalar = transposed ? w[0].data[0] : w[1].data[0];
            double[] vector = transposed ? w[1].data : w[0].data;
            assertTrue(scalar > 0, "the scalar layer starts positive");
            // δ = η_1‖W_2‖² − η_2‖W_1‖²
            double n1 = sq(w[0].data), n2 = sq(w[1].data);
            double got = net.rate(1) * n2 - net.rate(2) * n1;
            assertEquals(delta, got, ROUND_OFF * Math.max(1, net.rate(1) * n2 + net.rate(2) * n1), "δ");
            double un = Math.sqrt(sq(u));
            for (int i = 0; i < d; i++)
                assertEquals(tau * u[i] / un, scalar * vector[i], ROUND_OFF * Math.max(tau, 1e-300) * 10, "β0 = τu");
        }
    }

    @Test
    void isotropicInitSatisfiesDefinition12AndHasNormTau() {
        Random r = new Random(12);
        for (int k = 0; k < 60; k++) {
            int d = 1 + r.nextInt(4), seedL = 1 + r.nextInt(5);
            int[] widths = new int[seedL + 2];
            java.util.Arrays.fill(widths, d);
            widths[seedL + 1] = 1;
            Network net = new Network(widths, null);
            double delta = k % 5 == 0 ? 0 : -Math.exp(-6 + 7 * r.nextDouble());
            double tau = k % 7 == 0 ? 0 : Math.exp(-8 + 8 * r.nextDouble());
            if (tau == 0 && delta == 0) tau = 0.1;
            DMatrixRMaj[] w = IsotropicInit.weights(net, tau, delta, new Random(k));
            double scale = 1;
            for (DMatrixRMaj m : w) scale = Math.max(scale, NormOps_DDRM.normF(m) * NormOps_DDRM.normF(m));
            // W_ℓ₊₁ᵀW_ℓ₊₁ = W_ℓW_ℓᵀ for ℓ < L, computed directly
            for (int l = 0; l + 1 < seedL; l++) {
                DMatrixRMaj up = new DMatrixRMaj(d, d), down = new DMatrixRMaj(d, d);
                CommonOps_DDRM.multTransA(w[l + 1], w[l + 1], up);
                CommonOps_DDRM.multTransB(w[l], w[l], down);
                for (int i = 0; i < d * d; i++) assertEquals(up.data[i], down.data[i], ROUND_OFF * scale * 10, "Definition 12, ℓ = " + (l + 1));
            }
            // aaᵀ − W_LW_Lᵀ = δI
            DMatrixRMaj wl = w[seedL - 1];
            double[] a = w[seedL].data;
            DMatrixRMaj wwt = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransB(wl, wl, wwt);
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    assertEquals(i == j ? delta : 0, a[i] * a[j] - wwt.get(i, j), ROUND_OFF * scale * 10, "aaᵀ − W_LW_Lᵀ = δI");
            // β0 = W_1ᵀ⋯W_Lᵀ a, ‖β0‖ = τ
            double[] beta = a.clone();
            for (int l = seedL - 1; l >= 0; l--) {
                double[] next = new double[d];
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) next[j] += w[l].get(i, j) * beta[i];
                beta = next;
            }
            assertEquals(tau, Math.sqrt(sq(beta)), 1e-10 * Math.max(tau, 1e-12), "‖β0‖ = τ");
        }
    }

    @Test
    void isotropicInitWithADirectionStartsAlongIt() {
        Random r = new Random(5);
        for (int k = 0; k < 30; k++) {
            int d = 1 + r.nextInt(4), seedL = 1 + r.nextInt(4);
            int[] widths = new int[seedL + 2];
            java.util.Arrays.fill(widths, d);
            widths[seedL + 1] = 1;
            Network net = new Network(widths, null);
            double[] e = new double[d];
            for (int i = 0; i < d; i++) e[i] = r.nextGaussian();
            double tau = 0.3, delta = -0.01;
            DMatrixRMaj[] w = IsotropicInit.weights(net, tau, delta, new Random(k), e);
            double[] beta = w[seedL].data.clone();
            for (int l = seedL - 1; l >= 0; l--) {
                double[] next = new double[d];
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) next[j] += w[l].get(i, j) * beta[i];
                beta = next;
            }
            double en = Math.sqrt(sq(e));
            for (int i = 0; i < d; i++) assertEquals(tau * e[i] / en, beta[i], 1e-12, "β(0) = τ e/‖e‖");
        }
    }

    private static double sq(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }
}
