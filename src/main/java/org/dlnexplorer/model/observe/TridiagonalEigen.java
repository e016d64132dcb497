package org.dlnexplorer.model.observe;

/**
 * Largest eigenvalue of a symmetric tridiagonal matrix and the last component of its unit eigenvector:
 * what a Lanczos step needs (Ritz value and residual |β_{k+1} y_k|). {@link #largest} uses Laguerre's
 * iteration on the characteristic polynomial (O(k) per iteration, a handful of iterations) and falls back
 * to {@link #largestByQl}, the implicit QL algorithm (tql2 of EISPACK/JAMA) accumulating only the last row
 * of the eigenvector matrix (O(k²)), when the matrix is reduced or Laguerre does not settle.
 */
public final class TridiagonalEigen {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    private TridiagonalEigen() {}

    /** √(x² + y²) without overflow; Math.hypot's correctly rounded fdlibm version is several times slower */
    static double hypot(double x, double y) {
        double ax = Math.abs(x), ay = Math.abs(y);
        double big = Math.max(ax, ay), small = Math.min(ax, ay);
        if (big == 0 || Double.isInfinite(big)) return big;
        double r = small / big;
        return big * Math.sqrt(1.0 + r * r);
    }

    /** Laguerre iterations allowed before falling back to QL (it converges cubically; ~3–6 are typical) */
    private static final int MAX_LAGUERRE_ITERATIONS = 60;

    /**
     * @param alpha diagonal α_0 … α_{k−1}
     * @param beta  off-diagonal: T(i, i+1) = T(i+1, i) = beta[i+1] (beta[0] unused, Lanczos convention)
     * @param k     order
     * @return {λ_max, y_{k−1}} (y ≥ 0; the sign of an eigenvector is arbitrary), or null if neither
     *         Laguerre nor QL converged
     */
    public static double[] largest(double[] alpha, double[] beta, int k) {
        double[] fast = largestByLaguerre(alpha, beta, k);
        return fast != null ? fast : largestByQl(alpha, beta, k);
    }

