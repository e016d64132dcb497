package org.dlnexplorer.model.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Kunin et al. seed 002 §4, "Deep linear networks": f(x) = aᵀW_L⋯W_1x with d × d layers W_ℓ and a ∈ ℝ^d, i.e.
 * our widths [d, d, …, d, 1] with depth L + 1 (our last layer is aᵀ), unit rates.
 * <ul>
 * <li>Definition 12: W_ℓ₊₁ᵀW_ℓ₊₁ = W_ℓW_ℓᵀ (ℓ &lt; L) and aaᵀ − W_LW_Lᵀ = δI, kept by gradient flow.</li>
 * <li>Lemma 13: ‖β‖² = ‖a‖²(‖a‖² − δ)^L and ββᵀ = (W_1ᵀW_1)^{L+1} + δ(W_1ᵀW_1)^L.</li>
 * <li>Lemma 14: β̇ = −M Xᵀρ, M = (W_1ᵀW_1)^L + ‖a‖² Σ_{l=0}^{L−1} (‖a‖² − δ)^l (W_1ᵀW_1)^{L−1−l}.</li>
 * <li>Theorem 15 (δ → 0): β(∞) = argmin ((L+1)/(L+2))‖β‖^{(L+2)/(L+1)} − ‖β0‖^{−L/(L+1)} β0ᵀβ s.t. Xβ = y.</li>
 * </ul>
 */
public final class DeepIsotropic {
    private DeepIsotropic() {}

    /** δ of Definition 12 and how far θ is from it: max over the identities of ‖lhs − rhs‖_F / (max ‖W‖_F²) */
    public record Isotropy(double delta, double residual, double scale) {}

    /** the seed's L (number of d × d layers) for widths [d, …, d, 1], else −1 */
    public static int seedDepth(int[] widths) {
        if (widths.length < 3 || widths[widths.length - 1] != 1) return -1;
        for (int l = 1; l < widths.length - 1; l++) if (widths[l] != widths[0]) return -1;
        return widths.length - 2;
    }

    /** the layers W_1 … W_L (d × d) and a (d) of θ laid out as the engine does (W_1 row-major, …, aᵀ last) */
    public static DMatrixRMaj[] layers(int d, int seedL, double[] theta) {
        DMatrixRMaj[] w = new DMatrixRMaj[seedL + 1];
        int k = 0;
        for (int l = 0; l < seedL; l++) {
            w[l] = new DMatrixRMaj(d, d);
            System.arraycopy(theta, k, w[l].data, 0, d * d);
            k += d * d;
        }
        w[seedL] = new DMatrixRMaj(d, 1);
        System.arraycopy(theta, k, w[seedL].data, 0, d);
        return w;
    }

    /** Definition 12's δ = tr(aaᵀ − W_LW_Lᵀ)/d and the relative residual of its identities */
    public static Isotropy isotropy(DMatrixRMaj[] w) {
        int seedL = w.length - 1, d = w[0].numRows;
        double scale = 0;
        for (DMatrixRMaj m : w) scale = Math.max(scale, sumSq(m));
        if (scale == 0) return new Isotropy(0, 0, 0);
        double worst = 0;
        DMatrixRMaj up = new DMatrixRMaj(d, d), down = new DMatrixRMaj(d, d);
        for (int l = 0; l + 1 < seedL; l++) {
            CommonOps_DDRM.multTransA(w[l + 1], w[l + 1], up);   // W_ℓ₊₁ᵀW_ℓ₊₁
            CommonOps_DDRM.multTransB(w[l], w[l], down);         // W_ℓW_ℓᵀ
            CommonOps_DDRM.subtractEquals(up, down);
            worst = Math.max(worst, Math.sqrt(sumSq(up)));
        }
        DMatrixRMaj a = w[seedL], wl = w[seedL - 1];
        CommonOps_DDRM.multTransB(a, a, up);                     // aaᵀ
        CommonOps_DDRM.multTransB(wl, wl, down);                 // W_LW_Lᵀ
        CommonOps_DDRM.subtractEquals(up, down);
        double delta = CommonOps_DDRM.trace(up) / d;
        for (int i = 0; i < d; i++) up.add(i, i, -delta);
        worst = Math.max(worst, Math.sqrt(sumSq(up)));
        return new Isotropy(delta, worst / scale, scale);
    }

