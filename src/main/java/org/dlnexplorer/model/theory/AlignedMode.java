package org.dlnexplorer.model.theory;

/**
 * One task-aligned mode of a depth-L network with <em>arbitrary</em> initial layer gains c_ℓ(0) &gt; 0 (any
 * δ, any per-layer imbalance, any rates), whitened inputs (or a clock factor λ for Σxx v = λ v):
 * <pre>  ċ_ℓ = λ η_ℓ Π_{m≠ℓ} c_m (s − a),  a = Π_ℓ c_ℓ.</pre>
 * The L − 1 conservation laws D_ℓ = η_ℓ c_{ℓ+1}² − η_{ℓ+1} c_ℓ² reduce it to one dimension (our derivation):
 * with y_ℓ = c_ℓ²/η_ℓ, the differences Λ_ℓ = y_ℓ − y_1 are constant, so with y = y_1
 * <pre>  a(y) = √(Πη_ℓ) Π_ℓ √(y + Λ_ℓ),   ẏ = 2λ a(y) (s − a(y)),
 *   t(y) = ∫_{y0}^{y} dy' / (2λ a(y')(s − a(y'))).</pre>
 * For L = 2 this is the λ-balanced equation; for L &gt; 2 with δ ≠ 0 the integral is of elliptic type, so the
 * exact implicit solution t(y) is evaluated by adaptive Gauss–Kronrod quadrature (to ~1e-14) in
 * u = ln|y* − y| (y* the fixed point a(y*) = s), where the integrand e^u/(2λ a|s − a|) is smooth and tends to a
 * constant as t → ∞, and inverted frame by frame by safeguarded Newton steps on incremental integrals.
 * Requires s ≥ 0.
 */
final class AlignedMode {
    private static final double QUADRATURE_TOLERANCE = 1e-14;
    private static final int MAX_DEPTH = 40;
    /** longest quadrature interval in the chart variable p */
    private static final double MAX_STEP = 2.0;

    /** how y is parametrised by p (t increases with p) */
    private enum Chart {
        /** s &gt; 0, start below y*: p = ln(y − y_b) − ln(y* − y), both ends exact */
        LOGIT,
        /** s &gt; 0, start above y*: p = −ln(y − y*) */
        ABOVE,
        /** s = 0: p = −ln(y − y_b), y_b = −min Λ */
        ZERO,
        /** a0 = s: at rest */
        REST
    }

    private final double[] eta;
    private final double[] lam;       // Λ_ℓ (Λ_1 = 0)
    private final double[] lamUp;     // Λ_ℓ − min Λ ≥ 0
    private final double[] starPlus;  // y* + Λ_ℓ
    private final double sqrtProd;    // √(Π η_ℓ)
    private final double s;
    private final double clock;
    private final double a0;
    private final double[] gains0;
    private final double width;       // W = y* − y_b (LOGIT)
    private final Chart chart;
    private final double p0;

    AlignedMode(double[] gains, double[] eta, double s, double clock) {
        int depth = gains.length;
        if (s < 0) throw new IllegalArgumentException("requires s ≥ 0");
        this.eta = eta.clone();
        this.s = s;
        this.clock = clock;
        this.gains0 = gains.clone();
        double[] y = new double[depth];
        for (int l = 0; l < depth; l++) y[l] = gains[l] * gains[l] / eta[l];
        this.lam = new double[depth];
        double mn = 0, prod = 1, p = 1, minY = Double.POSITIVE_INFINITY;
        for (int l = 0; l < depth; l++) {
            lam[l] = y[l] - y[0];
            mn = Math.min(mn, lam[l]);
            prod *= eta[l];
            p *= gains[l];
            minY = Math.min(minY, y[l]);
        }
        this.lamUp = new double[depth];
        for (int l = 0; l < depth; l++) lamUp[l] = lam[l] - mn;
        this.sqrtProd = Math.sqrt(prod);
        this.a0 = p;
        this.starPlus = new double[depth];
        if (s == 0) {
            chart = a0 == 0 ? Chart.REST : Chart.ZERO;
            width = 0;
            p0 = -Math.log(minY);                              // y0 − y_b = min_ℓ y_ℓ(0)
        } else if (a0 == s) {
            chart = Chart.REST;
            width = 0;
            p0 = 0;
        } else {
            double yStar = solveStar(y[0], mn);
            for (int l = 0; l < depth; l++) starPlus[l] = yStar + lam[l];
            if (a0 < s) {
                chart = Chart.LOGIT;
                width = yStar + mn;
                p0 = Math.log(minY) - Math.log(yStar - y[0]);
            } else {
                chart = Chart.ABOVE;
                width = 0;
                p0 = -Math.log(y[0] - yStar);
            }
        }
    }

