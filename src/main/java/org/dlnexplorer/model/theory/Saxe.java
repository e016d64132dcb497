package org.dlnexplorer.model.theory;

/**
 * Saxe et al. (seed 000 §5): one balanced, task-aligned mode of a depth-L network on whitened inputs,
 * in units where the layer rates are 1,
 * <pre>  ȧ = L a^{2(L−1)/L} (s − a),  a(0) = a0 ≥ 0, s ≥ 0.</pre>
 * (With rates η_ℓ and Σxx = cI the same equation holds in the time c·(Π η_ℓ)^{1/L}·t.)
 * <p>
 * L = 2: logistic a(t) = s / (1 + (s/a0 − 1) e^{−2st}), written as 1/(e^{−2st}/a0 + (1 − e^{−2st})/s) so
 * that it is exact also for a0 > s (decay from above) and s → 0 (a = a0/(1 + 2a0 t)).
 * <p>
 * L > 2: with b = a^{1/L} = σx, σ = s^{1/L}: ḃ = b^{L−1}(s − b^L), and partial fractions
 * 1/(b^{L−1}(s − b^L)) = (1/s)(b^{1−L} + b/(s − b^L)) give the exact implicit solution
 * <pre>  s^{2−2/L} t = J(x(t)) − J(x0),   J(x) = x^{2−L}/(2−L) + I_L(x),   I_L(x) = ∫ x/(1 − x^L) dx
 *   I_L(x) = −(1/L) ln|1−x| − [L even](1/L) ln(1+x)
 *            − (1/L) Σ_{k=1}^{⌊(L−1)/2⌋} [cos 2θ_k ln(x² − 2x cos θ_k + 1) + 2 sin 2θ_k atan2(sin θ_k, x − cos θ_k)],
 *   θ_k = 2πk/L,</pre>
 * inverted by safeguarded Newton in z = logit(x) (x &lt; 1) or z = ln(x − 1) (x &gt; 1).
 * s = 0: a(t) = (a0^{−p} + pL t)^{−1/p}, p = 2 − 2/L.
 */
public final class Saxe {
    private Saxe() {}

    /** a(t) of the unit-rate mode equation ȧ = L a^{2(L−1)/L}(s − a); requires a0 ≥ 0, s ≥ 0, depth ≥ 2. */
    public static double value(int depth, double s, double a0, double t) {
        check(depth, s, a0);
        if (a0 == 0.0 || a0 == s || t == 0.0) return a0;
        if (depth == 2) return logistic(s, a0, t);
        if (s == 0.0) {
            // ȧ = −L a^{3−2/L}:  a^{−p} = a0^{−p} + pL t, p = 2 − 2/L
            double p = 2.0 - 2.0 / depth;
            return Math.pow(Math.pow(a0, -p) + p * depth * t, -1.0 / p);
        }
        double x0 = Math.pow(a0 / s, 1.0 / depth);
        double target = Math.pow(s, 2.0 - 2.0 / depth) * t;   // J(x(t)) − J(x0)
        double x;
        if (x0 < 1.0) {
            double z0 = logit(x0);
            double j0 = jOfLogit(depth, z0);
            double hi = z0 + depth * target + 1.0;            // dJ/dz ≥ 1/L
            double guess = z0 + depth * target;
            double z = Roots.solve(zz -> jOfLogit(depth, zz) - j0 - target, zz -> djdLogit(depth, zz), z0, hi,
                    Math.min(guess, hi));
            x = 1.0 / (1.0 + Math.exp(-z));
        } else {
            double y0 = Math.log(x0 - 1.0);
            double j0 = jOfLogAbove(depth, y0);
            double slowest = depth * Math.pow(x0, 2.0 * depth - 2.0);   // |dJ/dy| ≥ 1/(L x0^{2L−2})
            double lo = y0 - target * slowest - 1.0;
            double y = Roots.solve(yy -> jOfLogAbove(depth, yy) - j0 - target, yy -> djdLogAbove(depth, yy), lo, y0,
                    y0 - depth * target);
            x = 1.0 + Math.exp(y);
        }
        return s * Math.pow(x, depth);
    }

