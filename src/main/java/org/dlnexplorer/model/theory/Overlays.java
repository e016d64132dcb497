package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.TheoryResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of overlays and the questions asked of them: every overlay for a run (run JSON), one overlay
 * (a chart), the governing equation of a spec (the app). Order matters for the equation: the first
 * overlay that applies and has one gives it.
 */
public final class Overlays {
    private Overlays() {}

    public static final String LINEAR = "linear", SINGLE_NEURON = "single-neuron", SAXE = "saxe",
            LAMBDA_BALANCED = "lambda-balanced", ALIGNED_MODES = "aligned-modes",
            SADDLE_PLATEAUS = SaddlePlateausOverlay.ID, MINIMAL_SHARPNESS = MinimalSharpnessOverlay.ID,
            IMPLICIT_BIAS = ImplicitBiasOverlay.ID, DEEP_IMPLICIT_BIAS = DeepImplicitBiasOverlay.ID,
            MIN_NUCLEAR_NORM = MinNuclearNormOverlay.ID,
            HYPERBOLIC_ENTROPY = HyperbolicEntropyOverlay.ID;

    /** why no closed-form overlay applies to a task observed through measurements (completion, sensing) */
    public static final String MEASURED_REASON = "the task observes W_eff through measurements (completion or sensing): "
            + "no closed-form solution is known";
    public static final String MEASURED_EQUATION = "dW_ℓ/dt = −η_ℓ (W_L⋯W_ℓ₊₁)ᵀ 𝒜*(𝒜(W_eff) − y) (W_ℓ₋₁⋯W_1)ᵀ";
    /** {@link #MEASURED_EQUATION} typeset */
    public static final String MEASURED_TEX = "\\dot W_\\ell = -\\eta_\\ell\\,(W_L\\cdots W_{\\ell+1})^T\\,\\mathcal{A}^*(\\mathcal{A}(W_{\\mathrm{eff}}) - y)\\,(W_{\\ell-1}\\cdots W_1)^T";
    /** seed 002 App. A's μ(t), φ(t), ν(t) of one hidden neuron */
    public static final String NEURON_TEMPORAL = NeuronTemporalOverlay.ID;

    /** why no overlay applies to a network whose output layer is frozen (training.freezeOutput) */
    public static final String FROZEN_REASON = "the output layer is frozen (training.freezeOutput): these solutions assume "
            + "every layer trains (balanced modes, conserved W_LᵀW_L − W_{L−1}W_{L−1}ᵀ)";
    /**
     * gradient flow with a frozen readout pᵀ (Marion &amp; Chizat's residual setting f(x) = pᵀ W_L ⋯ W_1 x): L counts
     * the trained layers, as the description, the compare legends ("L = 4 + pᵀ") and the depth slider do
     */
    public static final String FROZEN_EQUATION = "dW_ℓ/dt = −η_ℓ (pᵀW_L⋯W_ℓ₊₁)ᵀ (W_eff Σxx − Σyx) (W_ℓ₋₁⋯W_1)ᵀ, ℓ ≤ L;  pᵀ fixed";
    public static final String FROZEN_TEX = "\\frac{dW_\\ell}{dt} = -\\eta_\\ell\\,(p^T W_L\\cdots W_{\\ell+1})^T(W_{\\mathrm{eff}}\\Sigma_{xx} - \\Sigma_{yx}) \\\\ "
            + "\\qquad(W_{\\ell-1}\\cdots W_1)^T,\\ \\ell \\le L;\\ p^T\\ \\text{fixed}";