    double initial() { return a0; }

    private double lnA(double y) {
        double v = Math.log(sqrtProd);
        for (double l : lam) v += 0.5 * Math.log(y + l);
        return v;
    }

    private double dlnA(double y) {
        double d = 0;
        for (double l : lam) d += 0.5 / (y + l);
        return d;
    }

    private double solveStar(double y0, double mn) {
        double target = Math.log(s);
        double lo = -mn, hi = Math.max(y0, -mn) + 1;
        while (lnA(hi) < target) hi = 2 * hi + 1;
        return Roots.solve(y -> lnA(y) - target, this::dlnA, lo, hi, 0.5 * (lo + hi));
    }

    private static double logistic(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** y_ℓ + … : the factors y + Λ_ℓ at p */
    private double[] factors(double p) {
        double[] f = new double[lam.length];
        switch (chart) {
            case LOGIT -> { double w = width * logistic(p); for (int l = 0; l < f.length; l++) f[l] = w + lamUp[l]; }
            case ABOVE -> { double e = Math.exp(-p); for (int l = 0; l < f.length; l++) f[l] = starPlus[l] + e; }
            case ZERO -> { double e = Math.exp(-p); for (int l = 0; l < f.length; l++) f[l] = lamUp[l] + e; }
            default -> { for (int l = 0; l < f.length; l++) f[l] = gains0[l] * gains0[l] / eta[l]; }
        }
        return f;
    }

    /** {a, |s − a|} at p, the gap without cancellation */
    private double[] amplitude(double p) {
        if (chart == Chart.ZERO || chart == Chart.REST) {
            double a2 = sqrtProd * sqrtProd;
            for (double f : factors(p)) a2 *= f;
            double a = Math.sqrt(a2);
            return new double[]{a, Math.abs(s - a)};
        }
        double lnRatio = 0;
        if (chart == Chart.LOGIT) {
            double gap = width * logistic(-p);                  // y* − y
            for (double sp : starPlus) lnRatio += 0.5 * Math.log1p(-gap / sp);
        } else {
            double gap = Math.exp(-p);                           // y − y*
            for (double sp : starPlus) lnRatio += 0.5 * Math.log1p(gap / sp);
        }
        return new double[]{s * Math.exp(lnRatio), s * Math.abs(Math.expm1(lnRatio))};
    }

    /** dt/dp &gt; 0, evaluated in logarithms so that neither end of the chart under- or overflows */
    private double h(double p) {
        double lnTwoClock = Math.log(2 * clock);
        double lnSqrtP = Math.log(sqrtProd);
        switch (chart) {
            case LOGIT -> {
                double lnSigP = -log1pexp(-p), lnSigM = -log1pexp(p);   // ln σ(p), ln σ(−p)
                double lnA = lnSqrtP;
                double w = width * Math.exp(lnSigP);
                for (double u : lamUp) lnA += 0.5 * Math.log(w + u);
                double gap = width * Math.exp(lnSigM);                      // y* − y
                // ln(a/s) = ½ Σ ln(f_ℓ/(y* + Λ_ℓ)): log1p of the small gap late, ratio of the exact factors early
                double lnRatio = 0;
                for (int l = 0; l < starPlus.length; l++)
                    lnRatio += 0.5 * (gap < 0.5 * starPlus[l] ? Math.log1p(-gap / starPlus[l])
                            : Math.log((w + lamUp[l]) / starPlus[l]));
                double lnGap = Math.log(Math.abs(Math.expm1(lnRatio))) + Math.log(s);
                boolean tiny = gapIsTiny(gap);
                double lnDy = Math.log(width) + lnSigP + (tiny ? 0.0 : lnSigM);
                double lnSa = tiny ? Math.log(s) + Math.log(0.5 * width * sumInverseStar()) : lnGap;
                return Math.exp(lnDy - lnTwoClock - lnA - lnSa);
            }
            case ABOVE -> {
                double gap = Math.exp(-p);                                  // y − y*
                double lnA = lnSqrtP;
                for (double sp : starPlus) lnA += 0.5 * Math.log(sp + gap);
                boolean tiny = gapIsTiny(gap);
                double lnDy = tiny ? 0.0 : -p;
                double lnSa = tiny ? Math.log(s) + Math.log(0.5 * sumInverseStar()) : lnGapFactor(gap) + Math.log(s);
                return Math.exp(lnDy - lnTwoClock - lnA - lnSa);
            }
            default -> {                                                    // ZERO: h = e^{−p}/(2λ a²)
                double lnA2 = 2 * lnSqrtP;
                for (double u : lamUp) lnA2 += u == 0 ? -p : Math.log(u + Math.exp(-p));
                return Math.exp(-p - lnTwoClock - lnA2);
            }
        }
    }

    /** ln|expm1(½ Σ log1p(x / (y* + Λ_ℓ)))| for x = ±(distance to y*) */
    private double lnGapFactor(double x) {
        double lnRatio = 0;
        for (double sp : starPlus) lnRatio += 0.5 * Math.log1p(x / sp);
        return Math.log(Math.abs(Math.expm1(lnRatio)));
    }

    /** below this the first-order |s − a| ≈ s·½ gap Σ 1/(y* + Λ_ℓ) is exact to round-off */
    private boolean gapIsTiny(double gap) {
        double min = Double.POSITIVE_INFINITY;
        for (double sp : starPlus) min = Math.min(min, sp);
        return gap <= 1e-16 * min;
    }

    private double sumInverseStar() {
        double sum = 0;
        for (double sp : starPlus) sum += 1 / sp;
        return sum;
    }

    private static double log1pexp(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private double[] gainsAt(double p) {
        double[] f = factors(p);
        double[] g = new double[f.length];
        for (int l = 0; l < f.length; l++) g[l] = Math.sqrt(eta[l] * Math.max(0.0, f[l]));
        return g;
    }

    /** a(t) and the layer gains on a grid (t ≥ 0): result[i] = {a, c_1, …, c_L}. */
    double[][] evaluate(double[] t) {
        double[][] out = new double[t.length][];
        double pPrev = p0, tPrev = 0;
        for (int i = 0; i < t.length; i++) {
            double[] row = new double[lam.length + 1];
            if (chart == Chart.REST || t[i] == 0) {
                row[0] = a0;
                System.arraycopy(gains0, 0, row, 1, gains0.length);
                out[i] = row;
                continue;
            }
            if (t[i] < tPrev) { pPrev = p0; tPrev = 0; }
            double p = t[i] == tPrev ? pPrev : advance(pPrev, t[i] - tPrev);
            row[0] = amplitude(p)[0];
            System.arraycopy(gainsAt(p), 0, row, 1, lam.length);
            out[i] = row;
            pPrev = p;
            tPrev = t[i];
        }
        return out;
    }

    /** The exact time at which the mode reaches a (strictly between a0 and s), +∞ otherwise. */
    double time(double a) {
        if (a == a0) return 0;
        boolean between = a0 < s ? a > a0 && a < s : a < a0 && a > s;
        if (!between || chart == Chart.REST) return Double.POSITIVE_INFINITY;
        // a is monotone in p: bisect p on [p0, p0 + span]
        double target = Math.log(a);
        double lo = p0, hi = p0 + 1;
        while (Math.log(amplitude(hi)[0]) < target == (a0 < a)) { lo = hi; hi = p0 + 2 * (hi - p0); }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); it++) {
            double mid = 0.5 * (lo + hi);
            if ((Math.log(amplitude(mid)[0]) < target) == (a0 < a)) lo = mid; else hi = mid;
        }
        return integrate(p0, 0.5 * (lo + hi));
    }

