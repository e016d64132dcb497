package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.FlowJacobian;

/**
 * Radau IIA of order 5 (3-stage collocation at c = (4 ∓ √6)/10, 1; L-stable, stiffly accurate) for gradient
 * flow, after Hairer &amp; Wanner II §IV.8 (RADAU5). Stage increments Z_i = Y_i − y solve
 *   Z_i = h Σ_j a_ij f(y + Z_j)
 * by simplified Newton with the flow's Jacobian J = −D M D⁻¹ from {@link FlowJacobian} (M = U Θ Uᵀ): in
 * the eigenbasis the 3n×3n system (I − h A⊗J) ΔZ = r splits into 3×3 systems (I + h θ_j A) per eigenpair,
 * and is the identity off span(U), so one decomposition serves every step size. The Jacobian is reused
 * while Newton converges fast and refreshed when it does not.
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
    static final int SLOW_NEWTON = 5;
    /** …or converged slower than this rate */
    static final double SLOW_RATE = 0.5;
    /** the Krylov space is widened while h times the stiffness it leaves out exceeds this */
    static final double REST_LIMIT = 1.0;
    private static final double SAFETY = 0.9, MIN_FACTOR = 0.2, MAX_FACTOR = 8.0;
    /** eigenpairs with h|θ| below this are left out of the Newton solve (their 3×3 block is ≈ I) */
    static final double NEGLIGIBLE = 1e-4;

    /** Hand back to the explicit method when h·ρ stays below this (well inside DP5's stability region)… */
    public static final double NONSTIFF_EDGE = 1.0;
    /** …for this many consecutive accepted steps */
    public static final int NONSTIFF_STEPS = 10;

    private final int n;
    private final FlowJacobian jacobian;
    private final double[] d;
    private final double[] z1, z2, z3, f1, f2, f3, r1, r2, r3, yStage, f0, err, zp1, zp2, zp3, yp, out;
    private FlowJacobian.Spectrum spectrum;
    private double[][] proj;         // projections u_j · (D⁻¹ r_i) of the stage residuals, [3][k]
    private double[] blocks;         // (I + h θ_j A)⁻¹ per eigenpair, 9 each, for step size blockH
    private double[] filter;         // 1/(1 + h γ₀ θ_j) − 1 per eigenpair, for blockH
    private double blockH = Double.NaN;
    private int active;              // eigenpairs in use for blockH
    private long jacobians;
    private int krylov = FlowJacobian.KRYLOV_START;

    public RadauIIA5(FlowJacobian jacobian) {
        this.jacobian = jacobian;
        this.n = jacobian.size();
        this.d = jacobian.sqrtRates();
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
            if (spectrum == null) {
                refresh(y, h);
                jacCurrent = true;
            }
            prepare(h);
            // initial guess: the previous step's collocation polynomial extrapolated, else 0
            if (havePrev) {
                for (int i = 0; i < n; i++) {
                    double yEnd = yp[i] + zp3[i];
                    z1[i] = continuous(i, 1 + C[0] * h / hPrev) - yEnd;
                    z2[i] = continuous(i, 1 + C[1] * h / hPrev) - yEnd;
                    z3[i] = continuous(i, 1 + C[2] * h / hPrev) - yEnd;
                }
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
                solveStages();
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
                    refresh(y, h);
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
            solveFilter(err);
            double errNorm = errorNorm(y, z3, rtol, atol);
            if (raw != null && errNorm > 1) {
                // RADAU5's second filter on the first or a rejected step: err ← (I − hγ₀J)⁻¹ (γ₀ h f(y + err) + Σ e_j Z_j)
                for (int i = 0; i < n; i++) yStage[i] = y[i] + err[i];
                f.evaluate(yStage, f1);
                evals++;
                for (int i = 0; i < n; i++) err[i] = raw[i] + GAMMA0 * h * (f1[i] - f0[i]);
                solveFilter(err);
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
                    for (int i = 0; i < n; i++) out[i] = continuous(i, s);
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
            boolean stiffNow = h * spectrum.radius() >= NONSTIFF_EDGE;
            nonStiff = stiffNow ? 0 : nonStiff + 1;
            h *= factor;
            havePrev = true;
            first = false;
            rejected = false;
            jacCurrent = false;
            if (iter + 1 > SLOW_NEWTON || (!Double.isNaN(rate) && rate > SLOW_RATE)) {
                refresh(y, h);
                jacCurrent = true;
            }
            if (switchBack && nonStiff >= NONSTIFF_STEPS && next < grid.length)
                return Segment.handOver(t, next, h, steps, evals);
        }
        return Segment.done(t, next, steps, evals);
    }

    /** u_i(t + s h) of the last accepted step: y_i + Σ_j ℓ_j(s) Z_j,i */
    private double continuous(int i, double s) {
        return yp[i] + RadauTableau.ell(0, s) * zp1[i] + RadauTableau.ell(1, s) * zp2[i] + RadauTableau.ell(2, s) * zp3[i];
    }

    /** a new decomposition at y; the Krylov space grows while it leaves out stiffness that matters at step h */
    private void refresh(double[] y, double h) {
        spectrum = jacobian.spectrum(y, krylov);
        jacobians++;
        while (!spectrum.exact() && h * spectrum.rest() > REST_LIMIT && krylov < Math.min(jacobian.size(), FlowJacobian.KRYLOV_MAX)) {
            krylov = Math.min(Math.min(jacobian.size(), FlowJacobian.KRYLOV_MAX), 2 * krylov);
            spectrum = jacobian.spectrum(y, krylov);
            jacobians++;
        }
        int k = spectrum.values().length;
        proj = new double[3][k];
        blocks = new double[9 * k];
        filter = new double[k];
        blockH = Double.NaN;
    }

    /** (I + h θ_j A)⁻¹ and the filter factors for step h, over the eigenpairs that matter at h */
    private void prepare(double h) {
        if (h == blockH) return;
        double[] theta = spectrum.values();
        active = 0;
        while (active < theta.length && h * Math.abs(theta[active]) > NEGLIGIBLE) active++;
        for (int j = 0; j < active; j++) {
            double ht = h * theta[j];
            RadauTableau.invertShifted(ht, blocks, 9 * j);
            filter[j] = 1.0 / (1.0 + GAMMA0 * ht) - 1.0;
        }
        blockH = h;
    }

    /**
     * r_i ← (I − h A⊗J)⁻¹ r_i in place. With x_i = D⁻¹ r_i and c_i = Uᵀ x_i: x_i += U (B c − c)_i, where B
     * applies (I + h θ_j A)⁻¹ to (c_1j, c_2j, c_3j); then r_i = D x_i.
     */
    private void solveStages() {
        double[][] u = spectrum.vectors();
        double[] c1 = proj[0], c2 = proj[1], c3 = proj[2];
        for (int i = 0; i < n; i++) {
            r1[i] /= d[i];
            r2[i] /= d[i];
            r3[i] /= d[i];
        }
        for (int j = 0; j < active; j++) {
            double[] uj = u[j];
            double s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < n; i++) {
                s1 += uj[i] * r1[i];
                s2 += uj[i] * r2[i];
                s3 += uj[i] * r3[i];
            }
            int b = 9 * j;
            c1[j] = blocks[b] * s1 + blocks[b + 1] * s2 + blocks[b + 2] * s3 - s1;
            c2[j] = blocks[b + 3] * s1 + blocks[b + 4] * s2 + blocks[b + 5] * s3 - s2;
            c3[j] = blocks[b + 6] * s1 + blocks[b + 7] * s2 + blocks[b + 8] * s3 - s3;
        }
        for (int j = 0; j < active; j++) {
            double[] uj = u[j];
            double a1 = c1[j], a2 = c2[j], a3 = c3[j];
            for (int i = 0; i < n; i++) {
                r1[i] += a1 * uj[i];
                r2[i] += a2 * uj[i];
                r3[i] += a3 * uj[i];
            }
        }
        for (int i = 0; i < n; i++) {
            r1[i] *= d[i];
            r2[i] *= d[i];
            r3[i] *= d[i];
        }
    }

    /** e ← (I − h γ₀ J)⁻¹ e in place (same eigenbasis: factor 1/(1 + hγ₀θ_j) on each u_j component) */
    private void solveFilter(double[] e) {
        double[][] u = spectrum.vectors();
        double[] c = proj[0];
        for (int i = 0; i < n; i++) e[i] /= d[i];
        for (int j = 0; j < active; j++) {
            double[] uj = u[j];
            double s = 0;
            for (int i = 0; i < n; i++) s += uj[i] * e[i];
            c[j] = s * filter[j];
        }
        for (int j = 0; j < active; j++) {
            double[] uj = u[j];
            double a = c[j];
            for (int i = 0; i < n; i++) e[i] += a * uj[i];
        }
        for (int i = 0; i < n; i++) e[i] *= d[i];
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
