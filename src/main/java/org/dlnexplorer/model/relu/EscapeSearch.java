package org.dlnexplorer.model.relu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The search for a way out of the origin for a collapsed neuron ({@link PiecewiseNet#escape}): fixed-point
 * iteration c ← sign(u(c)·x) of the activation pattern, u(c) = −(η_w a_k/n) Σ_i ρ_i c_i x_i (slope 1 for
 * c_i = +1, γ for −1), from the all-active, all-inactive and each ±x_j's pattern, inside a region (slide = −1)
 * or along one surface w·x_s = 0 with Filippov's slope for s.
 * <p>
 * The iteration from a pattern is deterministic, so a pattern met again cannot give a new answer: a run that
 * failed (returned no way out) remembers each pattern it iterated from with the iteration it met it at (0 when
 * the run failed by a decision, not by running out of iterations). A later run that meets a remembered
 * pattern at that iteration or later has at most as many iterations left on the same path, so it fails
 * too and stops there. The answer is the one the plain search gives, with each pattern iterated from once.
 */
final class EscapeSearch {
    private final int n, d;
    private final double gamma, etaW;
    private final double[] x;
    /** x_i · x_j, row-major n × n */
    private final double[] gram;
    /** ‖x_i‖ */
    private final double[] norm;
    private final double[] v;
    private final byte[][] starts;
    private final Pattern[] startKeys;

    EscapeSearch(int n, int d, double gamma, double etaW, double[] x, PiecewiseNet net) {
        this.n = n;
        this.d = d;
        this.gamma = gamma;
        this.etaW = etaW;
        this.x = x;
        this.gram = new double[n * n];
        this.norm = new double[n];
        this.v = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) gram[i * n + j] = net.inputDot(i, j);
        for (int i = 0; i < n; i++) norm[i] = Math.sqrt(gram[i * n + i]);
        // the starting patterns: all active, all inactive, then the side of each x_i facing +x_j and −x_j
        starts = new byte[2 * n + 2][n];
        startKeys = new Pattern[starts.length];
        for (int start = 0; start < starts.length; start++) {
            for (int i = 0; i < n; i++) {
                double dir = start == 0 ? 1 : start == 1 ? -1 : (start % 2 == 0 ? 1 : -1) * gram[((start - 2) / 2) * n + i];
                starts[start][i] = (byte) (dir > 0 ? 1 : -1);
            }
            startKeys[start] = new Pattern(starts[start]);
        }
    }

    /** the way out for residuals rho and a_k = ak (≠ 0), or null */
    PiecewiseNet.Escape find(double[] rho, double ak) {
        byte[] c = new byte[n];
        for (int slide = -1; slide < n; slide++) {
            Map<Pattern, Integer> failed = new HashMap<>();
            for (int start = 0; start < starts.length; start++) {
                Integer seen = failed.get(startKeys[start]);
                if (seen != null && seen == 0) continue;   // met at iteration 0 of a failed run: fails again
                System.arraycopy(starts[start], 0, c, 0, n);
                if (iterate(c, rho, ak, slide, failed)) return new PiecewiseNet.Escape(c.clone(), slide);
            }
        }
        return null;
    }

    /** the fixed-point iteration from c (changed in place): true when consistent and clear of every surface */
    private boolean iterate(byte[] c, double[] rho, double ak, int slide, Map<Pattern, Integer> failed) {
        Pattern[] met = new Pattern[n + 1];
        int steps = 0;
        boolean decided = false, answer = false;
        for (int it = 0; it < n + 1; it++) {
            Pattern key = new Pattern(c);
            Integer seen = failed.get(key);
            if (seen != null && seen <= it) {   // the same path with no more iterations left: it fails
                decided = seen == 0;   // as that run did: by a decision, or by running out of iterations
                break;
            }
            met[steps++] = key;
            Arrays.fill(v, 0.0);
            for (int i = 0; i < n; i++) {
                if (i == slide) continue;
                double r = rho[i] * (c[i] > 0 ? 1.0 : gamma);
                for (int col = 0; col < d; col++) v[col] += r * x[i * d + col];
            }
            if (slide >= 0) {
                // Filippov's slope keeps x_s·ẇ = 0: ρ_s c_s ‖x_s‖² = −x_s·v
                double xs = 0, xx = gram[slide * n + slide];
                for (int col = 0; col < d; col++) xs += x[slide * d + col] * v[col];
                double cs = rho[slide] == 0 ? Double.NaN : -xs / (rho[slide] * xx);
                if (!(cs >= gamma && cs <= 1)) { decided = true; break; }
                for (int col = 0; col < d; col++) v[col] -= xs / xx * x[slide * d + col];
            }
            double f = -etaW * ak / n, vn = 0;
            for (int col = 0; col < d; col++) { v[col] *= f; vn += v[col] * v[col]; }
            vn = Math.sqrt(vn);
            if (vn == 0) { decided = true; break; }
            boolean same = true, clear = true;
            for (int i = 0; i < n; i++) {
                if (i == slide) continue;
                double dot = 0;
                for (int col = 0; col < d; col++) dot += v[col] * x[i * d + col];
                byte ci = (byte) (dot > 0 ? 1 : -1);
                if (Math.abs(dot) <= PiecewiseNet.ESCAPE_MARGIN * vn * norm[i]) clear = false;
                if (ci != c[i]) { same = false; c[i] = ci; }
            }
            if (same) { decided = true; answer = clear; break; }
        }
        if (answer) return true;
        // remember the path: with the iteration each pattern was met at, or 0 when the failure was decided
        for (int j = 0; j < steps; j++) failed.merge(met[j], decided ? 0 : j, Math::min);
        return false;
    }

    /** an activation pattern c ∈ {−1, +1}ⁿ as bits (1: active), for the map of failed patterns */
    private static final class Pattern {
        private final long[] bits;
        private final int hash;

        Pattern(byte[] c) {
            bits = new long[(c.length + 63) >>> 6];
            for (int i = 0; i < c.length; i++) if (c[i] > 0) bits[i >>> 6] |= 1L << (i & 63);
            hash = Arrays.hashCode(bits);
        }

        @Override public boolean equals(Object o) { return o instanceof Pattern p && Arrays.equals(bits, p.bits); }
        @Override public int hashCode() { return hash; }
    }
}
