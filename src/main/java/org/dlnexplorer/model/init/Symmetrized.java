package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Network;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * The symmetrized start of Kunin et al. App. C (Fig. 1), for widths [d, h, 1] with h even: for i ≤ h/2, w_i
 * uniform on the sphere S^{d−1} and a_i = ±1 with equal odds; then w_{i+h/2} = w_i and a_{i+h/2} = −a_i, so
 * f ≡ 0 at t = 0. Each w_i is then scaled by τ/α and each a_i by τα, where α &gt; 0 makes every neuron's
 * conserved quantity δ_k = η_w a_k² − η_a‖w_k‖² equal to δ:
 * η_w τ²α² − η_a τ²α⁻² = δ, i.e. α² = (δ/τ² + √(δ²/τ⁴ + 4η_wη_a)) / (2η_w).
 * (The seed writes δ² = τ²(α² − α⁻²); with η_w = η_a = 1 the scaled neurons have δ_k = τ²(α² − α⁻²), so the
 * relation that makes init.delta the conserved δ_k is δ = τ²(α² − α⁻²), without the square on δ.)
 */
public final class Symmetrized {
    private Symmetrized() {}

    /** α² solving η_w τ²α² − η_a τ²/α² = δ (the positive root, in the form free of cancellation) */
    public static double alphaSquared(double tau, double delta, double etaW, double etaA) {
        double r = delta / (tau * tau);
        double root = Math.sqrt(r * r + 4 * etaW * etaA);
        return r >= 0 ? (r + root) / (2 * etaW) : 2 * etaA / (root - r);
    }

    static DMatrixRMaj[] weights(Network net, double tau, double delta, Random rng) {
        int[] widths = net.widths();
        if (widths.length != 3 || widths[2] != 1 || widths[1] % 2 != 0)
            throw new IllegalArgumentException("the symmetrized scheme needs widths [d, h, 1] with h even");
        int d = widths[0], h = widths[1], half = h / 2;
        double alpha = Math.sqrt(alphaSquared(tau, delta, net.rate(1), net.rate(2)));
        double wScale = tau / alpha, aScale = tau * alpha;
        DMatrixRMaj w = new DMatrixRMaj(h, d), a = new DMatrixRMaj(1, h);
        for (int i = 0; i < half; i++) {
            double[] u = unitVector(d, rng);
            double sign = rng.nextBoolean() ? 1.0 : -1.0;
            for (int c = 0; c < d; c++) {
                w.set(i, c, wScale * u[c]);
                w.set(i + half, c, wScale * u[c]);
            }
            a.set(0, i, aScale * sign);
            a.set(0, i + half, -aScale * sign);
        }
        return new DMatrixRMaj[] {w, a};
    }

    /** uniform on S^{d−1}: a standard normal vector, normalized */
    public static double[] unitVector(int d, Random rng) {
        double[] u = new double[d];
        double norm;
        do {
            norm = 0;
            for (int c = 0; c < d; c++) { u[c] = rng.nextGaussian(); norm += u[c] * u[c]; }
        } while (norm == 0);
        norm = Math.sqrt(norm);
        for (int c = 0; c < d; c++) u[c] /= norm;
        return u;
    }
}