    /**
     * Laguerre's method on χ(x) = det(xI − T), started above the Gershgorin bound, where it decreases
     * monotonically to the largest root (every root is real). With the Sturm ratios
     * r_0 = x − α_0, r_i = x − α_i − β_i² / r_{i−1} (χ = Π r_i; all r_i > 0 above the largest root):
     * G = χ'/χ = Σ r_i'/r_i, H = G² − χ''/χ = Σ ((r_i'/r_i)² − r_i''/r_i),
     * x ← x − k / (G + √((k − 1)(kH − G²))).
     * The eigenvector's last component then comes from inverse iteration at the converged λ.
     *
     * @return {λ_max, |y_{k−1}|}, or null when T is reduced (some β_i = 0) or the iteration does not settle
     */
    static double[] largestByLaguerre(double[] alpha, double[] beta, int k) {
        if (k == 1) return new double[]{alpha[0], 1.0};
        double upper = Double.NEGATIVE_INFINITY, lower = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double radius = (i > 0 ? Math.abs(beta[i]) : 0) + (i + 1 < k ? Math.abs(beta[i + 1]) : 0);
            if (i > 0 && beta[i] * beta[i] == 0) return null; // reduced (or β² underflows): QL handles blocks
            upper = Math.max(upper, alpha[i] + radius);
            lower = Math.min(lower, alpha[i] - radius);
        }
        if (!Double.isFinite(upper) || !Double.isFinite(lower)) return null;
        double norm = Math.max(Math.abs(upper), Math.abs(lower));
        // strictly above every eigenvalue, so every r_i > 0 from the first iterate on
        double x = upper + 0.01 * (upper - lower) + EPS * Math.abs(upper) + Double.MIN_NORMAL;
        double above = x; // the lowest iterate known to lie above λ_max (all r_i > 0 there)
        for (int iter = 0; iter < MAX_LAGUERRE_ITERATIONS; iter++) {
            double r = x - alpha[0], dr = 1.0, ddr = 0.0;
            boolean crossed = r <= 0;
            double inv = 1.0 / r;
            double g = dr * inv, h = g * g;
            for (int i = 1; i < k && !crossed; i++) {
                double q = beta[i] * beta[i] * inv;
                // r_i'' = β_i² (r_{i−1}'' − 2 r_{i−1}'² / r_{i−1}) / r_{i−1}²
                double ddrNext = q * inv * (ddr - 2.0 * dr * dr * inv);
                // r_i' = 1 + β_i² r_{i−1}' / r_{i−1}²
                dr = 1.0 + q * inv * dr;
                ddr = ddrNext;
                r = x - alpha[i] - q;
                if (r <= 0) { crossed = true; break; }
                inv = 1.0 / r;
                double t = dr * inv;
                g += t;
                h += t * t - ddr * inv;
            }
            if (crossed) {
                // the last step overshot λ_max (round-off, at convergence): λ_max ∈ [x, above]; bisect by the sign test
                double lambda = bisectBelow(alpha, beta, k, x, above, norm);
                return Double.isNaN(lambda) ? null : finish(alpha, beta, k, lambda, norm);
            }
            above = x;
            double disc = (k - 1) * (k * h - g * g);
            double step = k / (g + Math.sqrt(Math.max(disc, 0.0)));
            if (!(step >= 0) || !Double.isFinite(step)) return null;
            if (step <= 2 * EPS * norm) return finish(alpha, beta, k, x - step, norm);
            x -= step;
        }
        return null;
    }

    /** iterations of bisection allowed after an overshoot (the bracket is then a few ulps wide) */
    private static final int MAX_BISECTIONS = 100;

    /**
     * Largest x in [lo, hi] that is still above λ_max (every Sturm ratio r_i(x) > 0), to 2ε‖T‖, given that
     * lo is not above it and hi is; NaN if the bracket does not close.
     */
    private static double bisectBelow(double[] alpha, double[] beta, int k, double lo, double hi, double norm) {
        for (int it = 0; it < MAX_BISECTIONS; it++) {
            if (hi - lo <= 2 * EPS * norm) return 0.5 * (lo + hi);
            double mid = 0.5 * (lo + hi);
            if (allRatiosPositive(alpha, beta, k, mid)) hi = mid;
            else lo = mid;
        }
        return Double.NaN;
    }

    /** r_0 = x − α_0, r_i = x − α_i − β_i² / r_{i−1} all positive ⇔ x above every eigenvalue */
    private static boolean allRatiosPositive(double[] alpha, double[] beta, int k, double x) {
        double r = x - alpha[0];
        if (r <= 0) return false;
        for (int i = 1; i < k; i++) {
            r = x - alpha[i] - beta[i] * beta[i] / r;
            if (r <= 0) return false;
        }
        return true;
    }

    /** inverse-iteration sweeps for the eigenvector (λ is already exact to round-off: two are plenty) */
    private static final int INVERSE_ITERATIONS = 2;

    /**
     * {λ, |y_{k−1}|} with y the unit eigenvector for the converged λ, by inverse iteration: solve
     * (T − λI) z = y by Gaussian elimination with partial pivoting (tridiagonal, O(k)), normalise, twice.
     * (The closed form y_{k−1}² = 1/r_{k−1}'(λ) loses all digits when y_{k−1} is tiny, which is exactly
     * when Lanczos has converged.) A pivot that is exactly zero is replaced by ε‖T‖, as usual.
     */
    private static double[] finish(double[] alpha, double[] beta, int k, double lambda, double norm) {
        double[] d = new double[k], du = new double[k], dl = new double[k], du2 = new double[k], z = new double[k];
        java.util.Arrays.fill(z, 1.0 / Math.sqrt(k));
        double tiny = EPS * Math.max(norm, Double.MIN_NORMAL);
        for (int sweep = 0; sweep < INVERSE_ITERATIONS; sweep++) {
            for (int i = 0; i < k; i++) {
                d[i] = alpha[i] - lambda;
                du[i] = i + 1 < k ? beta[i + 1] : 0.0;
                dl[i] = i + 1 < k ? beta[i + 1] : 0.0;  // T(i+1, i)
                du2[i] = 0.0;
            }
            // elimination, row i against row i+1, swapping when the subdiagonal is larger
            for (int i = 0; i + 1 < k; i++) {
                if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                    if (d[i] == 0) d[i] = tiny;
                    double f = dl[i] / d[i];
                    d[i + 1] -= f * du[i];
                    z[i + 1] -= f * z[i];
                } else {
                    double f = d[i] / dl[i];
                    d[i] = dl[i];
                    double t = d[i + 1];
                    d[i + 1] = du[i] - f * t;
                    if (i + 2 < k) {
                        du2[i] = du[i + 1];
                        du[i + 1] = -f * du2[i];
                    }
                    du[i] = t;
                    double zi = z[i];
                    z[i] = z[i + 1];
                    z[i + 1] = zi - f * z[i + 1];
                }
            }
            if (d[k - 1] == 0) d[k - 1] = tiny;
            // back substitution with the two superdiagonals
            z[k - 1] /= d[k - 1];
            if (k > 1) z[k - 2] = (z[k - 2] - du[k - 2] * z[k - 1]) / d[k - 2];
            for (int i = k - 3; i >= 0; i--) z[i] = (z[i] - du[i] * z[i + 1] - du2[i] * z[i + 2]) / d[i];
            double max = 0;
            for (int i = 0; i < k; i++) max = Math.max(max, Math.abs(z[i]));
            if (!(max > 0) || !Double.isFinite(max)) return null;
            double ss = 0;
            for (int i = 0; i < k; i++) { z[i] /= max; ss += z[i] * z[i]; }
            double inv = 1.0 / Math.sqrt(ss);
            for (int i = 0; i < k; i++) z[i] *= inv;
        }
        return new double[]{lambda, Math.abs(z[k - 1])};
    }

    /**
     * The same by implicit QL, O(k²).
     *
     * @return {λ_max, y_{k−1}} (the sign of y is arbitrary), or null if QL did not converge
     */
    public static double[] largestByQl(double[] alpha, double[] beta, int k) {
        double[] d = new double[k], e = new double[k], z = new double[k];
        System.arraycopy(alpha, 0, d, 0, k);
        for (int i = 1; i < k; i++) e[i - 1] = beta[i];
        e[k - 1] = 0.0;
        z[k - 1] = 1.0; // last row of the identity; rotations act on columns, rows evolve independently
        double f = 0.0, tst1 = 0.0;
        for (int l = 0; l < k; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < k) {
                if (Math.abs(e[m]) <= EPS * tst1) break;
                m++;
            }
            if (m == k) m = k - 1;
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > MAX_SWEEPS_PER_EIGENVALUE) return null;
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = hypot(p, 1.0);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < k; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1.0, c2 = c, c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0, s2 = 0.0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        double zi1 = z[i + 1];
                        z[i + 1] = s * z[i] + c * zi1;
                        z[i] = c * z[i] - s * zi1;
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
        int best = 0;
        for (int i = 1; i < k; i++) if (d[i] > d[best]) best = i;
        return new double[]{d[best], z[best]};
    }
}