    /** the update rule when no overlay names a sharper equation: gradient descent, and gradient flow */
    public static final String DESCENT_EQUATION = "W_ℓ ← W_ℓ − η·η_ℓ ∂ℒ/∂W_ℓ  (stable while sharpness < 2/η)";
    public static final String FLOW_EQUATION = "dW_ℓ/dt = −η_ℓ (W_L⋯W_ℓ₊₁)ᵀ (W_eff Σxx − Σyx) (W_ℓ₋₁⋯W_1)ᵀ";
    /** the two-layer piecewise-linear family (Kunin et al. §5) */
    public static final String PIECEWISE_EQUATION = "β̇_k = −(η_w a_k² I + η_a w_k w_kᵀ) Σ_i c_ki x_i ρ_i,  δ_k = η_w a_k² − η_a‖w_k‖² conserved";
    public static final String PIECEWISE_DESCENT_EQUATION = "w_k ← w_k − η η_w a_k Σ_i c_ki x_i ρ_i / n,  a_k ← a_k − η η_a Σ_i σ(w_k·x_i) ρ_i / n";
    /** the two update rules in TeX */
    public static final String DESCENT_TEX = "W_\\ell \\leftarrow W_\\ell - \\eta\\,\\eta_\\ell\\,\\partial\\mathcal{L}/\\partial W_\\ell \\\\ "
            + "\\text{(stable while sharpness }< 2/\\eta\\text{)}";
    public static final String FLOW_TEX = "\\frac{dW_\\ell}{dt} = -\\eta_\\ell\\,(W_L\\cdots W_{\\ell+1})^T \\\\ "
            + "\\qquad(W_{\\mathrm{eff}}\\Sigma_{xx} - \\Sigma_{yx})(W_{\\ell-1}\\cdots W_1)^T";

    public static final String PIECEWISE_TEX = "\\dot\\beta_k = -(\\eta_w a_k^2 I + \\eta_a w_k w_k^T)\\sum_i c_{ki} x_i \\rho_i \\\\ "
            + "\\delta_k = \\eta_w a_k^2 - \\eta_a\\|w_k\\|^2\\ \\text{conserved}";
    public static final String PIECEWISE_DESCENT_TEX = "w_k \\leftarrow w_k - \\eta\\,\\eta_w a_k \\sum_i c_{ki} x_i \\rho_i / n \\\\ "
            + "a_k \\leftarrow a_k - \\eta\\,\\eta_a \\sum_i \\sigma(w_k\\cdot x_i)\\,\\rho_i / n";

    /** a governing equation as display text and as TeX */
    public record Governing(String text, String tex) {}

    /** every overlay, exact solutions first (in the order the equation is looked up) */
    public static final List<Overlay> ALL = List.of(
            new ExactOverlay(LINEAR, run -> run.depth() == 1 ? null
                    : "the linear solution is for depth 1, and this network has depth " + run.depth(),
                    run -> "dW/dt = −η (W Σxx − Σyx)  (linear regression)",
                    run -> "\\frac{dW}{dt} = -\\eta\\,(W\\Sigma_{xx} - \\Sigma_{yx}) \\\\ \\text{(linear regression)}"),
            new ExactOverlay(SINGLE_NEURON, run -> Theories.isSingleNeuron(run.widths()) ? null
                    : "the single-neuron solution needs one hidden neuron (widths [d, 1, 1] or [1, 1, c])",
                    run -> ImplicitBiasOverlay.EQUATION, run -> ImplicitBiasOverlay.TEX),
            new ExactOverlay(SAXE, Overlays::needsDepth,
                    run -> run.depth() == 2 ? "ȧ_α = 2a_α(s_α − a_α)  (Saxe et al.)"
                    : "ȧ_α = L·a_α^(2(L−1)/L) (s_α − a_α), L = " + run.depth() + "  (Saxe et al.)",
                    run -> run.depth() == 2 ? "\\dot a_\\alpha = 2a_\\alpha(s_\\alpha - a_\\alpha) \\\\ \\text{(Saxe et al.)}"
                    : "\\dot a_\\alpha = L\\,a_\\alpha^{2(L-1)/L}(s_\\alpha - a_\\alpha),\\ L = " + run.depth()
                            + " \\\\ \\text{(Saxe et al.)}"),
            new ExactOverlay(LAMBDA_BALANCED, Overlays::needsDepth, run -> run.depth() == 2
                    ? "ȧ_α = √(δ² + 4a_α²)(s_α − a_α)  (λ-balanced modes)" : null,
                    run -> run.depth() == 2 ? "\\dot a_\\alpha = \\sqrt{\\delta^2 + 4a_\\alpha^2}\\,(s_\\alpha - a_\\alpha)"
                            + " \\\\ (\\lambda\\text{-balanced modes})" : null),
            new ExactOverlay(ALIGNED_MODES, Overlays::needsDepth, run -> null),
            new SaddlePlateausOverlay(),
            new MinimalSharpnessOverlay(),
            new ImplicitBiasOverlay(),
            new DeepImplicitBiasOverlay(),
            new MinNuclearNormOverlay(),
            new NeuronTemporalOverlay(),
            new HyperbolicEntropyOverlay());

