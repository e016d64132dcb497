package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.Arrays;

/**
 * Whether a view applies to a run set, in one place: the charts show this reason instead of a plot, the
 * app's placeholder cells show it, and `export` refuses (one view) or skips (--all, Export…) a view that
 * does not apply, quoting it. Null: the view applies (or there is nothing to judge yet).
 */
public final class ViewApplicability {
    /** why not, in a headline and a detail line (the detail may be null) */
    public record Reason(String message, String detail) {
        /** both on one line: "needs one hidden neuron: widths [d, 1, 1] (this network has widths [2, 3, 1])" */
        public String line() { return detail == null ? message : message + " (" + detail + ")"; }
    }

    private ViewApplicability() {}

    public static Reason whyNot(ViewId view, RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) return null;
        String widths = "this network has widths " + Arrays.toString(rs.runs().get(0).trajectory().widths());
        Reason linearOnly = linearOnly(view, rs);
        if (linearOnly != null) return linearOnly;
        return switch (view) {
            case HYPERBOLOID, HYPERBOLOID_GEOMETRIES -> any(rs, SingleNeuron::applies) ? null
                    : new Reason("needs one hidden neuron: widths [d, 1, 1]", widths);
            case FUNCTION_SPACE -> any(rs, ViewApplicability::twoInputScalarOutput) ? null
                    : new Reason("needs one hidden neuron with two inputs (widths [2, 1, 1]) or two inputs and one output ([2, …, 1])", widths);
            case CONSERVATION -> any(rs, t -> t.depth() >= (frozenOutput(t) ? 3 : 2)) ? null
                    : any(rs, ViewApplicability::frozenOutput)
                    ? new Reason("no conserved Dₗ: the one balance D₁ holds the frozen output layer",
                            "training.freezeOutput: W₂ does not train while W₁ does, so D₁ = W₂ᵀW₂ − W₁W₁ᵀ changes")
                    : new Reason("depth 1: no conserved quantities Dₗ", "a one-layer network has no Dₗ to conserve");
            case SHARPNESS -> any(rs, t -> !t.frames().isEmpty() && t.frames().get(0).hasSharpness()) ? null
                    : new Reason("sharpness was not recorded for this run",
                            "it is recorded for gradient descent, and for gradient flow when this view is shown");
            case HESSIAN -> any(rs, t -> !t.frames().isEmpty() && t.frames().get(0).hasHessian()) ? null
                    : new Reason("the Hessian's spectrum was not recorded for this run",
                            "set training.hessian: true (networks up to " + org.dlnexplorer.model.observe.HessianSpectrum.MAX_PARAMETERS + " parameters)");
            case INPUT_SPACE -> any(rs, StudentRuns::appliesIn2d) ? null
                    : new Reason("needs a two-layer piecewise-linear network with two inputs: widths [2, h, 1], "
                            + "network.activation relu or leaky-relu", widths);
            case NEURON_DYNAMICS -> any(rs, StudentRuns::applies) ? null
                    : new Reason("needs a two-layer piecewise-linear network: widths [d, h, 1], "
                            + "network.activation relu or leaky-relu", widths);
            case PHASE_PORTRAIT -> any(rs, Trajectory::isPiecewise) ? null
                    : new Reason("the (τ, δ) portrait of a piecewise-linear network: network.activation relu or leaky-relu",
                            "for this network see the phase diagram");
            case NUCLEAR_NORM -> any(rs, ViewApplicability::measured) ? null
                    : new Reason("needs a matrix completion or sensing task",
                            "set task.completion or task.sensing: the nuclear norm is compared with the convex minimum that fits the observations");
            case NEURON_TEMPORAL -> any(rs, NeuronTemporalChart::applies) ? null
                    : new Reason("needs one hidden neuron: widths [d, 1, 1] or [1, 1, c]", widths);
            case WEIGHTS -> any(rs, t -> !t.frames().isEmpty() && t.frames().get(0).hasWeights()) ? null
                    : new Reason("weights are recorded for networks up to " + org.dlnexplorer.model.observe.Frame.MAX_WEIGHT_PARAMETERS + " parameters",
                            "this network has " + parameters(rs.runs().get(0).trajectory().widths()) + " parameters");
            case SHARPNESS_VS_ETA -> etaSpread(rs) ? null
                    : new Reason("needs gradient-descent runs at two or more learning rates",
                            "a compare set over training.learningRate: one point per run");
            case LAYERS -> any(rs, ViewApplicability::layersRecorded) ? null
                    : any(rs, t -> t.depth() >= 2 && !t.isPiecewise())
                    ? new Reason("the layers' weights were not recorded", "frames carry them for networks up to "
                            + org.dlnexplorer.model.observe.Frame.MAX_WEIGHT_PARAMETERS + " parameters")
                    : new Reason("needs a deep linear network (two layers or more)", widths);
            case PRECONDITIONER -> any(rs, PreconditionerChart::usable) ? null
                    : any(rs, t -> t.depth() >= 2 && !t.isPiecewise())
                    ? new Reason("the weights are not recorded for this run", "they are recorded for networks of at most "
                            + org.dlnexplorer.model.observe.Frame.MAX_WEIGHT_PARAMETERS + " parameters")
                    : new Reason("needs a linear network of two layers or more", widths);
            case KERNEL_DISTANCE_MATRIX -> any(rs, KernelDistanceMatrixChart::applies) ? null
                    : new Reason("S(t₁, t₂) needs the NTK at every frame",
                            org.dlnexplorer.model.observe.KernelDistanceMatrix.whyNot(rs.runs().get(0).trajectory()));
            case RESIDUAL_DEPTH -> depthSpread(rs) ? null
                    : new Reason("needs runs with a fixed readout p at two or more depths",
                            "a compare set over network.depth with training.freezeOutput: true (and init.scheme residual)");
            default -> null;
        };
    }

    /** Σ n_ℓ n_{ℓ−1}: the entries of W_1 … W_L */
    static int parameters(int[] widths) {
        int p = 0;
        for (int l = 1; l < widths.length; l++) p += widths[l] * widths[l - 1];
        return p;
    }

    /** two or more gradient-descent runs (sharpness recorded) with different η */
    private static boolean etaSpread(RunSet rs) {
        double first = Double.NaN;
        for (RunSet.Labeled l : rs.runs()) {
            if (!SharpnessVsEtaChart.applies(l.trajectory())) continue;
            double eta = SharpnessChart.learningRate(l.trajectory());
            if (Double.isNaN(first)) first = eta;
            else if (eta != first) return true;
        }
        return false;
    }

    /** two or more runs of the residual fixed-p setting at different depths */
    private static boolean depthSpread(RunSet rs) {
        int first = -1;
        for (RunSet.Labeled l : rs.runs()) {
            if (!ResidualDepthChart.applies(l.trajectory())) continue;
            int depth = l.trajectory().depth();
            if (first < 0) first = depth;
            else if (depth != first) return true;
        }
        return false;
    }

    /** the run's output layer is frozen (training.freezeOutput) */
    static boolean frozenOutput(Trajectory t) {
        return t.setup() != null && t.setup().network().frozenOutput();
    }

    /** a deep linear network (two layers or more) whose frames carry the layers' weights */
    static boolean layersRecorded(Trajectory t) {
        return t.depth() >= 2 && !t.isPiecewise() && !t.frames().isEmpty() && t.frames().get(0).hasWeights();
    }

    /** the run's task observes W_eff through measurements (task.completion, task.sensing) */
    static boolean measured(Trajectory t) {
        return t.setup() != null && t.setup().task().isMeasured();
    }

    /**
     * The views of the deep linear network (W_eff's singular values, the single neuron's hyperboloid and β
     * path, the λ-balanced phase diagram) do not apply to the piecewise-linear family (its conservation view
     * shows the per-neuron δ_k instead of the D_ℓ).
     */
    private static Reason linearOnly(ViewId view, RunSet rs) {
        boolean linear = switch (view) {
            case SINGULAR_VALUES, HYPERBOLOID, FUNCTION_SPACE, PHASE_DIAGRAM, NEURON_TEMPORAL, HYPERBOLOID_GEOMETRIES, WEIGHTS, LAYERS, PRECONDITIONER -> true;
            default -> false;
        };
        if (!linear || !all(rs, Trajectory::isPiecewise)) return null;
        return new Reason("a view of linear networks", "this network has a piecewise-linear activation: "
                + "f(x) = aᵀσ(Wx) has no W_eff, and its conserved quantities are per neuron (δ_k)");
    }

    private static boolean all(RunSet rs, java.util.function.Predicate<Trajectory> p) {
        for (RunSet.Labeled l : rs.runs()) if (!p.test(l.trajectory())) return false;
        return true;
    }

    /** the function-space view's network: two inputs, one output (β = W_eff ∈ ℝ²), any hidden layers */
    static boolean twoInputScalarOutput(Trajectory t) {
        return twoInputScalarOutput(t.widths()) && !t.frames().isEmpty() && !t.isPiecewise();
    }

    /** two inputs, one output, any hidden layers: widths [2, …, 1] */
    static boolean twoInputScalarOutput(int[] w) {
        return w.length >= 3 && w[0] == 2 && w[w.length - 1] == 1;
    }

    private static boolean any(RunSet rs, java.util.function.Predicate<Trajectory> p) {
        for (RunSet.Labeled l : rs.runs()) if (p.test(l.trajectory())) return true;
        return false;
    }
}
