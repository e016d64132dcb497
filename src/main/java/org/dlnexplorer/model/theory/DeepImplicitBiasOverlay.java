package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.theory.DeepIsotropic.Isotropy;
import org.ejml.data.DMatrixRMaj;

import java.util.Locale;

/**
 * "deep-implicit-bias": Kunin et al. Theorem 15 (seed 002 §4) for widths [d, d, …, d, 1] (seed depth L = our
 * depth − 1) under gradient flow with equal layer rates, from a start that meets Definition 12 to round-off
 * ({@link DeepIsotropic#isotropy}) with β(0) ≠ 0: "beta" = argmin ((L+1)/(L+2))‖β‖^{(L+2)/(L+1)} −
 * ‖β0‖^{−L/(L+1)}β0ᵀβ s.t. Xβ = y. The theorem is the δ → 0 limit; the note states |δ| against ‖β0‖^{2/(L+1)}
 * (the size of ‖a‖² when δ = 0), the numbers "delta" and "deltaRatio" carry them.
 */
final class DeepImplicitBiasOverlay implements Overlay {
    static final String ID = "deep-implicit-bias";
    /** Definition 12 holds "to round-off": every identity's residual at most this times max ‖W‖_F² */
    static final double ISOTROPY_TOLERANCE = 1e-10;
    /** β(0) counts as 0 below this times max ‖W‖_F^{(L+1)} */
    static final double ZERO_BETA = 1e-14;

    @Override public String id() { return ID; }

    @Override public String whyNot(OverlayInput run) { return limit(run, new Object[3]); }

    @Override
    public OverlayResult evaluate(OverlayInput run) {
        Object[] out = new Object[3];
        String why = limit(run, out);
        if (why != null) return OverlayResult.unavailable(ID, why);
        double[] nums = (double[]) out[1];
        return OverlayResult.array(ID, "beta", (double[]) out[0])
                .with("delta", nums[0]).with("deltaRatio", nums[1]).withNote((String) out[2]);
    }

    @Override
    public String equation(OverlayInput run) {
        return "β(∞) = argmin ((L+1)/(L+2))‖β‖^((L+2)/(L+1)) − ‖β₀‖^(−L/(L+1)) β₀ᵀβ  s.t. Xβ = y  (Kunin et al. Thm 15, L = "
                + (run.depth() - 1) + ")";
    }

    @Override
    public String equationTex(OverlayInput run) {
        return "\\beta(\\infty) = \\arg\\min_{X\\beta = y}\\ \\frac{L+1}{L+2}\\|\\beta\\|^{\\frac{L+2}{L+1}}"
                + " - \\|\\beta_0\\|^{-\\frac{L}{L+1}}\\beta_0^T\\beta \\\\ \\text{(Kunin et al. Thm 15, } L = "
                + (run.depth() - 1) + "\\text{)}";
    }

    /** null and out = {β(∞), {δ, |δ|/‖β0‖^{2/(L+1)}}, note} when the theorem applies, else the reason */
    private static String limit(OverlayInput run, Object[] out) {
        if (!run.isGradientFlow()) return "Theorem 15 describes gradient flow, and this run is gradient descent";
        int[] widths = run.widths();
        int seedL = DeepIsotropic.seedDepth(widths);
        if (seedL < 1) return "Theorem 15 is about widths [d, d, …, d, 1] (square layers, a scalar output)";
        Task task = run.task();
        Network net = run.network();
        if (task == null || net == null) return "the run carries no task";
        if (net.isPiecewise()) return "Theorem 15 is about linear networks, and this one has a piecewise-linear activation";
        for (int l = 2; l <= net.depth(); l++)
            if (net.rate(l) != net.rate(1)) return "Theorem 15 assumes one learning rate for every layer";
        double[] theta = run.theta0();
        if (theta == null) return "the initial weights are not recorded";
        int d = widths[0];
        DMatrixRMaj[] w = DeepIsotropic.layers(d, seedL, theta);
        Isotropy iso = DeepIsotropic.isotropy(w);
        if (iso.scale() == 0) return "every initial weight is 0: the flow stays at the saddle θ = 0";
        if (!(iso.residual() <= ISOTROPY_TOLERANCE))
            return String.format(Locale.ROOT, "the start is not isotropic (Definition 12: W_ℓ₊₁ᵀW_ℓ₊₁ = W_ℓW_ℓᵀ, aaᵀ − W_LW_Lᵀ = δI) "
                    + "to round-off: relative residual %.1e", iso.residual());
        double[] beta0 = DeepIsotropic.beta(w);
        double n0 = Math.sqrt(NeuronFlow.dot(beta0, beta0));
        if (!(n0 > ZERO_BETA * Math.pow(iso.scale(), (seedL + 1) / 2.0)))
            return "β(0) = 0 (a = 0): Theorem 15 needs β(0) ≠ 0; start with a small a ≠ 0 (isotropic init with τ > 0)";
        double[] b;
        try {
            b = DeepIsotropic.implicitBias(task.sigmaXX(), task.target().data, beta0, seedL);
        } catch (RuntimeException e) {
            return "the limit could not be computed for these numbers (" + e.getMessage() + ")";
        }
        for (double v : b) if (!Double.isFinite(v)) return "the limit is not finite for these numbers";
        double ref = Math.pow(n0, 2.0 / (seedL + 1));
        double ratio = Math.abs(iso.delta()) / ref;
        out[0] = b;
        out[1] = new double[]{iso.delta(), ratio};
        out[2] = String.format(Locale.ROOT, "Theorem 15 is the δ → 0 limit: here |δ| = %.3g against ‖β(0)‖^{2/(L+1)} = %.3g (ratio %.2g, L = %d)%s",
                Math.abs(iso.delta()), ref, ratio, seedL, ratio < 1e-2 ? "" : "; the prediction is approximate");
        return null;
    }
}