    private static String needsDepth(OverlayInput run) {
        return run.depth() >= 2 ? null : "mode solutions need a hidden layer, and this network has depth 1";
    }

    /** the overlay with this id */
    public static Overlay get(String id) {
        for (Overlay o : ALL) if (o.id().equals(id)) return o;
        throw new IllegalArgumentException("no overlay \"" + id + "\"");
    }

    /** one overlay evaluated for a run */
    public static OverlayResult evaluate(String id, OverlayInput run) {
        if (piecewise(run)) return OverlayResult.unavailable(id, Theories.PIECEWISE_REASON);
        if (frozen(run)) return OverlayResult.unavailable(id, FROZEN_REASON);
        if (measured(run) && !id.equals(MIN_NUCLEAR_NORM)) return OverlayResult.unavailable(id, MEASURED_REASON);
        return get(id).evaluate(run);
    }

    /** a task observed through measurements (completion, sensing): only the convex minimum applies */
    private static boolean measured(OverlayInput run) { return run.task() != null && run.task().isMeasured(); }

    /** the overlays assume every layer trains: none applies when the output layer is frozen */
    private static boolean frozen(OverlayInput run) {
        return run.network() != null && run.network().frozenOutput();
    }

    /** the overlays are theory of linear networks: none applies to the piecewise-linear family */
    private static boolean piecewise(OverlayInput run) {
        return run.network() != null && run.network().isPiecewise();
    }

    /** every overlay evaluated for a run, in {@link #ALL} order; the exact solution is computed once */
    public static List<OverlayResult> evaluateAll(OverlayInput run) {
        TheoryResult exact = null;
        List<OverlayResult> out = new ArrayList<>(ALL.size());
        for (Overlay o : ALL) {
            if (piecewise(run)) {
                out.add(OverlayResult.unavailable(o.id(), Theories.PIECEWISE_REASON));
            } else if (frozen(run)) {
                out.add(OverlayResult.unavailable(o.id(), FROZEN_REASON));
            } else if (measured(run) && !(o instanceof MinNuclearNormOverlay)) {
                out.add(OverlayResult.unavailable(o.id(), MEASURED_REASON));
            } else if (o instanceof ExactOverlay e) {
                if (exact == null) exact = ExactOverlay.solve(run, true);
                out.add(e.from(run, exact));
            } else {
                out.add(o.evaluate(run));
            }
        }
        return out;
    }

    /**
     * The governing equation at play in a run, in words a lecturer would write on the board: that of the
     * first overlay that applies to the spec's numbers, else the method's update rule.
     */
    public static String equationFor(SimulationSpec spec) {
        return governing(spec).text();
    }

    /** {@link #equationFor} as text and TeX (the same overlay decides both) */
    public static Governing governing(SimulationSpec spec) {
        OverlayInput run = OverlayInput.of(spec);
        if (piecewise(run)) return spec.method() == Method.GRADIENT_DESCENT
                ? new Governing(PIECEWISE_DESCENT_EQUATION, PIECEWISE_DESCENT_TEX) : new Governing(PIECEWISE_EQUATION, PIECEWISE_TEX);
        if (frozen(run)) return spec.method() == Method.GRADIENT_DESCENT
                ? new Governing(DESCENT_EQUATION + ", ℓ ≤ L;  pᵀ fixed", DESCENT_TEX) : new Governing(FROZEN_EQUATION, FROZEN_TEX);
        if (measured(run)) return new Governing(MEASURED_EQUATION, MEASURED_TEX);
        TheoryResult exact = ExactOverlay.solve(run, false);
        for (Overlay o : ALL) {
            boolean applies = o instanceof ExactOverlay e ? e.from(run, exact).available() : o.whyNot(run) == null;
            String eq = applies ? o.equation(run) : null;
            if (eq != null) {
                String tex = o.equationTex(run);
                return new Governing(eq, tex != null ? tex : "\\text{" + eq + "}");
            }
        }
        return spec.method() == Method.GRADIENT_DESCENT ? new Governing(DESCENT_EQUATION, DESCENT_TEX)
                : new Governing(FLOW_EQUATION, FLOW_TEX);
    }

    /** the exact solution of a run on its t grid, as {@link Theories#evaluate} */
    public static TheoryResult exact(SimulationSpec spec, double[] t) {
        return Theories.evaluate(spec, t);
    }
}
