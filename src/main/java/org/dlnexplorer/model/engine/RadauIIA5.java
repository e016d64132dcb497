package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.FlowJacobian;

/**
 * Radau IIA of order 5 (3-stage collocation at c = (4 ∓ √6)/10, 1; L-stable, stiffly accurate) for gradient
 * flow, after Hairer &amp; Wanner II §IV.8 (RADAU5). Stage increments Z_i = Y_i − y solve
 *   Z_i = h Σ_j a_ij f(y + Z_j)
 * by simplified Newton with the flow's Jacobian J = −D M D⁻¹ from {@link FlowJacobian} (M ≈ Q T Qᵀ, T
 * tridiagonal): the 3n×3n system (I − h A⊗J) ΔZ = r is a banded 3k×3k system on span(Q) and the identity off
 * it ({@link RadauLinearSystem}), refactored in O(k) when h changes. The Jacobian is reused while Newton
 * converges fast and refreshed when it does not.
 * Error: ŷ − y = γ₀ h f(y) + Σ e_j Z_j (the embedded order-3 solution through t, t + c_j h with weight
 * γ₀ at t, γ₀ the real eigenvalue of A), filtered by (I − h γ₀ J)⁻¹ as in RADAU5. Dense output: the
 * collocation polynomial u(t + s h) = y + Σ_j ℓ_j(s) Z_j (cubic, ℓ_j(0) = 0, ℓ_j(c_i) = δ_ij).
 */
public final class RadauIIA5 {
    static final double[] C = RadauTableau.C;
    static final double[][] A = RadauTableau.A;
    static final double GAMMA0 = RadauTableau.GAMMA0;
    static final double[] E = RadauTableau.E;

    /** simplified-Newton iterations per step before it counts as failed (RADAU5: 7; scipy: 6) */
    static final int NEWTON_MAX = 7;
    /** the step-size safety factor shrinks with the Newton iterations up to this many (RADAU5: 7) */
    static final int SAFETY_ITERATIONS = 7;
    /** Jacobian refresh after a step that needed more Newton iterations than this… */
    static final int SLOW_NEWTON = 4;
    /** …or converged slower than this rate */
    static final double SLOW_RATE = 0.5;
    /** the Krylov space is widened while h times the stiffness it leaves out exceeds this */
    static final double REST_LIMIT = 1.0;
    private static final double SAFETY = 0.9, MIN_FACTOR = 0.2, MAX_FACTOR = 8.0;

    /** Hand back to the explicit method when h·ρ stays below this (well inside DP5's stability region)… */
    public static final double NONSTIFF_EDGE = 1.0;
    /** …for this many consecutive accepted steps */
    public static final int NONSTIFF_STEPS = 10;

    private final int n;
    private final FlowJacobian jacobian;
    private final double[] z1, z2, z3, f1, f2, f3, r1, r2, r3, yStage, f0, err, zp1, zp2, zp3, yp, out;
    private final RadauLinearSystem system;
    private FlowJacobian.Krylov form;
    private long jacobians;
    private int krylov = FlowJacobian.KRYLOV_START;

    public RadauIIA5(FlowJacobian jacobian) {
        this.jacobian = jacobian;
        this.n = jacobian.size();
        this.system = new RadauLinearSystem(n, jacobian.sqrtRates());
        z1 = new double[n]; z2 = new double[n]; z3 = new double[n];
        f1 = new double[n]; f2 = new double[n]; f3 = new double[n];
        r1 = new double[n]; r2 = new double[n]; r3 = new double[n];
        yStage = new double[n]; f0 = new double[n]; err = new double[n];
        zp1 = new double[n]; zp2 = new double[n]; zp3 = new double[n]; yp = new double[n]; out = new double[n];
    }

    /** Jacobian decompositions so far */
    public long jacobians() { return jacobians; }

