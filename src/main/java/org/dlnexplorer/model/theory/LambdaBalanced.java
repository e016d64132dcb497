package org.dlnexplorer.model.theory;

/**
 * λ-balanced two-layer mode (Kunin et al. Thm 3 / Lemma 10; Dominé et al.), unit rates, whitened:
 * <pre>  ȧ = √(δ² + 4a²) (s − a),  a(0) = a0,  any real δ, s, a0.</pre>
 * Derivation: for one mode W_1 = c1, W_2 = c2 with δ = c2² − c1² conserved, ȧ = (c1² + c2²)(s − a) and
 * (c1² + c2²)² = δ² + 4a². With rates η1, η2 (δ = η1c2² − η2c1²) and Σxx = cI the same equation holds for
 * √(η1η2)·a and √(η1η2)·s in the time c·t.
 * <p>
 * δ ≠ 0: separable; with R(a) = √(δ²+4a²), K = √(δ²+4s²), N(a) = 4sa + δ² + K R(a) &gt; 0 (Cauchy–Schwarz),
 * <pre>  K t = ln N(a) − ln|a − s| − (ln N(a0) − ln|a0 − s|)</pre>
 * (d/da of the right side is K/(R(a)(s − a))). a(t) stays on one side of s and may cross 0 (where
 * ȧ = |δ| s ≠ 0). Inverted by safeguarded Newton in y = ln|s − a|, where dt/dy = −1/R(a).
 * δ = 0: ȧ = 2|a|(s − a), the logistic of {@link Saxe#logistic} for |a| with s → sgn(a0)s.
 * |δ| → ∞ (lazy limit): a(t) → s + (a0 − s) e^{−|δ| t}.
 */
public final class LambdaBalanced {
    private LambdaBalanced() {}

    /** a(t) for the unit-rate equation ȧ = √(δ² + 4a²)(s − a). */
    public static double value(double delta, double s, double a0, double t) {
        if (t == 0.0 || a0 == s) return a0;
        if (delta == 0.0) {
            if (a0 == 0.0) return 0.0;
            double sign = Math.signum(a0);
            double sb = sign * s;                      // b = |a| obeys ḃ = 2b(sgn(a0) s − b)
            double b0 = Math.abs(a0);
            double e = Math.exp(-2 * sb * t);
            double g = sb == 0.0 ? 2 * t : -Math.expm1(-2 * sb * t) / sb;
            return sign / (e / b0 + g);
        }
        double d2 = delta * delta;
        double k = Math.sqrt(d2 + 4 * s * s);
        double side = Math.signum(s - a0);             // a(t) = s − side·e^y
        double y0 = Math.log(Math.abs(s - a0));
        double f0 = lnN(delta, s, k, a0) - y0;
        double target = k * t;
        double rmax = Math.max(Math.sqrt(d2 + 4 * a0 * a0), k);
        double lo = y0 - t * rmax - 1.0;               // |dt/dy| = 1/R(a) ≥ 1/rmax
        // g(y) = ln N(a(y)) − y − f0 − K t, decreasing in y
        double y = Roots.solve(
                yy -> lnN(delta, s, k, s - side * Math.exp(yy)) - yy - f0 - target,
                yy -> -k / Math.sqrt(d2 + 4 * sq(s - side * Math.exp(yy))),
                lo, y0, y0 - k * t);
        return s - side * Math.exp(y);
    }

