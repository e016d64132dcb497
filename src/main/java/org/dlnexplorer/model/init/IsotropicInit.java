package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Random;

/**
 * Kunin et al.'s isotropic deep initialization (seed 002 §4, Definition 12) for widths [d, d, …, d, 1]: the
 * seed's W_1 … W_L are our first L layers (d × d) and its a is our last layer (aᵀ, 1 × d), so our depth is L + 1.
 * Definition 12 asks W_ℓ₊₁ᵀW_ℓ₊₁ = W_ℓW_ℓᵀ (ℓ &lt; L) and aaᵀ − W_LW_Lᵀ = δI, which needs δ ≤ 0 for d &gt; 1.
 * With α² = −δ, a = √x·u (u a seeded unit vector) and S = (α²I + aaᵀ)^{1/2} = α(I − uuᵀ) + √(α² + x)uuᵀ:
 *
 *     W_L = S O_L,  W_ℓ = O_ℓ₊₁ᵀ S O_ℓ (ℓ &lt; L),  O_ℓ seeded random orthogonal,
 *
 * so W_ℓ₊₁ᵀW_ℓ₊₁ = W_ℓW_ℓᵀ = O_ℓ₊₁ᵀS²O_ℓ₊₁, W_LW_Lᵀ = S² = aaᵀ − δI, and β(0) = O_1ᵀS^L a = (α² + x)^{L/2} O_1ᵀa.
 * x = ‖a‖² solves τ² = x(x + α²)^L (Lemma 13), so ‖β(0)‖ = τ; τ = 0 gives the seed's own a = 0, W_ℓ = αO_ℓ.
 */
public final class IsotropicInit {
    private IsotropicInit() {}

    /** true for widths [d, d, …, d, 1] with at least one d × d layer */
    public static boolean accepts(int[] widths) {
        if (widths.length < 3 || widths[widths.length - 1] != 1) return false;
        for (int l = 1; l < widths.length - 1; l++) if (widths[l] != widths[0]) return false;
        return true;
    }

    public static DMatrixRMaj[] weights(Network net, double tau, double delta, Random rng) {
        return weights(net, tau, delta, rng, null);
    }

    /**
     * As above; a non-null direction e fixes β(0)/‖β(0)‖ = e/‖e‖ by taking O_1 the Householder reflection that maps
     * e/‖e‖ to u (symmetric, so O_1ᵀu = e/‖e‖); Definition 12 does not depend on O_1.
     */
    public static DMatrixRMaj[] weights(Network net, double tau, double delta, Random rng, double[] direction) {
        int[] widths = net.widths();
        if (!accepts(widths)) throw new IllegalArgumentException("the isotropic scheme needs widths [d, d, …, d, 1]");
        if (delta > 0 && widths[0] > 1) throw new IllegalArgumentException("the isotropic scheme needs δ ≤ 0 (aaᵀ − δI must be ⪰ 0)");
        int d = widths[0], depth = net.depth(), seedL = depth - 1;
        double alpha2 = -delta;
        double x = normSquaredOfA(tau, alpha2, seedL);
        double[] u = new double[d];
        double un = 0;
        while (!(un > 1e-8)) {
            un = 0;
            for (int i = 0; i < d; i++) { u[i] = rng.nextGaussian(); un = Math.hypot(un, u[i]); }
        }
        for (int i = 0; i < d; i++) u[i] /= un;
        // S = α(I − uuᵀ) + √(α² + x) uuᵀ
        double alpha = Math.sqrt(Math.max(0, alpha2)), top = Math.sqrt(Math.max(0, alpha2 + x));
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                s.set(i, j, (i == j ? alpha : 0) + (top - alpha) * u[i] * u[j]);
        DMatrixRMaj[] o = new DMatrixRMaj[seedL + 1];
        for (int l = 1; l <= seedL; l++) o[l] = Initializer.randomOrthogonal(d, d, rng);
        if (direction != null) o[1] = householder(direction, u);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 1; l <= seedL; l++) {
            DMatrixRMaj so = new DMatrixRMaj(d, d);
            CommonOps_DDRM.mult(s, o[l], so);
            if (l == seedL) { w[l - 1] = so; continue; }
            DMatrixRMaj m = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(o[l + 1], so, m);
            w[l - 1] = m;
        }
        DMatrixRMaj a = new DMatrixRMaj(1, d);
        double an = Math.sqrt(x);
        for (int i = 0; i < d; i++) a.data[i] = an * u[i];
        w[depth - 1] = a;
        return w;
    }

    /** H = I − 2vvᵀ, v ∝ e/‖e‖ − u: the reflection with He/‖e‖ = u (H = I when they coincide) */
    static DMatrixRMaj householder(double[] e, double[] u) {
        int d = u.length;
        double en = 0;
        for (double x : e) en = Math.hypot(en, x);
        double[] v = new double[d];
        double vn = 0;
        for (int i = 0; i < d; i++) { v[i] = e[i] / en - u[i]; vn = Math.hypot(vn, v[i]); }
        DMatrixRMaj h = CommonOps_DDRM.identity(d);
        if (vn == 0) return h;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) h.add(i, j, -2 * v[i] * v[j] / (vn * vn));
        return h;
    }

    /** x ≥ 0 with x(x + α²)^L = τ² (increasing in x), by bisection on ln x + L ln(x + α²) = 2 ln τ */
    static double normSquaredOfA(double tau, double alpha2, int seedL) {
        if (tau == 0) return 0;
        double target = 2 * Math.log(tau);
        double lo = 0, hi = 1;
        while (Math.log(hi) + seedL * Math.log(hi + alpha2) < target) hi *= 2;
        for (int it = 0; it < 400; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (Math.log(mid) + seedL * Math.log(mid + alpha2) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
