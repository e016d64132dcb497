package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;

/**
 * "neuron-temporal": the temporal variables of seed 002 appendix A ("Exact solutions") along the exact
 * gradient flow of one hidden neuron ({@link NeuronFlow}), on the run's t grid:
 * <pre>  μ = a‖w‖           (the signed magnitude of β; "Deriving the dynamics for μ and φ")
 *   φ = wᵀβ* / (‖w‖‖β*‖)  (the cosine of the angle between w and β*)
 *   ν = wᵀβ* / a          (the Riccati variable of "Upstream δ &gt; 0": ν̇ = η_w‖β*‖² − δν − η_aν²)</pre>
 * ν has a pole where a crosses 0 (possible only for δ &lt; 0, at most once: seed Lemma 4); it is NaN at a = 0.
 * One closed form covers every branch (δ &lt;, =, &gt; 0, either basin, either side of ν's fixed points). Arrays
 * "mu", "phi", "nu"; numbers "delta" and ν's stable fixed point "nuStable" = (−δ + √(δ² + 4η_aη_w‖β*‖²))/(2η_a).
 */
final class NeuronTemporalOverlay implements Overlay {
    static final String ID = "neuron-temporal";

    @Override public String id() { return ID; }

    @Override
    public String whyNot(OverlayInput run) { return flow(run, new NeuronFlow[1]); }

    @Override
    public OverlayResult evaluate(OverlayInput run) {
        NeuronFlow[] out = new NeuronFlow[1];
        String why = flow(run, out);
        if (why != null) return OverlayResult.unavailable(ID, why);
        NeuronFlow f = out[0];
        double[] t = run.times();
        double[] mu = new double[t.length], phi = new double[t.length], nu = new double[t.length];
        double[] bs = f.betaStar();
        double bn = Math.sqrt(NeuronFlow.dot(bs, bs));
        for (int i = 0; i < t.length; i++) {
            double a = f.a(t[i]);
            double[] w = f.w(t[i]);
            double wn = Math.sqrt(NeuronFlow.dot(w, w)), omega = NeuronFlow.dot(w, bs);
            mu[i] = a * wn;
            phi[i] = wn > 0 ? omega / (wn * bn) : Double.NaN;
            nu[i] = a != 0 ? omega / a : Double.NaN;
        }
        Network net = run.network();
        int[] widths = net.widths();
        boolean columnForm = widths[2] == 1;
        double etaA = net.rate(columnForm ? 2 : 1), etaW = net.rate(columnForm ? 1 : 2);
        double delta = f.delta() / Theories.isotropicScale(run.task().sigmaXX());   // the flow's δ carries Σxx = cI's c
        double b2 = bn * bn;
        double nuStable = (-delta + Math.sqrt(delta * delta + 4 * etaA * etaW * b2)) / (2 * etaA);
        return OverlayResult.array(ID, "mu", mu).withArray("phi", phi).withArray("nu", nu)
                .with("delta", delta).with("nuStable", nuStable);
    }

    /** null and out[0] = the exact flow when the closed form applies, else the reason in one sentence */
    private static String flow(OverlayInput run, NeuronFlow[] out) {
        if (!run.isGradientFlow()) return "the closed form describes gradient flow, and this run is gradient descent";
        if (!Theories.isSingleNeuron(run.widths()))
            return "μ, φ and ν are defined for one hidden neuron (widths [d, 1, 1] or [1, 1, c])";
        Task task = run.task();
        Network net = run.network();
        double[] theta = run.theta0();
        if (task == null || net == null || theta == null) return "the run carries no task or no initial weights";
        if (task.isMeasured()) return Overlays.MEASURED_REASON;
        double c = Theories.isotropicScale(task.sigmaXX());
        if (c == 0) return "Σxx = 0: the loss does not depend on the weights";
        if (!(c > 0)) return "the closed form needs whitened inputs (Σxx a multiple of I), and this Σxx is not";
        double b2 = 0;
        for (double v : task.target().data) b2 += v * v;
        if (b2 == 0) return "β* = 0: φ, the cosine of the angle to β*, is undefined";
        for (double v : theta) if (!Double.isFinite(v)) return "the initial weights are not finite";
        out[0] = NeuronFlow.fromWeights(net, task, theta);
        return out[0] == null ? "μ, φ and ν are defined for one hidden neuron (widths [d, 1, 1] or [1, 1, c])" : null;
    }
}
