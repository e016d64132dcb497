package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;

/**
 * Marion &amp; Chizat's lemma on the layers of a scalar-output deep linear network under gradient flow (seed 003,
 * "Initialization scale controls the structure of the weights"), with
 * ε = 3 max_k ‖W_k(0)‖_F² + 2 Σ_k ‖W_k(0)W_k(0)ᵀ − W_{k+1}(0)ᵀW_{k+1}(0)‖₂ ({@link MarionChizat#smallScaleEpsilon}):
 * for all t, ‖W_k‖_F² − ‖W_k‖₂² ≤ ε, |σ_k² − σ_j²| ≤ ε and ⟨v_{k+1}, u_k⟩² ≥ 1 − ε/σ_{k+1}² (σ_k, u_k, v_k the top
 * singular triple of W_k). Its proof rests on W_{k+1}ᵀW_{k+1} − W_kW_kᵀ being conserved (equal layer rates) and
 * on W_L being a row (one output).
 */
public final class LayerLemma {
    private LayerLemma() {}

    /** why the lemma does not apply to this network trained this way (one sentence), or null when it does */
    public static String whyNot(Network net, boolean flow) {
        if (net.isPiecewise()) return "the lemma is for linear networks";
        if (net.depth() < 2) return "the lemma needs two layers or more";
        if (net.outputDim() != 1) return "the lemma needs one output (W_L a row): this network has " + net.outputDim();
        if (net.frozenOutput()) return "the lemma needs every layer to train: W_L is frozen, so W_LᵀW_L − W_{L−1}W_{L−1}ᵀ is not conserved";
        if (!flow) return "the lemma is for gradient flow (gradient descent breaks the conservation it rests on by O(η²) per step)";
        for (int l = 2; l <= net.depth(); l++)
            if (net.rate(l) != net.rate(1)) return "the lemma needs equal layer rates (its conserved W_{k+1}ᵀW_{k+1} − W_kW_kᵀ)";
        return null;
    }

    /** ε of the initial parameters θ(0) */
    public static double epsilon(Network net, double[] theta0) {
        return MarionChizat.smallScaleEpsilon(net, theta0);
    }

    /**
     * |σ_k² − σ_j²| ≤ ε for every pair: each top singular value lies in [√(max_j σ_j² − ε), √(min_j σ_j² + ε)]
     * (the lower end 0 when max σ² ≤ ε). Returns {lower, upper}.
     */
    public static double[] topBand(double[] tops, double eps) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double s : tops) { lo = Math.min(lo, s * s); hi = Math.max(hi, s * s); }
        return new double[]{Math.sqrt(Math.max(0, hi - eps)), Math.sqrt(lo + eps)};
    }

    /** ⟨v_{k+1}, u_k⟩² ≥ 1 − ε/σ_{k+1}² (vacuous, below 0, while σ_{k+1}² &lt; ε) */
    public static double alignmentBound(double sigmaNext, double eps) {
        return 1 - eps / (sigmaNext * sigmaNext);
    }

    /** the corollary's hypothesis reads 32 L √ε ≤ 1: this is its left side */
    public static double hypothesis(int depth, double eps) {
        return 32 * depth * Math.sqrt(eps);
    }
}