    /** p &gt; pPrev with ∫_{pPrev}^{p} h = dt */
    private double advance(double pPrev, double dt) {
        double p = pPrev, acc = 0;
        double lo = pPrev, hi = Double.POSITIVE_INFINITY;
        int bracketed = 0;
        for (int it = 0; it < 100000; it++) {
            double hp = h(p);
            double cand = p + (dt - acc) / hp;
            if (!Double.isFinite(cand)) cand = p + MAX_STEP;
            // march: the integrand varies on O(1) scales of p, so every quadrature interval stays resolvable
            cand = Math.max(p - MAX_STEP, Math.min(p + MAX_STEP, cand));
            if (!(cand > lo) || !(cand < hi)) cand = Double.isInfinite(hi) ? Math.min(p + MAX_STEP, lo + MAX_STEP) : 0.5 * (lo + hi);
            double accC = cand > p ? acc + integrate(p, cand) : acc - integrate(cand, p);
            if (accC > dt) hi = cand; else lo = cand;
            double step = Math.abs(cand - p);
            p = cand;
            acc = accC;
            if (Double.isFinite(hi)) bracketed++;
            // converged to the quadrature's accuracy, or the bracket is exhausted
            if (Math.abs(acc - dt) <= 1e-14 * Math.max(1.0, dt) || step <= 1e-15 * Math.max(1.0, Math.abs(p))
                    || hi - lo <= 4e-16 * Math.max(1.0, Math.abs(p)) || bracketed > 100) break;
        }
        return p;
    }

