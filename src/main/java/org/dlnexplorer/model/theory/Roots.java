package org.dlnexplorer.model.theory;

import java.util.function.DoubleUnaryOperator;

/** Safeguarded Newton–bisection for monotone scalar equations (package-private numerics). */
final class Roots {
    private Roots() {}

    static final int MAX_ITERATIONS = 400;

    /**
     * The root of f on [lo, hi], where f is continuous and monotone with f(lo)·f(hi) ≤ 0, and df its
     * derivative. Newton steps from {@code guess} are taken while they stay inside the shrinking bracket
     * and reduce |f| enough; otherwise the bracket is bisected. Converges to within a few ulps of the root.
     */
    static double solve(DoubleUnaryOperator f, DoubleUnaryOperator df, double lo, double hi, double guess) {
        double flo = f.applyAsDouble(lo);
        double fhi = f.applyAsDouble(hi);
        if (flo == 0) return lo;
        if (fhi == 0) return hi;
        if (Math.signum(flo) == Math.signum(fhi))
            throw new IllegalArgumentException("root not bracketed: f(" + lo + ")=" + flo + ", f(" + hi + ")=" + fhi);
        boolean increasing = fhi > 0;
        double x = (guess > lo && guess < hi) ? guess : 0.5 * (lo + hi);
        double fx = f.applyAsDouble(x);
        double previousStep = hi - lo;
        for (int it = 0; it < MAX_ITERATIONS && fx != 0; it++) {
            if ((fx > 0) == increasing) hi = x; else lo = x;
            double d = df.applyAsDouble(x);
            double next = x - fx / d;
            double step = Math.abs(next - x);
            boolean newtonOk = Double.isFinite(next) && next > lo && next < hi && step <= 0.5 * previousStep;
            if (!newtonOk) {
                next = 0.5 * (lo + hi);
                step = Math.abs(next - x);
            }
            previousStep = step;
            if (next == x || next <= lo || next >= hi) {
                // bracket exhausted to machine precision
                return next <= lo || next >= hi ? x : next;
            }
            x = next;
            fx = f.applyAsDouble(x);
            if (step <= 1e-16 * Math.max(1.0, Math.abs(x)) && newtonOk) break;
        }
        return x;
    }
}