    /** a(t) on a whole grid, warm-starting each inversion from the previous frame (increasing grids). */
    public static double[] values(double delta, double s, double a0, double[] t) {
        double[] out = new double[t.length];
        if (delta == 0.0 || a0 == s) {
            for (int i = 0; i < t.length; i++) out[i] = value(delta, s, a0, t[i]);
            return out;
        }
        double d2 = delta * delta;
        double k = Math.sqrt(d2 + 4 * s * s);
        double side = Math.signum(s - a0);
        double y0 = Math.log(Math.abs(s - a0));
        double f0 = lnN(delta, s, k, a0) - y0;
        double rmax = Math.max(Math.sqrt(d2 + 4 * a0 * a0), k);
        double prevT = 0, prevY = y0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0) { out[i] = a0; continue; }
            if (t[i] < prevT) { prevT = 0; prevY = y0; }
            double target = k * t[i];
            double dt = t[i] - prevT;
            double lo = prevY - dt * rmax - 1e-12;
            double aPrev = s - side * Math.exp(prevY);
            double guess = Math.max(lo, prevY - dt * Math.sqrt(d2 + 4 * aPrev * aPrev));
            double y;
            try {
                y = Roots.solve(
                        yy -> lnN(delta, s, k, s - side * Math.exp(yy)) - yy - f0 - target,
                        yy -> -k / Math.sqrt(d2 + 4 * sq(s - side * Math.exp(yy))),
                        lo, prevY, guess);
            } catch (IllegalArgumentException roundOff) {
                out[i] = value(delta, s, a0, t[i]);
                prevT = 0;
                prevY = y0;
                continue;
            }
            out[i] = s - side * Math.exp(y);
            prevT = t[i];
            prevY = y;
        }
        return out;
    }

    /** The exact time at which a(t) = a, or +∞ if a is not between a0 and s. */
    public static double time(double delta, double s, double a0, double a) {
        if (a == a0) return 0.0;
        boolean between = (a0 < s) ? (a > a0 && a < s) : (a < a0 && a > s);
        if (!between) return Double.POSITIVE_INFINITY;
        if (delta == 0.0) {
            // b = sgn(a0)·a obeys ḃ = 2b(sb − b), sb = sgn(a0)·s; b never changes sign
            double sign = Math.signum(a0);
            double b = sign * a, b0 = sign * a0, sb = sign * s;
            if (sign == 0 || b <= 0) return Double.POSITIVE_INFINITY;
            if (sb == 0.0) return (1.0 / b - 1.0 / b0) / 2.0;
            return (Math.log(b / Math.abs(sb - b)) - Math.log(b0 / Math.abs(sb - b0))) / (2.0 * sb);
        }
        double k = Math.sqrt(delta * delta + 4 * s * s);
        return (lnN(delta, s, k, a) - Math.log(Math.abs(a - s)) - lnN(delta, s, k, a0)
                + Math.log(Math.abs(a0 - s))) / k;
    }

    /** Lazy limit |δ| → ∞ at fixed time scale |δ|t: a(t) = s + (a0 − s) e^{−|δ| t}. */
    public static double lazyLimit(double delta, double s, double a0, double t) {
        return s + (a0 - s) * Math.exp(-Math.abs(delta) * t);
    }

    /**
     * Layer gains (c1, c2) of a mode with product a and conserved δ = η1 c2² − η2 c1²:
     * η2 c1² = (√(δ² + 4η1η2a²) − δ)/2, η1 c2² = (√(δ² + 4η1η2a²) + δ)/2. The layer that cannot vanish
     * keeps the sign of its initial value (c2 for δ ≥ 0, c1 for δ &lt; 0); the other carries the sign of a.
     */
    public static double[] layerGains(double delta, double a, double eta1, double eta2, double c1Sign, double c2Sign) {
        double r = Math.sqrt(delta * delta + 4 * eta1 * eta2 * a * a);
        if (delta >= 0) {
            double y = (delta + r) / 2;                  // η1 c2²
            if (y == 0) return new double[]{0, 0};
            double c2 = (c2Sign < 0 ? -1 : 1) * Math.sqrt(y / eta1);
            return new double[]{a / c2, c2};
        }
        double x = (r - delta) / 2;                      // η2 c1²
        double c1 = (c1Sign < 0 ? -1 : 1) * Math.sqrt(x / eta2);
        return new double[]{c1, a / c1};
    }

    /** ln N(a), N = 4sa + δ² + K R(a), evaluated without cancellation when 4sa &lt; 0. */
    static double lnN(double delta, double s, double k, double a) {
        double d2 = delta * delta;
        double r = Math.sqrt(d2 + 4 * a * a);
        double p = 4 * s * a;
        if (p >= 0) return Math.log(p + d2 + k * r);
        // K R + 4sa = δ²(4s² + 4a² + δ²)/(K R − 4sa)
        return Math.log(d2) + Math.log1p((4 * s * s + 4 * a * a + d2) / (k * r - p));
    }

    private static double sq(double x) { return x * x; }
}