    /**
     * ∫_{lo}^{hi} h by adaptive Gauss–Kronrod 7–15: a subinterval is accepted when its error estimate is below
     * its share of 1e-14 of the whole or below 1e-15 of its own value (the round-off floor), with a depth cap.
     */
    private double integrate(double lo, double hi) {
        if (hi <= lo) return 0;
        if (hi - lo > MAX_STEP) {                       // long spans: resolvable pieces
            int n = (int) Math.ceil((hi - lo) / MAX_STEP);
            double sum = 0;
            for (int i = 0; i < n; i++) sum += integrate(lo + (hi - lo) * i / n, i == n - 1 ? hi : lo + (hi - lo) * (i + 1) / n);
            return sum;
        }
        double[] whole = gk(lo, hi);
        budget = 4000;                                   // subdivisions per interval: a hard stop, never reached on smooth h
        return adapt(lo, hi, whole, 0, QUADRATURE_TOLERANCE * Math.abs(whole[0]), hi - lo);
    }

    private long budget;
    private boolean degraded;

    /** true if some quadrature hit its subdivision budget (the caller then offers no curve) */
    boolean degraded() { return degraded; }

    private double adapt(double lo, double hi, double[] whole, int depth, double tol, double span) {
        double share = tol * (hi - lo) / span;
        if (whole[1] <= Math.max(share, 1e-13 * Math.abs(whole[0]))) return whole[0];
        if (depth >= MAX_DEPTH || --budget <= 0 || !Double.isFinite(whole[0])) { degraded = true; return whole[0]; }
        double mid = 0.5 * (lo + hi);
        double[] left = gk(lo, mid), right = gk(mid, hi);
        double err = left[1] + right[1];
        if (err <= Math.max(share, 1e-13 * Math.abs(left[0] + right[0]))) return left[0] + right[0];
        return adapt(lo, mid, left, depth + 1, tol, span) + adapt(mid, hi, right, depth + 1, tol, span);
    }

    private static final double[] XK = {0.991455371120812639, 0.949107912342758525, 0.864864423359769073,
            0.741531185599394440, 0.586087235467691130, 0.405845151377397167, 0.207784955007898468, 0.0};
    private static final double[] WK = {0.022935322010529225, 0.063092092629978553, 0.104790010322250184,
            0.140653259715525919, 0.169004726639267903, 0.190350578064785410, 0.204432940075298892,
            0.209482141084727828};
    private static final double[] WG = {0.129484966168869693, 0.279705391489276668, 0.381830050505118945,
            0.417959183673469388};

    /** {Kronrod estimate, |Kronrod − Gauss|} on [a, b] */
    private double[] gk(double a, double b) {
        double c = 0.5 * (a + b), r = 0.5 * (b - a);
        double fc = h(c);
        double k = WK[7] * fc, g = WG[3] * fc;
        for (int j = 0; j < 7; j++) {
            double x = r * XK[j];
            double f = h(c - x) + h(c + x);
            k += WK[j] * f;
            if (j % 2 == 1) g += WG[j / 2] * f;
        }
        return new double[]{k * r, Math.abs((k - g) * r)};
    }
}