    /**
     * Steps from (t, y) (y updated in place) through grid[next], … until the grid ends, the listener, the
     * budget or the token stops it, the run fails, or — with switchBack — the problem is no longer stiff (then HAND_OVER with the next h).
     */
    public Segment advance(VectorField f, double[] y, double t, int next, double[] grid, double rtol, double atol,
                           long maxSteps, CancellationToken cancel, GridListener listener, long steps0, long evals0,
                           double hStart, boolean switchBack) {
        long steps = steps0, evals = evals0;
        double tEnd = grid[grid.length - 1];
        double newtonTol = Math.max(10 * Math.ulp(1.0) / rtol, Math.min(0.03, Math.sqrt(rtol)));
        double h = Double.isNaN(hStart) || !(hStart > 0) ? 1e-3 * Math.max(1.0, tEnd - t) : hStart;
        boolean jacCurrent = false, rejected = false, first = true, havePrev = false;
        double hPrev = 0;
        int nonStiff = 0;
        f.evaluate(y, f0);
        evals++;
        while (next < grid.length) {
            if (steps >= maxSteps) return Segment.budget(t, next, steps, evals);
            cancel.reportSteps(steps);
            if (cancel.isCancelled()) return Segment.stopped(t, next, steps, evals);
            if (h < 1e-14 * Math.max(1.0, Math.abs(t)))
                return Segment.failed(t, next, steps, evals, "step size underflow at t = " + t);
            if (t + h > tEnd) h = tEnd - t;
            if (form == null) {
                refresh(y, h);
                jacCurrent = true;
            }
            if (!system.prepare(h)) {
                h *= 0.5;
                rejected = true;
                continue;
            }
            // initial guess: the previous step's collocation polynomial extrapolated, else 0
            if (havePrev) {
                extrapolate(1 + C[0] * h / hPrev, z1);
                extrapolate(1 + C[1] * h / hPrev, z2);
                extrapolate(1 + C[2] * h / hPrev, z3);
            } else {
                java.util.Arrays.fill(z1, 0.0);
                java.util.Arrays.fill(z2, 0.0);
                java.util.Arrays.fill(z3, 0.0);
            }
            // simplified Newton: (I − h A⊗J) ΔZ = −Z + h (A⊗I) F(Z)
            boolean converged = false;
            double normOld = Double.NaN, rate = Double.NaN;
            int iter = 0;
            for (; iter < NEWTON_MAX; iter++) {
                stage(f, y, z1, f1);
                stage(f, y, z2, f2);
                stage(f, y, z3, f3);
                evals += 3;
                for (int i = 0; i < n; i++) {
                    r1[i] = -z1[i] + h * (A[0][0] * f1[i] + A[0][1] * f2[i] + A[0][2] * f3[i]);
                    r2[i] = -z2[i] + h * (A[1][0] * f1[i] + A[1][1] * f2[i] + A[1][2] * f3[i]);
                    r3[i] = -z3[i] + h * (A[2][0] * f1[i] + A[2][1] * f2[i] + A[2][2] * f3[i]);
                }
                system.solveStages(r1, r2, r3);
                double norm = Math.sqrt((sq(r1, y, rtol, atol) + sq(r2, y, rtol, atol) + sq(r3, y, rtol, atol)) / (3.0 * n));
                if (!Double.isFinite(norm)) break;
                if (!Double.isNaN(normOld)) rate = norm / normOld;
                if (!Double.isNaN(rate) && (rate >= 1 || Math.pow(rate, NEWTON_MAX - iter) / (1 - rate) * norm > newtonTol))
                    break;
                for (int i = 0; i < n; i++) {
                    z1[i] += r1[i];
                    z2[i] += r2[i];
                    z3[i] += r3[i];
                }
                if (norm == 0 || (!Double.isNaN(rate) && rate / (1 - rate) * norm < newtonTol)) {
                    converged = true;
                    break;
                }
                normOld = norm;
            }
            if (!converged) {
                if (!jacCurrent) {
                    if (havePrev) refreshAhead(y, h, hPrev);
                    else refresh(y, h);
                    jacCurrent = true;
                } else {
                    h *= 0.5;
                }
                rejected = true;
                continue;
            }
            // error estimate, filtered: (I − h γ₀ J)⁻¹ (γ₀ h f(y) + Σ e_j Z_j)
            for (int i = 0; i < n; i++) err[i] = GAMMA0 * h * f0[i] + E[0] * z1[i] + E[1] * z2[i] + E[2] * z3[i];
            double[] raw = (first || rejected) ? r1 : null;
            if (raw != null) System.arraycopy(err, 0, raw, 0, n);
            system.solveFilter(err);
            double errNorm = errorNorm(y, z3, rtol, atol);
            if (raw != null && errNorm > 1) {
                // RADAU5's second filter on the first or a rejected step: err ← (I − hγ₀J)⁻¹ (γ₀ h f(y + err) + Σ e_j Z_j)
                for (int i = 0; i < n; i++) yStage[i] = y[i] + err[i];
                f.evaluate(yStage, f1);
                evals++;
                for (int i = 0; i < n; i++) err[i] = raw[i] + GAMMA0 * h * (f1[i] - f0[i]);
                system.solveFilter(err);
                errNorm = errorNorm(y, z3, rtol, atol);
            }
            double safety = SAFETY * (2 * SAFETY_ITERATIONS + 1) / (2 * SAFETY_ITERATIONS + Math.min(iter + 1, SAFETY_ITERATIONS));
            if (!(errNorm <= 1)) {
                h *= Math.max(MIN_FACTOR, safety * Math.pow(errNorm, -0.25));
                rejected = true;
                continue;
            }
            // accepted: report grid times inside (t, t + h] from the collocation polynomial
            steps++;
            double tNew = (tEnd - (t + h) <= 1e-14 * Math.max(1.0, Math.abs(tEnd))) ? tEnd : t + h;
            System.arraycopy(y, 0, yp, 0, n);
            System.arraycopy(z1, 0, zp1, 0, n);
            System.arraycopy(z2, 0, zp2, 0, n);
            System.arraycopy(z3, 0, zp3, 0, n);
            hPrev = h;
            for (int i = 0; i < n; i++) y[i] += z3[i];
            while (next < grid.length && grid[next] <= tNew) {
                double[] state = y;
                if (grid[next] != tNew) {
                    double s = (grid[next] - t) / h;
                    double l0 = RadauTableau.ell(0, s), l1 = RadauTableau.ell(1, s), l2 = RadauTableau.ell(2, s);
                    for (int i = 0; i < n; i++) out[i] = yp[i] + l0 * zp1[i] + l1 * zp2[i] + l2 * zp3[i];
                    state = out;
                }
                for (double v : state)
                    if (!Double.isFinite(v)) return Segment.failed(t, next, steps, evals, "non-finite state at t = " + grid[next]);
                if (!listener.onGrid(next, grid[next], state, steps)) return Segment.stopped(tNew, next, steps, evals);
                next++;
            }
            t = tNew;
            f.evaluate(y, f0);
            evals++;
            double factor = errNorm == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, safety * Math.pow(errNorm, -0.25));
            if (rejected) factor = Math.min(1.0, factor);
            boolean stiffNow = h * form.radius() >= NONSTIFF_EDGE;
            nonStiff = stiffNow ? 0 : nonStiff + 1;
            h *= factor;
            havePrev = true;
            first = false;
            rejected = false;
            jacCurrent = false;
            if (iter + 1 > SLOW_NEWTON || (!Double.isNaN(rate) && rate > SLOW_RATE)) {
                refreshAhead(y, h, hPrev);
                jacCurrent = true;
            }
            if (switchBack && nonStiff >= NONSTIFF_STEPS && next < grid.length)
                return Segment.handOver(t, next, h, steps, evals);
        }
        return Segment.done(t, next, steps, evals);
    }

    /** z ← u(t + s h) − u(t + h) of the last accepted step, u(t + s h) = y + Σ_j ℓ_j(s) Z_j (u(t + h) = y + Z_3) */
    private void extrapolate(double s, double[] z) {
        double l0 = RadauTableau.ell(0, s), l1 = RadauTableau.ell(1, s), l2 = RadauTableau.ell(2, s) - 1;
        for (int i = 0; i < n; i++) z[i] = l0 * zp1[i] + l1 * zp2[i] + l2 * zp3[i];
    }

    /**
     * a new decomposition for the coming step (t, t + h], taken at its predicted end u(t + h) from the last
     * collocation polynomial rather than at y = u(t): the Jacobian is then reused over the steps ahead, and
     * Newton's contraction with it lasts longer (on the depth-4 width-8 stiff workload 17 decompositions
     * instead of 24, 216 Newton solves instead of 296)
     */
    private void refreshAhead(double[] y, double h, double hPrev) {
        extrapolate(1 + h / hPrev, f1);
        for (int i = 0; i < n; i++) yStage[i] = y[i] + f1[i];
        refresh(yStage, h);
    }

    /** a new decomposition at y; the Krylov space grows while it leaves out stiffness that matters at step h */
    private void refresh(double[] y, double h) {
        int most = Math.min(jacobian.size(), FlowJacobian.KRYLOV_MAX);
        form = jacobian.krylov(y, krylov);
        jacobians++;
        while (!form.exact() && h * form.rest() > REST_LIMIT && krylov < most) {
            krylov = Math.min(most, 2 * krylov);
            form = jacobian.krylov(y, krylov);
            jacobians++;
        }
        system.set(form);
    }

    private void stage(VectorField f, double[] y, double[] z, double[] fz) {
        for (int i = 0; i < n; i++) yStage[i] = y[i] + z[i];
        f.evaluate(yStage, fz);
    }

    /** Σ (r_i / (atol + rtol |y_i|))² */
    private static double sq(double[] r, double[] y, double rtol, double atol) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            double q = r[i] / (atol + rtol * Math.abs(y[i]));
            s += q * q;
        }
        return s;
    }

    /** RMS of err / (atol + rtol max(|y|, |y + Z_3|)) */
    private double errorNorm(double[] y, double[] z3, double rtol, double atol) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = err[i] / (atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y[i] + z3[i])));
            s += q * q;
        }
        return Math.sqrt(s / n);
    }
}
