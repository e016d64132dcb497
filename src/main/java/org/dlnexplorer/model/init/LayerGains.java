package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Network;

/**
 * Per-layer gains g_ℓ of a λ-balanced initialization with overall scale τ and relative scale δ.
 * Balance D_ℓ = η_ℓ g_{ℓ+1}² − η_{ℓ+1} g_ℓ² = λ with δ = (L−1)λ, and Π_ℓ g_ℓ = τ.
 * For L = 2 and unit rates: g_1² = (−δ + √(δ²+4τ²))/2, g_2² = (δ + √(δ²+4τ²))/2.
 */
public final class LayerGains {
    private LayerGains() {}

    /** Squared gains g_ℓ², ℓ = 1…L (index ℓ−1). */
    public static double[] squaredGains(Network net, double tau, double delta) {
        int depth = net.depth();
        double[] g2 = new double[depth];
        if (depth == 1) { g2[0] = tau * tau; return g2; }
        double lambda = delta / (depth - 1);
        double[] eta = net.layerRates();
        boolean unitRates = true;
        for (double e : eta) unitRates &= e == 1.0;
        if (depth == 2 && unitRates) {
            // closed form, stable for either sign of δ
            double root = Math.hypot(delta, 2 * tau);
            g2[0] = delta >= 0 ? 2 * tau * tau / (delta + root) : (root - delta) / 2;
            g2[1] = delta >= 0 ? (delta + root) / 2 : 2 * tau * tau / (root - delta);
            return g2;
        }
        // g_{ℓ+1}² = (λ + η_{ℓ+1} g_ℓ²)/η_ℓ; find g_1² ≥ lower so that Π g_ℓ² = τ² (monotone: bisection).
        double lo = 0.0;
        // every g_ℓ² must be ≥ 0: find the smallest g_1² that keeps all non-negative
        double hi = 1.0;
        // g_ℓ² is affine increasing in g_1²; compute minimal feasible g_1²
        double a = 1.0, b = 0.0; // g_ℓ² = a g_1² + b
        for (int l = 1; l < depth; l++) {
            double na = eta[l] * a / eta[l - 1];
            double nb = (lambda + eta[l] * b) / eta[l - 1];
            a = na; b = nb;
            if (b < 0) lo = Math.max(lo, -b / a);
        }
        if (tau == 0.0) { fill(g2, lo, lambda, eta); return g2; }
        hi = Math.max(lo, 1.0);
        while (logProduct(hi, lambda, eta) < 2 * Math.log(tau)) hi *= 2;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            if (logProduct(mid, lambda, eta) < 2 * Math.log(tau)) lo = mid; else hi = mid;
        }
        fill(g2, 0.5 * (lo + hi), lambda, eta);
        return g2;
    }

    private static void fill(double[] g2, double g1, double lambda, double[] eta) {
        g2[0] = g1;
        for (int l = 1; l < g2.length; l++) g2[l] = Math.max(0.0, (lambda + eta[l] * g2[l - 1]) / eta[l - 1]);
    }

    private static double logProduct(double g1, double lambda, double[] eta) {
        double[] g2 = new double[eta.length];
        fill(g2, g1, lambda, eta);
        double s = 0;
        for (double g : g2) s += Math.log(g);
        return s;
    }
}
