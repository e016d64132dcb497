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
    private static final int MAX_DEPTH = 60;
    /** subintervals one integral may use; beyond it the quadrature has not converged (theory then unavailable) */
    private static final int MAX_INTERVALS = 4000;
    private int intervalsLeft;
    /** absolute error allowed per unit length of u: the relative tolerance of the whole integral, spread evenly */
    private double tolerancePerLength;

    private final double[] eta;
    private final double[] lam;       // Λ_ℓ (Λ_1 = 0)
    private final double lamMin;
    private final double sqrtProd;    // √(Π η_ℓ)
    private final double s;
    private final double clock;
    private final double y0;
    private final double a0;
    private final double yStar;       // a(y*) = s, or the boundary −min Λ when s = 0
    private final double side;        // sign(y* − y0)
    private final double u0;

    AlignedMode(double[] gains, double[] eta, double s, double clock) {
        int depth = gains.length;
        this.eta = eta.clone();
        this.s = s;
        this.clock = clock;
        double[] y = new double[depth];
        for (int l = 0; l < depth; l++) y[l] = gains[l] * gains[l] / eta[l];
        this.y0 = y[0];
        this.lam = new double[depth];
        double mn = 0, prod = 1;
        for (int l = 0; l < depth; l++) { lam[l] = y[l] - y[0]; mn = Math.min(mn, lam[l]); prod *= eta[l]; }
        this.lamMin = mn;
        this.sqrtProd = Math.sqrt(prod);
        double p = 1;
        for (double g : gains) p *= g;
        this.a0 = p;
        if (s < 0) throw new IllegalArgumentException("requires s ≥ 0");
        this.yStar = s == 0 ? -lamMin : solveStar();
        this.side = Math.signum(yStar - y0);
        this.u0 = side == 0 ? Double.NEGATIVE_INFINITY : Math.log(Math.abs(yStar - y0));
    }

    double initial() { return a0; }

    /** ln a(y) */
    private double lnA(double y) {
        double v = Math.log(sqrtProd);
        for (double l : lam) v += 0.5 * Math.log(y + l);
        return v;
    }

    private double solveStar() {
        double target = Math.log(s);
        double lo = -lamMin, hi = Math.max(y0, -lamMin) + 1;
        while (lnA(hi) < target) hi = 2 * hi + 1;
        double guess = 0.5 * (lo + hi);
        return Roots.solve(y -> lnA(y) - target, y -> { double d = 0; for (double l : lam) d += 0.5 / (y + l); return d; },
                lo, hi, guess);
    }

    /** y + Λ_ℓ at y = y* − side·e^u, computed from the exact offsets */
    private double factor(int l, double u) {
        double base = yStar + lam[l];          // for s = 0 the minimal one is exactly 0 + …
        if (s == 0) base = lam[l] - lamMin;
        return base - side * Math.exp(u);
    }

    /** h(u) = e^u / (2λ a |s − a|) at y = y* − side·e^u */
    private double h(double u) {
        double e = Math.exp(u);
        if (s == 0) {
            double a2 = sqrtProd * sqrtProd;
            for (int l = 0; l < lam.length; l++) a2 *= factor(l, u);
            return e / (2 * clock * a2);
        }
        // ln(a/s) = ½ Σ log1p(−side e^u / (y* + Λ_ℓ)), so |s − a| = s |expm1(ln(a/s))|
        double lnRatio = 0;
        for (double l : lam) lnRatio += 0.5 * Math.log1p(-side * e / (yStar + l));
        double a = s * Math.exp(lnRatio);
        double gap = s * Math.abs(Math.expm1(lnRatio));
        return e / (2 * clock * a * gap);
    }

    /** a at u */
    private double aAt(double u) {
        if (s == 0) {
            double a2 = sqrtProd * sqrtProd;
            for (int l = 0; l < lam.length; l++) a2 *= factor(l, u);
            return Math.sqrt(a2);
        }
        double lnRatio = 0;
        double e = Math.exp(u);
        for (double l : lam) lnRatio += 0.5 * Math.log1p(-side * e / (yStar + l));
        return s * Math.exp(lnRatio);
    }

    /** Layer gains c_ℓ = √(η_ℓ (y + Λ_ℓ)) at u */
    private double[] gainsAt(double u) {
        double[] g = new double[lam.length];
        for (int l = 0; l < lam.length; l++) g[l] = Math.sqrt(eta[l] * Math.max(0.0, u == Double.NEGATIVE_INFINITY
                ? (s == 0 ? lam[l] - lamMin : yStar + lam[l]) : factor(l, u)));
        return g;
    }

    /**
     * a(t) and the layer gains on a grid (t ascending from 0): result[i] = {a, c_1, …, c_L}.
     */
    double[][] evaluate(double[] t) {
        double[][] out = new double[t.length][];
        if (side == 0) {
            double[] g = gainsAt(Double.NEGATIVE_INFINITY);
            for (int i = 0; i < t.length; i++) { out[i] = new double[lam.length + 1]; out[i][0] = a0; System.arraycopy(g, 0, out[i], 1, g.length); }
            return out;
        }
        double uPrev = u0, tPrev = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] < tPrev) { uPrev = u0; tPrev = 0; }
            double u = t[i] == tPrev ? uPrev : advance(uPrev, t[i] - tPrev);
            double[] row = new double[lam.length + 1];
            row[0] = t[i] == 0 ? a0 : aAt(u);
            double[] g = t[i] == 0 ? initialGains() : gainsAt(u);
            System.arraycopy(g, 0, row, 1, g.length);
            out[i] = row;
            uPrev = u;
            tPrev = t[i];
        }
        return out;
    }

    private double[] initialGains() {
        double[] g = new double[lam.length];
        for (int l = 0; l < lam.length; l++) g[l] = Math.sqrt(eta[l] * (y0 + lam[l]));
        return g;
    }

    /** The exact time at which the mode reaches a (between a0 and s), +∞ otherwise. */
    double time(double a) {
        if (a == a0) return 0;
        boolean between = a0 < s ? a > a0 && a < s : a < a0 && a > s;
        if (!between || side == 0) return Double.POSITIVE_INFINITY;
        double target = Math.log(a);
        double lo = Math.min(y0, yStar), hi = Math.max(y0, yStar);
        double y = Roots.solve(yy -> lnA(yy) - target, yy -> { double d = 0; for (double l : lam) d += 0.5 / (yy + l); return d; },
                lo, hi, 0.5 * (lo + hi));
        double u = Math.log(Math.abs(yStar - y));
        return integrate(u, u0);
    }

    /** u &lt; uPrev with ∫_u^{uPrev} h = dt */
    private double advance(double uPrev, double dt) {
        double u = uPrev, acc = 0;
        double lo = Double.NEGATIVE_INFINITY, hi = uPrev;
        for (int it = 0; it < 200; it++) {
            double hu = h(u);
            double cand = u - (dt - acc) / hu;
            if (!(cand < hi) || !(cand > lo) || !Double.isFinite(cand)) {
                cand = Double.isInfinite(lo) ? hi - 2 * Math.max(1.0, hi - u + (dt - acc) / hu) : 0.5 * (lo + hi);
            }
            double accC = cand < u ? acc + integrate(cand, u) : acc - integrate(u, cand);
            if (accC > dt) lo = cand; else hi = cand;
            double step = Math.abs(cand - u);
            u = cand;
            acc = accC;
            if (Math.abs(acc - dt) <= 1e-15 * Math.max(1.0, dt) || step <= 1e-15 * Math.max(1.0, Math.abs(u))) break;
        }
        return u;
    }

    /** ∫_{lo}^{hi} h(u) du by adaptive Gauss–Kronrod 7–15 */
    private double integrate(double lo, double hi) {
        if (hi <= lo) return 0;
        intervalsLeft = MAX_INTERVALS;
        double[] whole = gk(lo, hi);
        tolerancePerLength = QUADRATURE_TOLERANCE * Math.abs(whole[0]) / (hi - lo);
        return adapt(lo, hi, whole, 0);
    }

    private double adapt(double lo, double hi, double[] whole, int depth) {
        // a subinterval may carry its share of the whole integral's error (a tiny piece need not reach 1e-14 of itself)
        double share = tolerancePerLength * (hi - lo);
        if (depth >= MAX_DEPTH || whole[1] <= Math.max(QUADRATURE_TOLERANCE * Math.abs(whole[0]), share) + 1e-300)
            return whole[0];
        if (--intervalsLeft < 0)
            throw new ArithmeticException("adaptive quadrature of t(y) did not converge on [" + lo + ", " + hi + "]");
        double mid = 0.5 * (lo + hi);
        double[] left = gk(lo, mid), right = gk(mid, hi);
        if (Math.abs(left[0] + right[0] - whole[0]) <= QUADRATURE_TOLERANCE * Math.abs(whole[0])
                && left[1] + right[1] <= QUADRATURE_TOLERANCE * Math.abs(whole[0])) return left[0] + right[0];
        return adapt(lo, mid, left, depth + 1) + adapt(mid, hi, right, depth + 1);
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