    /** β = W_1ᵀ⋯W_Lᵀ a */
    public static double[] beta(DMatrixRMaj[] w) {
        int seedL = w.length - 1, d = w[0].numRows;
        DMatrixRMaj b = w[seedL].copy(), next = new DMatrixRMaj(d, 1);
        for (int l = seedL - 1; l >= 0; l--) {
            CommonOps_DDRM.multTransA(w[l], b, next);
            b.setTo(next);
        }
        return b.data.clone();
    }

    /**
     * Lemma 13's residual at every frame of a run whose start meets Definition 12 to round-off (equal layer rates,
     * widths [d, …, d, 1], weights recorded): max of |‖β‖² − ‖a‖²(‖a‖² − δ)^L| / max(‖β‖², ‖a‖²(‖a‖² + |δ|)^L)
     * and ‖ββᵀ − G^{L+1} − δG^L‖_F / (‖G^{L+1}‖_F + |δ|‖G^L‖_F), δ from the first frame; null where it does not apply.
     */
    public static double[] lemma13Residuals(org.dlnexplorer.model.observe.Trajectory tr) {
        int[] widths = tr.widths();
        int seedL = seedDepth(widths);
        var frames = tr.frames();
        if (seedL < 1 || frames.isEmpty() || !frames.get(0).hasWeights() || tr.isPiecewise()) return null;
        var setup = tr.setup();
        if (setup == null) return null;
        for (int l = 2; l <= setup.network().depth(); l++) if (setup.network().rate(l) != setup.network().rate(1)) return null;
        int d = widths[0];
        Isotropy iso = isotropy(layers(d, seedL, frames.get(0).theta()));
        if (iso.scale() == 0 || !(iso.residual() <= DeepImplicitBiasOverlay.ISOTROPY_TOLERANCE)) return null;
        double delta = iso.delta();
        double[] out = new double[frames.size()];
        for (int i = 0; i < out.length; i++) {
            DMatrixRMaj[] w = layers(d, seedL, frames.get(i).theta());
            double[] beta = beta(w);
            double a2 = sumSq(w[seedL]), b2 = 0;
            for (double v : beta) b2 += v * v;
            double norm = Math.abs(b2 - normSquared(a2, delta, seedL))
                    / Math.max(Math.max(b2, a2 * Math.pow(a2 + Math.abs(delta), seedL)), Double.MIN_NORMAL);
            DMatrixRMaj g = gram(w[0]), gl = power(g, seedL), gl1 = new DMatrixRMaj(d, d);
            CommonOps_DDRM.mult(gl, g, gl1);
            double scale = Math.sqrt(sumSq(gl1)) + Math.abs(delta) * Math.sqrt(sumSq(gl));
            DMatrixRMaj diff = outer(w, delta);
            for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) diff.add(r, c, -beta[r] * beta[c]);
            out[i] = Math.max(norm, Math.sqrt(sumSq(diff)) / Math.max(scale, Double.MIN_NORMAL));
        }
        return out;
    }

    /** Lemma 13: ‖β‖² = ‖a‖²(‖a‖² − δ)^L */
    public static double normSquared(double a2, double delta, int seedL) {
        return a2 * Math.pow(a2 - delta, seedL);
    }

    /** Lemma 13: ββᵀ = G^{L+1} + δG^L with G = W_1ᵀW_1 */
    public static DMatrixRMaj outer(DMatrixRMaj[] w, double delta) {
        int seedL = w.length - 1;
        DMatrixRMaj g = gram(w[0]);
        DMatrixRMaj gl = power(g, seedL), out = new DMatrixRMaj(g.numRows, g.numRows);
        CommonOps_DDRM.mult(gl, g, out);
        CommonOps_DDRM.addEquals(out, delta, gl);
        return out;
    }

    /** Lemma 14: M = G^L + ‖a‖² Σ_{l=0}^{L−1} (‖a‖² − δ)^l G^{L−1−l}, G = W_1ᵀW_1 */
    public static DMatrixRMaj preconditioner(DMatrixRMaj[] w, double delta) {
        int seedL = w.length - 1;
        DMatrixRMaj g = gram(w[0]);
        double a2 = sumSq(w[seedL]);
        DMatrixRMaj m = power(g, seedL);
        for (int l = 0; l < seedL; l++) CommonOps_DDRM.addEquals(m, a2 * Math.pow(a2 - delta, l), power(g, seedL - 1 - l));
        return m;
    }

    /** ‖m‖_F² */
    static double sumSq(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) s += m.data[i] * m.data[i];
        return s;
    }

    /** W_1ᵀW_1 */
    static DMatrixRMaj gram(DMatrixRMaj w1) {
        DMatrixRMaj g = new DMatrixRMaj(w1.numCols, w1.numCols);
        CommonOps_DDRM.multTransA(w1, w1, g);
        return g;
    }

    static DMatrixRMaj power(DMatrixRMaj g, int p) {
        DMatrixRMaj r = CommonOps_DDRM.identity(g.numRows), t = new DMatrixRMaj(g.numRows, g.numRows);
        for (int i = 0; i < p; i++) { CommonOps_DDRM.mult(r, g, t); r.setTo(t); }
        return r;
    }

    /**
     * Theorem 15's β(∞): argmin Q(β) = ((L+1)/(L+2))‖β‖^{(L+2)/(L+1)} − ‖β0‖^{−L/(L+1)} β0ᵀβ over Σxxβ = Σxxβ*
     * (Xβ = y). Q is strictly convex (∇²Q = ‖β‖^{−L/(L+1)}(I − (L/(L+1))β̂β̂ᵀ) ≻ 0 for β ≠ 0), so damped Newton on
     * the null space of Σxx from the minimum-norm interpolant converges to the unique minimizer.
     */
    public static double[] implicitBias(DMatrixRMaj sigmaXX, double[] betaStar, double[] beta0, int seedL) {
        int d = betaStar.length;
        double[][] basis = NeuronFlow.nullSpace(sigmaXX);
        int m = basis.length;
        double[] bp = betaStar.clone();
        for (double[] n : basis) { double c = NeuronFlow.dot(bp, n); for (int i = 0; i < d; i++) bp[i] -= c * n[i]; }
        double n0 = Math.sqrt(NeuronFlow.dot(beta0, beta0));
        double k = (double) seedL / (seedL + 1);
        double[] lin = new double[d];
        for (int i = 0; i < d; i++) lin[i] = Math.pow(n0, -k) * beta0[i];
        double[] z = new double[m];
        if (NeuronFlow.dot(bp, bp) == 0 && m > 0) z[0] = Math.pow(n0, 1e-3);   // Q is not smooth at β = 0: start off it
        for (int it = 0; it < 300 && m > 0; it++) {
            double[] beta = compose(bp, basis, z);
            double x = Math.sqrt(NeuronFlow.dot(beta, beta));
            double s = Math.pow(x, -k);                          // ∇Q = ‖β‖^{−k}β − lin
            double[] grad = new double[m];
            DMatrixRMaj hess = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                grad[i] = s * NeuronFlow.dot(beta, basis[i]) - NeuronFlow.dot(lin, basis[i]);
                double bi = NeuronFlow.dot(beta, basis[i]) / x;
                for (int j = 0; j < m; j++) {
                    double bj = NeuronFlow.dot(beta, basis[j]) / x;
                    hess.set(i, j, s * (NeuronFlow.dot(basis[i], basis[j]) - k * bi * bj));
                }
            }
            DMatrixRMaj step = new DMatrixRMaj(m, 1);
            if (!CommonOps_DDRM.solve(hess, new DMatrixRMaj(m, 1, true, grad), step)) break;
            double f0 = objective(bp, basis, z, lin, seedL), lambda = 1;
            double[] zn = new double[m];
            for (int ls = 0; ls < 80; ls++) {
                for (int i = 0; i < m; i++) zn[i] = z[i] - lambda * step.get(i);
                if (objective(bp, basis, zn, lin, seedL) <= f0 + 1e-15 * Math.abs(f0)) break;
                lambda /= 2;
            }
            double move = 0;
            for (int i = 0; i < m; i++) { move = Math.max(move, Math.abs(zn[i] - z[i])); z[i] = zn[i]; }
            if (move <= 1e-15 * Math.max(1.0, x)) break;
        }
        return compose(bp, basis, z);
    }

    /** Q(β) = ((L+1)/(L+2))‖β‖^{(L+2)/(L+1)} − linᵀβ */
    static double objective(double[] bp, double[][] basis, double[] z, double[] lin, int seedL) {
        double[] beta = compose(bp, basis, z);
        double p = (seedL + 2.0) / (seedL + 1.0);
        return Math.pow(Math.sqrt(NeuronFlow.dot(beta, beta)), p) / p - NeuronFlow.dot(lin, beta);
    }

    private static double[] compose(double[] bp, double[][] basis, double[] z) {
        double[] b = bp.clone();
        for (int j = 0; j < z.length; j++) for (int i = 0; i < b.length; i++) b[i] += z[j] * basis[j][i];
        return b;
    }
}
