package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.objective.Balance;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.observe.Frame;

import java.util.List;

/**
 * "implicit-bias": where the gradient flow of one hidden neuron (widths [d, 1, 1], W_1 = wᵀ, W_2 = a) ends,
 * β(∞) of Kunin et al. Theorem 1 ({@link NeuronFlow#implicitBias}) for the run's β0 = a0 w0, its conserved
 * δ = η_w a0² − η_a ‖w0‖² (η_w = η_1, η_a = η_2) and any Σxx (with Σxx of full rank it is β*). For δ &lt; 0 the
 * recorded a(t) must keep its sign (β(t) stays away from 0).
 */
final class ImplicitBiasOverlay implements Overlay {
    static final String ID = "implicit-bias";
    static final String EQUATION = "ȧ = −∂ℒ/∂a, ẇ = −∂ℒ/∂w;  δ = η_w a² − η_a ‖w‖² conserved";
    static final String TEX = "\\dot a = -\\partial\\mathcal{L}/\\partial a,\\ \\dot w = -\\partial\\mathcal{L}/\\partial w \\\\ "
            + "\\delta = \\eta_w a^2 - \\eta_a \\|w\\|^2\\ \\text{conserved}";

    @Override public String id() { return ID; }

    @Override
    public String whyNot(OverlayInput run) { return limit(run, new double[1][]); }

    @Override
    public OverlayResult evaluate(OverlayInput run) {
        double[][] beta = new double[1][];
        String why = limit(run, beta);
        return why != null ? OverlayResult.unavailable(ID, why) : OverlayResult.array(ID, "beta", beta[0]);
    }

    @Override
    public String equation(OverlayInput run) { return EQUATION; }

    @Override
    public String equationTex(OverlayInput run) { return TEX; }

    /** null and out[0] = β(∞) when the theorem applies, else the reason */
    private static String limit(OverlayInput run, double[][] out) {
        if (!run.isGradientFlow()) return "Theorem 1 describes gradient flow, and this run is gradient descent";
        int[] w = run.widths();
        if (w.length != 3 || w[1] != 1 || w[2] != 1)
            return "Theorem 1 is about one hidden neuron with a scalar output (widths [d, 1, 1])";
        Task task = run.task();
        Network net = run.network();
        if (task == null || net == null) return "the run carries no task";
        double[] theta = run.theta0();
        if (theta == null) return "the initial weights are not recorded";
        int d = w[0];
        double a0 = theta[d];
        if (a0 == 0) return "a(0) = 0: the neuron starts on the saddle and stays there";
        double[] beta0 = new double[d];
        double bb = 0;
        for (int i = 0; i < d; i++) {
            beta0[i] = a0 * theta[i];
            bb += beta0[i] * beta0[i];
        }
        if (bb == 0) return "β(0) = 0: the neuron starts on the saddle and stays there";
        double etaW = net.rate(1), etaA = net.rate(2);
        double delta = Balance.singleNeuron(a0, java.util.Arrays.copyOf(theta, d), etaW, etaA);
        List<Frame> frames = run.frames();
        if (delta < 0 && frames != null)
            for (Frame f : frames)
                if (f.hasWeights() && Math.signum(f.weights()[1][0]) != Math.signum(a0))
                    return "a(t) changes sign on this run (δ < 0), and the theorem's limit assumes β(t) stays away from 0";
        double[] b;
        try {
            b = NeuronFlow.implicitBias(task.sigmaXX(), task.target().data, beta0, delta, etaA, etaW);
        } catch (RuntimeException e) {
            return "the limit could not be computed for these numbers (" + e.getMessage() + ")";
        }
        if (b == null || b.length != d) return "the limit could not be computed for these numbers";
        for (double v : b) if (!Double.isFinite(v)) return "the limit is not finite for these numbers";
        out[0] = b;
        return null;
    }
}
