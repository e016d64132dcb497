package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.objective.Balance;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;

/**
 * Kunin et al. Figure 4b (seed 002 §3, Theorem 1): where one hidden neuron (widths [d, 1, 1]) with low-rank Σxx
 * interpolates, as a continuous function of δ at fixed β0 and rates, with its landmarks: the minimum-norm
 * interpolant β_p, the lazy limit δ → +∞ (the interpolant nearest β0, β_p + Pβ0 with P the projector onto
 * null Σxx) and the δ → −∞ limit (the interpolant on the ray through β0). With a one-dimensional null space
 * the closed form {@link NeuronFlow#implicitBiasOneDimensional} is used, else the Newton solve of
 * {@link NeuronFlow#implicitBias}. a(t) is assumed to keep its sign (σ = +1).
 */
public final class ImplicitBiasCurve {
    /** the curve over δ: beta[k] = β(∞) at delta[k]; the landmarks; whether the 1-D closed form was used */
    public record Curve(double[] delta, double[][] beta, double[] minNorm, double[] lazy, double[] downstream,
                        boolean closedForm) {}

    private ImplicitBiasCurve() {}

    /** the curve for a recorded single-neuron run on δ ∈ [−span, span] (n points), or null where it does not apply */
    public static Curve of(Trajectory tr, double span, int n) {
        int[] w = tr.widths();
        if (w.length != 3 || w[1] != 1 || w[2] != 1 || tr.frames().isEmpty() || !tr.frames().get(0).hasWeights()
                || tr.setup() == null || tr.isPiecewise()) return null;
        double[][] first = tr.frames().get(0).weights();
        int d = w[0];
        double a0 = first[1][0];
        double[] beta0 = new double[d];
        for (int i = 0; i < d; i++) beta0[i] = a0 * first[0][i];
        var net = tr.setup().network();
        var task = tr.setup().task();
        return of(task.sigmaXX(), task.target().data, beta0, net.rate(2), net.rate(1), span, n);
    }

    /** the curve for Σxx, β*, β0 and rates η_a, η_w; null when Σxx has full rank or β0 = 0 */
    public static Curve of(DMatrixRMaj sigmaXX, double[] betaStar, double[] beta0, double etaA, double etaW,
                           double span, int n) {
        int d = betaStar.length;
        double[][] basis = NeuronFlow.nullSpace(sigmaXX);
        if (basis.length == 0 || NeuronFlow.dot(beta0, beta0) == 0) return null;
        double[] minNorm = betaStar.clone();
        for (double[] v : basis) { double c = NeuronFlow.dot(minNorm, v); for (int i = 0; i < d; i++) minNorm[i] -= c * v[i]; }
        double[] lazy = minNorm.clone();
        for (double[] v : basis) { double c = NeuronFlow.dot(beta0, v); for (int i = 0; i < d; i++) lazy[i] += c * v[i]; }
        // the ray c·β0 meets Σxxβ = Σxxβ* at c = β0ᵀΣxxβ*/β0ᵀΣxxβ0 (none when Σxxβ0 = 0)
        double num = quad(sigmaXX, beta0, betaStar), den = quad(sigmaXX, beta0, beta0);
        double[] down = null;
        if (den > 1e-14 * Math.max(1e-300, trace(sigmaXX) * NeuronFlow.dot(beta0, beta0))) {
            down = new double[d];
            for (int i = 0; i < d; i++) down[i] = num / den * beta0[i];
        }
        boolean closed = basis.length == 1;
        double[] deltas = new double[n];
        double[][] beta = new double[n][];
        for (int k = 0; k < n; k++) {
            deltas[k] = -span + 2 * span * k / (n - 1);
            beta[k] = closed ? NeuronFlow.implicitBiasOneDimensional(minNorm, basis[0], beta0, deltas[k], etaA, etaW)
                    : NeuronFlow.implicitBias(sigmaXX, betaStar, beta0, deltas[k], etaA, etaW);
        }
        return new Curve(deltas, beta, minNorm, lazy, down, closed);
    }

    /** the run's conserved δ = η_w a0² − η_a‖w0‖² (NaN where the run is not one neuron) */
    public static double delta(Trajectory tr) {
        int[] w = tr.widths();
        if (w.length != 3 || w[1] != 1 || w[2] != 1 || tr.frames().isEmpty() || !tr.frames().get(0).hasWeights()
                || tr.setup() == null || tr.isPiecewise()) return Double.NaN;
        double[][] first = tr.frames().get(0).weights();
        var net = tr.setup().network();
        return Balance.singleNeuron(first[1][0], first[0], net.rate(1), net.rate(2));
    }

    private static double quad(DMatrixRMaj s, double[] x, double[] y) {
        double q = 0;
        for (int i = 0; i < x.length; i++) for (int j = 0; j < y.length; j++) q += x[i] * s.get(i, j) * y[j];
        return q;
    }

    private static double trace(DMatrixRMaj s) {
        double t = 0;
        for (int i = 0; i < s.numRows; i++) t += s.get(i, i);
        return t;
    }
}