    /**
     * a(t) on a whole grid (unit rates), warm-starting each inversion from the previous frame when the grid
     * is increasing; identical to {@link #value} frame by frame.
     */
    public static double[] values(int depth, double s, double a0, double[] t) {
        check(depth, s, a0);
        double[] out = new double[t.length];
        boolean implicit = depth > 2 && s > 0 && a0 > 0 && a0 != s;
        if (!implicit) {
            for (int i = 0; i < t.length; i++) out[i] = value(depth, s, a0, t[i]);
            return out;
        }
        double x0 = Math.pow(a0 / s, 1.0 / depth);
        double scale = Math.pow(s, 2.0 - 2.0 / depth);
        boolean below = x0 < 1.0;
        double v0 = below ? logit(x0) : Math.log(x0 - 1.0);
        double j0 = below ? jOfLogit(depth, v0) : jOfLogAbove(depth, v0);
        double slowest = below ? depth : depth * Math.pow(x0, 2.0 * depth - 2.0);
        double prevT = 0, prevV = v0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] <= 0) { out[i] = t[i] == 0 ? a0 : value(depth, s, a0, t[i]); continue; }
            if (t[i] < prevT) { prevT = 0; prevV = v0; }
            double target = scale * t[i];
            double step = scale * (t[i] - prevT);
            double v;
            try {
            if (below) {
                double lo = prevV, hi = prevV + slowest * step + 1e-300 + 1e-15 * Math.abs(prevV);
                double guess = prevV + step / djdLogit(depth, prevV);
                v = Roots.solve(zz -> jOfLogit(depth, zz) - j0 - target, zz -> djdLogit(depth, zz), lo,
                        Math.max(hi, lo + 1e-12), Math.min(guess, hi));
            } else {
                double hi = prevV, lo = prevV - slowest * step - 1e-12;
                double guess = prevV + step / djdLogAbove(depth, prevV);
                v = Roots.solve(yy -> jOfLogAbove(depth, yy) - j0 - target, yy -> djdLogAbove(depth, yy), lo, hi,
                        Math.max(guess, lo));
            }
            } catch (IllegalArgumentException roundOff) {       // warm bracket lost to round-off: cold solve
                out[i] = value(depth, s, a0, t[i]);
                prevT = 0;
                prevV = v0;
                continue;
            }
            double x = below ? 1.0 / (1.0 + Math.exp(-v)) : 1.0 + Math.exp(v);
            out[i] = s * Math.pow(x, depth);
            prevT = t[i];
            prevV = v;
        }
        return out;
    }

    /** The exact time at which the unit-rate mode reaches a (a between a0 and s, excluded s); +∞ if never. */
    public static double time(int depth, double s, double a0, double a) {
        check(depth, s, a0);
        if (a == a0) return 0.0;
        boolean between = (a0 < s) ? (a > a0 && a < s) : (a < a0 && a > s);
        if (!between) return Double.POSITIVE_INFINITY;
        if (depth == 2) {
            if (s == 0.0) return (1.0 / a - 1.0 / a0) / 2.0;
            // logistic: 2 s t = logit-like ln(a/(s−a)) − ln(a0/(s−a0))  (valid on both sides of s)
            return (Math.log(a / Math.abs(s - a)) - Math.log(a0 / Math.abs(s - a0))) / (2.0 * s);
        }
        if (s == 0.0) {
            double p = 2.0 - 2.0 / depth;
            return (Math.pow(a, -p) - Math.pow(a0, -p)) / (p * depth);
        }
        double x0 = Math.pow(a0 / s, 1.0 / depth), x = Math.pow(a / s, 1.0 / depth);
        double scale = Math.pow(s, 2.0 - 2.0 / depth);
        if (x0 < 1.0) return (jOfLogit(depth, logit(x)) - jOfLogit(depth, logit(x0))) / scale;
        return (jOfLogAbove(depth, Math.log(x - 1.0)) - jOfLogAbove(depth, Math.log(x0 - 1.0))) / scale;
    }

    /**
     * Half-way (transition) time t* with a(t*) = s/2, from the exact solution; for L = 2 it is
     * ln(s/a0 − 1)/(2s) (SPEC §4). NaN unless 0 &lt; a0 &lt; s/2.
     */
    public static double halfwayTime(int depth, double s, double a0) {
        if (!(a0 > 0 && a0 < s / 2)) return Double.NaN;
        if (depth == 2) return Math.log(s / a0 - 1.0) / (2.0 * s);
        return time(depth, s, a0, s / 2);
    }

    /** Half-way times of every mode (NaN for modes that start at or above s/2 or have s = 0). */
    public static double[] transitionTimes(int depth, double[] s, double[] a0) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) out[i] = halfwayTime(depth, s[i], a0[i]);
        return out;
    }

    /**
     * Separation of timescales: ratio t*_β / t*_α of two modes' half-way times (→ s_α/s_β as a0 → 0 at L = 2).
     */
    public static double timescaleRatio(int depth, double sAlpha, double sBeta, double a0) {
        return halfwayTime(depth, sBeta, a0) / halfwayTime(depth, sAlpha, a0);
    }

    /**
     * Leading-order half-way time for small a0 (plateau escape): L = 2: ln(s/a0)/(2s) (seed 000 §5.4);
     * L &gt; 2: a0^{−(L−2)/L} / ((L−2) s) (the x^{2−L} term of J dominates).
     */
    public static double smallInitHalfwayTime(int depth, double s, double a0) {
        if (depth == 2) return Math.log(s / a0) / (2 * s);
        return Math.pow(a0, -(depth - 2.0) / depth) / ((depth - 2.0) * s);
    }

    /** L = 2 logistic, exact for every a0 ≥ 0 and s ≥ 0 (also a0 > s and s = 0). */
    public static double logistic(double s, double a0, double t) {
        if (a0 == 0.0) return 0.0;
        double e = Math.exp(-2 * s * t);
        double g = s == 0.0 ? 2 * t : -Math.expm1(-2 * s * t) / s;
        return 1.0 / (e / a0 + g);
    }

    private static void check(int depth, double s, double a0) {
        if (depth < 2) throw new IllegalArgumentException("depth must be ≥ 2");
        if (!(s >= 0) || !(a0 >= 0)) throw new IllegalArgumentException("requires s ≥ 0 and a0 ≥ 0");
    }

    private static double logit(double x) { return Math.log(x) - Math.log1p(-x); }

    /** J(x) with x = 1/(1+e^{−z}) (x in (0,1)) */
    static double jOfLogit(int depth, double z) {
        double lnx = -log1pexp(-z);          // ln x
        double ln1mx = -log1pexp(z);         // ln(1 − x)
        double x = Math.exp(lnx);
        return Math.exp((2 - depth) * lnx) / (2 - depth) + iL(depth, x, ln1mx);
    }

    /** dJ/dz = x^{2−L} / (1 + x + … + x^{L−1}) */
    static double djdLogit(int depth, double z) {
        double lnx = -log1pexp(-z);
        double x = Math.exp(lnx);
        return Math.exp((2 - depth) * lnx) / geometric(depth, x);
    }

    /** J(x) with x = 1 + e^{y} (x > 1) */
    static double jOfLogAbove(int depth, double y) {
        double x = 1.0 + Math.exp(y);
        return Math.pow(x, 2 - depth) / (2 - depth) + iL(depth, x, y);
    }

    /** dJ/dy = −1 / (x^{L−1}(1 + x + … + x^{L−1})) */
    static double djdLogAbove(int depth, double y) {
        double x = 1.0 + Math.exp(y);
        return -1.0 / (Math.pow(x, depth - 1) * geometric(depth, x));
    }

    private static double geometric(int depth, double x) {
        double s = 0, p = 1;
        for (int i = 0; i < depth; i++) { s += p; p *= x; }
        return s;
    }

    /** I_L(x) = ∫ x/(1 − x^L) dx, given ln|1 − x| precomputed for accuracy near x = 1. */
    static double iL(int depth, double x, double lnAbs1mx) {
        double v = -lnAbs1mx / depth;
        if (depth % 2 == 0) v -= Math.log1p(x) / depth;
        for (int k = 1; 2 * k < depth; k++) {
            double th = 2 * Math.PI * k / depth;
            double c = Math.cos(th), sn = Math.sin(th);
            double quad = (x - c) * (x - c) + sn * sn;
            v -= (Math.cos(2 * th) * Math.log(quad) + 2 * Math.sin(2 * th) * Math.atan2(sn, x - c)) / depth;
        }
        return v;
    }

    private static double log1pexp(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
