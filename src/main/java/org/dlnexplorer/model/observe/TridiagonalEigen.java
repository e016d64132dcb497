package org.dlnexplorer.model.observe;

/**
 * Largest eigenvalue of a symmetric tridiagonal matrix and the last component of its unit eigenvector,
 * by the implicit QL algorithm (tql2 of EISPACK/JAMA) accumulating only the last row of the
 * eigenvector matrix: O(k) work per rotation, O(k²) per call, no allocation beyond two k-arrays.
 * This is what a Lanczos step needs (Ritz value and residual |β_{k+1} y_k|).
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

    /**
     * @param alpha diagonal α_0 … α_{k−1}
     * @param beta  off-diagonal: T(i, i+1) = T(i+1, i) = beta[i+1] (beta[0] unused, Lanczos convention)
     * @param k     order
     * @return {λ_max, y_{k−1}} (the sign of y is arbitrary), or null if QL did not converge
     */
    public static double[] largest(double[] alpha, double[] beta, int k) {
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
