package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.TheoryResult;

/**
 * Saddle-to-saddle dynamics (seed 000 §6–7). From a small task-aligned start the modes are learned one
 * at a time in decreasing s_α; between transitions the loss sits on the plateau of the saddle that has
 * learned the first r modes.
 */
public final class Saddles {
    private Saddles() {}

    /**
     * Plateau loss levels ℒ_r = ½ Σ_{α&gt;r} s_α² for r = 0 … k−1 (whitened; s sorted descending first).
     */
    public static double[] plateauLevels(double[] s) {
        return plateauLevels(s, 1.0, 0.0);
    }

    /** Plateau levels for Σxx = cI and an irreducible loss ℒ_min: c/2 Σ_{α&gt;r} s_α² + ℒ_min. */
    public static double[] plateauLevels(double[] s, double c, double minimumLoss) {
        double[] sorted = s.clone();
        java.util.Arrays.sort(sorted);
        int k = sorted.length;
        double[] out = new double[k];
        double tail = 0;
        // ascending order: sorted[0] smallest; level r sums the k − r smallest
        for (int r = k - 1; r >= 0; r--) {
            tail += sorted[k - 1 - r] * sorted[k - 1 - r];
            out[r] = 0.5 * c * tail + minimumLoss;
        }
        return out;
    }

    /**
     * Exact escape (half-way) times of balanced aligned modes with unit rates: t*_α with a_α(t*_α) = s_α/2
     * (Saxe: ln(s/a0 − 1)/(2s) at L = 2; exact implicit solution at L &gt; 2). NaN where a mode never
     * crosses s_α/2 (a0 ≥ s/2 or s = 0).
     */
    public static double[] escapeTimes(int depth, double[] s, double[] a0) {
        return Saxe.transitionTimes(depth, s, a0);
    }

    /**
     * Exact escape times of every mode of a run, when its configuration has an exact aligned-mode
     * solution (any depth at δ = 0; depth 2 at any δ, including per-layer rates and Σxx with the modes'
     * input directions as eigenvectors, mode α on the clock λ_α t), ordered
     * as the modes' s_α descending; null when no exact solution applies (see {@link Theories#evaluate}).
     */
    public static double[] escapeTimes(SimulationSpec spec) {
        Network net = spec.network();
        if (net.depth() < 2) return null;
        String[] why = new String[1];
        AlignedModes m = AlignedModes.detect(net, spec.task(), spec.theta0(), why);
        if (m == null) return null;
        double[] lambda = m.inputVariances(spec.task().sigmaXX(), why);
        if (lambda == null) return null;
        int depth = net.depth();
        double prodEta = 1;
        for (int l = 1; l <= depth; l++) prodEta *= net.rate(l);
        boolean unbalanced = depth > 2 && m.maxRelativeImbalance(net) > Theories.BALANCE_TOLERANCE;
        Integer[] order = new Integer[m.k];
        for (int i = 0; i < m.k; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(Math.abs(m.s[y]), Math.abs(m.s[x])));
        double[] out = new double[m.k];
        for (int i = 0; i < m.k; i++) {
            int a = order[i];
            out[i] = Double.NaN;
            if (!m.active[a] || m.s[a] <= 0) continue;
            double a0 = m.product(a);
            if (depth == 2) {
                double g = Math.sqrt(prodEta);
                double d = m.delta2(net, a);
                double size = net.rate(1) * m.gains[a][1] * m.gains[a][1] + net.rate(2) * m.gains[a][0] * m.gains[a][0];
                if (Math.abs(d) <= Theories.BALANCE_TOLERANCE * size) d = 0;
                double t = LambdaBalanced.time(d, g * m.s[a], g * a0, g * m.s[a] / 2);
                out[i] = a0 < m.s[a] / 2 && lambda[a] > 0 ? t / lambda[a] : Double.NaN;
            } else if (unbalanced) {
                AlignedMode mode = new AlignedMode(m.gains[a], net.layerRates(), m.s[a], lambda[a]);
                out[i] = lambda[a] > 0 && a0 < m.s[a] / 2 ? mode.time(m.s[a] / 2) : Double.NaN;
            } else {
                double rho = Math.pow(prodEta, 1.0 / depth);
                out[i] = lambda[a] > 0 ? Saxe.halfwayTime(depth, m.s[a], a0) / (lambda[a] * rho) : Double.NaN;
            }
        }
        return out;
    }

    /** Number of modes learned by time t (escape time ≤ t): the rank of W_eff on the saddle-to-saddle path. */
    public static int rankAt(double t, double[] escapeTimes) {
        int r = 0;
        for (double e : escapeTimes) if (e <= t) r++;
        return r;
    }

