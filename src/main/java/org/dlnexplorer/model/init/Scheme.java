package org.dlnexplorer.model.init;

/**
 * Initialization schemes of SPEC §2, and the symmetrized start of the two-layer piecewise-linear family
 * (issue #13, Kunin et al. App. C: {@link Symmetrized}).
 */
public enum Scheme {
    ALIGNED("aligned"), ORTHOGONAL("orthogonal"), GAUSSIAN("gaussian"), RESIDUAL("residual"), EXPLICIT("explicit"),
    /** one hidden neuron from its start direction β₀/‖β₀‖, τ = ‖β₀‖ and δ, exactly λ-balanced (Kunin et al. Figs 2–4) */
    NEURON("neuron"),
    /** Definition 12 of Kunin et al. for widths [d, …, d, 1]: W_ℓ₊₁ᵀW_ℓ₊₁ = W_ℓW_ℓᵀ, aaᵀ − W_LW_Lᵀ = δI, ‖β(0)‖ = τ */
    ISOTROPIC("isotropic"),
    /** the symmetrized start of the two-layer piecewise-linear family (Kunin et al. App. C, {@link Symmetrized}) */
    SYMMETRIZED("symmetrized");

    private final String id;
    Scheme(String id) { this.id = id; }
    public String id() { return id; }

    public static Scheme fromId(String id) {
        for (Scheme s : values()) if (s.id.equals(id)) return s;
        return null;
    }
}
