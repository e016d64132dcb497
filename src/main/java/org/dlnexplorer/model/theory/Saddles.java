package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.engine.SimulationSpec;

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
        if (depth > 2 && m.maxRelativeImbalance(net) > Theories.BALANCE_TOLERANCE) return null;
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