    /**
     * Rank over time along an exact solution: per frame, the number of modes with a_α &gt; s_α/2 (the
     * definition the simulation's Frame.rank uses), with s the target singular values (descending).
     */
    public static int[] rankOverTime(TheoryResult exact, double[] s) {
        double[][] sv = exact.singularValues();
        int[] out = new int[sv.length];
        for (int f = 0; f < sv.length; f++) {
            int r = 0;
            for (int a = 0; a < sv[f].length && a < s.length; a++) if (s[a] > 0 && sv[f][a] > 0.5 * s[a]) r++;
            out[f] = r;
        }
        return out;
    }

    /**
     * Escape-time <em>estimates</em> (not exact) for a small, arbitrary (e.g. random) start of a depth-2 network
     * on whitened inputs, one per target mode (s descending). Near W = 0 the flow is linear: with
     * f_α = W_1 v_α and g_α = W_2ᵀ u_α, ḟ = s_α g, ġ = s_α f, so u_αᵀW_eff v_α = g·f ≈ ¼‖f0 + g0‖² e^{2s_α t}: the
     * mode leaves the plateau like a Saxe mode started at a_eff = ¼‖f0 + g0‖², giving
     * t_α ≈ ln(s_α/a_eff − 1)/(2s_α), where f0 + g0 is first projected off the hidden directions of the larger
     * modes (which they take over). Other interactions between modes (which matter for near-degenerate s_α) and
     * the small decaying part are neglected. Null when the run is not depth 2 with Σxx = cI.
     */
    public static double[] smallInitEscapeEstimates(SimulationSpec spec) {
        Network net = spec.network();
        if (net.depth() != 2) return null;
        double c = Theories.isotropicScale(spec.task().sigmaXX());
        if (!(c > 0)) return null;
        org.ejml.data.DMatrixRMaj t = spec.task().target();
        org.ejml.interfaces.decomposition.SingularValueDecomposition_F64<org.ejml.data.DMatrixRMaj> svd =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(t.numRows, t.numCols, true, true, true);
        if (!svd.decompose(t.copy())) return null;
        org.ejml.data.DMatrixRMaj u = svd.getU(null, false), sw = svd.getW(null), v = svd.getV(null, false);
        org.ejml.dense.row.SingularOps_DDRM.descendingOrder(u, false, sw, v, false);
        org.ejml.data.DMatrixRMaj[] w = org.dlnexplorer.model.objective.Objective.layers(net, spec.theta0());
        double gamma = Math.sqrt(net.rate(1) * net.rate(2));
        double r1 = Math.sqrt(net.rate(1)), r2 = Math.sqrt(net.rate(2));
        int k = net.modes(), h = net.width(1);
        double[] out = new double[k];
        java.util.List<double[]> used = new java.util.ArrayList<>();   // hidden directions of earlier modes
        for (int a = 0; a < k; a++) {
            double sa = sw.get(a, a);
            // with rates: F = f/√η1 and G = g/√η2 obey Ḟ = γ s G, Ġ = γ s F
            double[] sum = new double[h];
            for (int q = 0; q < h; q++) {
                double f = 0, g = 0;
                for (int j = 0; j < net.inputDim(); j++) f += w[0].get(q, j) * v.get(j, a);
                for (int i = 0; i < net.outputDim(); i++) g += w[1].get(i, q) * u.get(i, a);
                sum[q] = f / r1 + g / r2;
            }
            // the hidden directions taken by earlier (larger) modes stop growing for this one: project them out
            for (double[] e : used) {
                double dot = 0;
                for (int q = 0; q < h; q++) dot += sum[q] * e[q];
                for (int q = 0; q < h; q++) sum[q] -= dot * e[q];
            }
            double norm2 = 0;
            for (double x : sum) norm2 += x * x;
            if (norm2 > 0) {
                double n = Math.sqrt(norm2);
                double[] e = new double[h];
                for (int q = 0; q < h; q++) e[q] = sum[q] / n;
                used.add(e);
            }
            if (!(sa > 0)) { out[a] = Double.NaN; continue; }
            // u_αᵀW_eff v_α ≈ a_eff e^{2cγ s_α t}, a_eff = γ‖F0 + G0‖²/4: the logistic ȧ = 2cγ a(s − a) from a_eff
            double aEff = gamma * norm2 / 4;
            out[a] = aEff > 0 && aEff < sa / 2 ? Math.log(sa / aEff - 1) / (2 * c * gamma * sa) : Double.NaN;
        }
        return out;
    }

    /**
     * Leading-order escape time estimate for a small start of size ε in every mode (unit rates):
     * ln(s/ε)/(2s) at L = 2 (seed 000 §5.4/§7), ε^{−(L−2)/L}/((L−2)s) at L &gt; 2. An estimate for small random
     * (non-aligned) initializations, where ε is the initial overlap u_αᵀW_eff(0)v_α; not an exact solution.
     */
    public static double[] smallInitEscapeEstimates(int depth, double[] s, double epsilon) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) out[i] = s[i] > 0 ? Saxe.smallInitHalfwayTime(depth, s[i], epsilon) : Double.NaN;
        return out;
    }
}
