package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.parallel.CorePair;

/**
 * Adaptive Dormand–Prince 5(4) with first-same-as-last and Hairer's 4th-order dense output: the
 * integrator steps freely and every grid time is interpolated, so recorded frames never shrink steps.
 * Error norm: RMS of (y₅ − y₄)/(atol + rtol·max(|y|,|y_new|)). Work arrays are allocated once.
 * From {@link #SPLIT_MIN_LENGTH} unknowns on, the elementwise loops of a step (stage states, the accepted state)
 * (stage states, the accepted state, the dense-output coefficients) are shared with the second core when
 * {@link CorePair#acquire} offers it ({@link StageHalves}), and so are the error norm's and the stiffness test's
 * sums: each thread sums its half of the entries, and the two partial sums are added in the same order whether
 * one thread or two computed them, so the run is bit for bit the same either way. Each core keeps its half of
 * every vector from one step to the next (below that length, the sums run over all entries in index order).
 */
public final class DormandPrince54 {
    static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    static final double A21 = 1.0 / 5;
    static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    static final double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784,
            A76 = 11.0 / 84;
    static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;
    static final double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0,
            D4 = -10690763975.0 / 1880347072.0, D5 = 701980252875.0 / 199316789632.0,
            D6 = -1453857185.0 / 822651844.0, D7 = 69997945.0 / 29380423.0;
    private static final double SAFETY = 0.9, MIN_FACTOR = 0.2, MAX_FACTOR = 10.0;
    /**
     * Step-size control (Hairer, Nørsett &amp; Wanner II §IV.2; DOPRI5's defaults): proportional–integral,
     * h_new = h · SAFETY · err_n^−(1/5 − 0.75 β) · err_{n−1}^β with β = {@link #PI_BETA}. The integral term
     * damps the accept/reject oscillation of the plain h · err^−1/5 rule: on the numpy peer's 8×64 problem
     * (rtol = atol = 1e−6) rejected steps fell from 117 to 10 and field evaluations by 17%, and the final
     * W_eff came closer to a tight-tolerance solution (3.2e−5 relative; scipy's RK45: 1.2e−4).
     */
    static final double PI_BETA = 0.04;
    private static final double EXPO1 = 0.2 - 0.75 * PI_BETA;
    /** the error of the previous accepted step is floored here (as in DOPRI5) */
    private static final double ERR_OLD_FLOOR = 1e-4;
    /** the step budget when none is given: the integration stops (not fails) after this many accepted steps */
    public static final long MAX_STEPS = SimulationSpec.DEFAULT_MAX_STEPS;
    /** cancellation is polled every this many steps (a power of two) */
    static final long CANCEL_CHECK_STEPS = 64;

    /**
     * Unknowns from which the elementwise loops go to both cores (half each). A handover costs about one
     * core-to-core round trip, 0.45–0.48 µs measured on this machine, and a loop over a half of this length
     * takes about 5 µs (depth 8 width 64, 32,768 unknowns: 20 µs per whole loop on one thread), so below it a
     * half is too short to pay; only networks whose gradient splits ({@code GradientSplit.MIN_WORK}) are this long.
     */
    static final int SPLIT_MIN_LENGTH = 1 << 14;
    /**
     * {@link #loop} numbers beyond the stages 2 … 7: the accepted state and FSAL; the dense-output coefficients;
     * and the norms of a step (the error sum, and the stiffness test's sums when asked for), over a half each
     */
    static final int ACCEPT = 9, NORMS = 10, DENSE = 11;

    private final int n;
    private final double[] k1, k2, k3, k4, k5, k6, k7, yStage, yNew, r1, r2, r3, r4, r5, out;
    private final StageHalves halves;   // null below SPLIT_MIN_LENGTH
    private double errRtol, errAtol;                // the error norm's tolerances when run in halves
    private boolean errWithStiffness;               // whether the halves also sum the stiffness test's sums
    private final double[] errHalf = new double[2];        // the error sum over each half
    private final double[][] stiffHalf = new double[2][2]; // the stiffness sums over each half
    private final double[] stiffSums = new double[2];   // the stiffness test's sums, computed beside the error norm
    private boolean stiffSumsReady;

    public DormandPrince54(int n) {
        this.n = n;
        k1 = new double[n]; k2 = new double[n]; k3 = new double[n]; k4 = new double[n];
        k5 = new double[n]; k6 = new double[n]; k7 = new double[n];
        yStage = new double[n]; yNew = new double[n];
        r1 = new double[n]; r2 = new double[n]; r3 = new double[n]; r4 = new double[n]; r5 = new double[n];
        out = new double[n];
        halves = n >= SPLIT_MIN_LENGTH ? new StageHalves(this, n) : null;
    }

    /**
     * Integrates from (grid[0], y0) through every grid time (ascending) and reports the state at each.
     * y0 is not modified.
     */
    public IntegrationResult integrate(VectorField f, double[] y0, double[] grid, double rtol, double atol,
                                       GridListener listener) {
        return integrate(f, y0, grid, rtol, atol, MAX_STEPS, CancellationToken.NEVER, listener);
    }

    /**
     * As above, stopping (budgetExhausted, not failed) after maxSteps accepted steps, and (not completed) when
     * cancel is cancelled, checked every {@link #CANCEL_CHECK_STEPS} steps between grid times too.
     */
    public IntegrationResult integrate(VectorField f, double[] y0, double[] grid, double rtol, double atol,
                                       long maxSteps, CancellationToken cancel, GridListener listener) {
        double[] y = y0.clone();
        if (!listener.onGrid(0, grid[0], y, 0)) return new IntegrationResult(0, 0, false, false, null);
        if (grid.length == 1) return new IntegrationResult(0, 0, true, false, null);
        return advance(f, y, grid[0], 1, grid, rtol, atol, maxSteps, cancel, listener, 0, 0, Double.NaN, null).result();
    }

    /**
     * Steps from (t, y) on, reporting grid[next], grid[next + 1], …, until the grid ends, the listener stops,
     * the budget or the token stops the run, it fails, or (with a stiffness test) the problem turns stiff: then
     * it returns at the last accepted point with y updated in place and the step size it would take next.
     * steps0/evals0 continue the counts of earlier segments; hStart NaN means Hairer's starting step. Without a
     * test (null), integrate() is this from grid[0].
     */
    public Segment advance(VectorField f, double[] y, double t, int next, double[] grid, double rtol, double atol,
                           long maxSteps, CancellationToken cancel, GridListener listener, long steps0, long evals0,
                           double hStart, StiffnessTest stiffness) {
        long steps = steps0, evals = evals0;
        double tEnd = grid[grid.length - 1];
        f.evaluate(y, k1);
        evals++;
        double h;
        if (Double.isNaN(hStart)) {
            h = initialStep(f, y, t, tEnd, rtol, atol);
            evals++;
        } else {
            h = Math.min(hStart, tEnd - t);
        }
        boolean rejectedLast = false;
        double errOld = ERR_OLD_FLOOR;
        while (next < grid.length) {
            if (steps >= maxSteps) return Segment.budget(t, next, steps, evals);
            if ((steps & (CANCEL_CHECK_STEPS - 1)) == 0) {
                cancel.reportSteps(steps);
                if (cancel.isCancelled()) return Segment.stopped(t, next, steps, evals);
            }
            if (h < 1e-14 * Math.max(1.0, Math.abs(t)))
                return Segment.failed(t, next, steps, evals, "step size underflow at t = " + t);
            if (t + h > tEnd) h = tEnd - t;
            step(f, y, h);
            evals += 6;
            double err = errorNorm(y, h, rtol, atol, stiffness != null);
            if (!(err <= 1.0)) {
                if (Double.isNaN(err) || Double.isInfinite(err)) {
                    if (!allFinite(y)) return Segment.failed(t, next, steps, evals, "non-finite state at t = " + t);
                    h *= MIN_FACTOR;
                } else {
                    // h ← h / min(1/MIN_FACTOR, err^EXPO1 / SAFETY)
                    h /= Math.min(1.0 / MIN_FACTOR, Math.pow(err, EXPO1) / SAFETY);
                }
                rejectedLast = true;
                continue;
            }
            steps++;
            // Hairer's test on the accepted step: h·ρ ≈ h‖k7 − k6‖/‖y_new − y_stage6‖ (read only)
            boolean stiff = stiffness != null && (stiffSumsReady
                    ? stiffness.afterSums(h, tEnd - t - h, stiffSums[0], stiffSums[1])
                    : stiffness.afterStep(h, tEnd - t - h, k7, k6, yNew, yStage));
            double tNew = (tEnd - (t + h) <= 1e-14 * Math.max(1.0, Math.abs(tEnd))) ? tEnd : t + h;
            // dense output coefficients (Hairer, contd5), only for steps that contain a grid time
            boolean interpolate = next < grid.length && grid[next] < tNew;
            if (interpolate) loops(DENSE, y, h);
            while (next < grid.length && grid[next] <= tNew) {
                double[] state;
                if (grid[next] == tNew) {
                    state = yNew;
                } else {
                    double s = (grid[next] - t) / h, s1 = 1.0 - s;
                    for (int i = 0; i < n; i++)
                        out[i] = r1[i] + s * (r2[i] + s1 * (r3[i] + s * (r4[i] + s1 * r5[i])));
                    state = out;
                }
                if (!allFinite(state)) return Segment.failed(t, next, steps, evals, "non-finite state at t = " + grid[next]);
                if (!listener.onGrid(next, grid[next], state, steps)) return Segment.stopped(t, next, steps, evals);
                next++;
            }
            loops(ACCEPT, y, h);   // y ← y_new, k1 ← k7 (first same as last)
            t = tNew;
            // PI control: h ← h / (err^EXPO1 · errOld^−β / SAFETY), the quotient clamped to [1/MAX_FACTOR, 1/MIN_FACTOR]
            double quotient = Math.pow(err, EXPO1) / Math.pow(errOld, PI_BETA) / SAFETY;
            quotient = Math.max(1.0 / MAX_FACTOR, Math.min(1.0 / MIN_FACTOR, quotient));
            if (rejectedLast) quotient = Math.max(1.0, quotient);
            errOld = Math.max(err, ERR_OLD_FLOOR);
            rejectedLast = false;
            h /= quotient;
            if (stiff && next < grid.length) return Segment.handOver(t, next, h, steps, evals);
        }
        return Segment.done(t, next, steps, evals);
    }

    /**
     * One trial step from y with step h, for benchmarks and tests: evaluates k1 = f(y), the six further
     * stages and the embedded error; returns the error norm (≤ 1 means the step would be accepted).
     * The proposed state is left in {@link #proposedState()}; y is not modified.
     */
    public double trialStep(VectorField f, double[] y, double h, double rtol, double atol) {
        f.evaluate(y, k1);
        step(f, y, h);
        return errorNorm(y, h, rtol, atol, false);
    }

    /** the 5th-order state of the last trial step (a live buffer) */
    public double[] proposedState() { return yNew; }

    private void step(VectorField f, double[] y, double h) {
        loops(2, y, h);
        f.evaluate(yStage, k2);
        loops(3, y, h);
        f.evaluate(yStage, k3);
        loops(4, y, h);
        f.evaluate(yStage, k4);
        loops(5, y, h);
        f.evaluate(yStage, k5);
        loops(6, y, h);
        f.evaluate(yStage, k6);
        loops(7, y, h);
        f.evaluate(yNew, k7);
    }

    /** loop number s over all n entries: on both cores when the state is long enough and the pair is free */
    private void loops(int s, double[] y, double h) {
        CorePair pair = halves == null ? null : CorePair.acquire();
        if (pair == null) {
            // a long state by its halves here, as the pair would (the norms are sums over each half)
            if (halves != null) halves.runHere(s, y, h);
            else loop(s, y, h, 0, n);
            return;
        }
        try {
            halves.run(pair, s, y, h);
        } finally {
            pair.release();
        }
    }

    /** entries from … to−1 of loop s: stage states (2 … 6), y_new (7), the accepted state */
    void loop(int s, double[] y, double h, int from, int to) {
        switch (s) {
            case 2 -> { for (int i = from; i < to; i++) yStage[i] = y[i] + h * A21 * k1[i]; }
            case 3 -> { for (int i = from; i < to; i++) yStage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]); }
            case 4 -> { for (int i = from; i < to; i++) yStage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]); }
            case 5 -> {
                for (int i = from; i < to; i++)
                    yStage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            case 6 -> {
                for (int i = from; i < to; i++)
                    yStage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            case 7 -> {
                for (int i = from; i < to; i++)
                    yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
            }
            case ACCEPT -> {
                System.arraycopy(yNew, from, y, from, to - from);
                System.arraycopy(k7, from, k1, from, to - from);
            }
            case DENSE -> denseCoefficients(y, yNew, h, k1, k3, k4, k5, k6, k7, r1, r2, r3, r4, r5, from, to);
            default -> throw new IllegalArgumentException("no loop " + s);
        }
    }

    /**
     * Hairer's contd5 coefficients r1 … r5 of the step of size h from y to yNew (stages k1 … k7), entries
     * from … to−1; the dense output is r1 + s(r2 + (1−s)(r3 + s(r4 + (1−s) r5))), s = (t − t_n)/h
     */
    static void denseCoefficients(double[] y, double[] yNew, double h, double[] k1, double[] k3, double[] k4,
                                  double[] k5, double[] k6, double[] k7, double[] r1, double[] r2, double[] r3,
                                  double[] r4, double[] r5, int from, int to) {
        for (int i = from; i < to; i++) {
            double ydiff = yNew[i] - y[i];
            double bspl = h * k1[i] - ydiff;
            r1[i] = y[i];
            r2[i] = ydiff;
            r3[i] = bspl;
            r4[i] = ydiff - h * k7[i] - bspl;
            r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
        }
    }

    /** Σ_i ((y₅ − y₄)_i / (atol + rtol·max(|y_i|, |y_new,i|)))² over entries from … to−1, in index order */
    private double errorSum(double[] y, double h, double rtol, double atol, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
            double r = e / sc;
            sum += r * r;
        }
        return sum;
    }

    /**
     * RMS of the error terms. Below {@link #SPLIT_MIN_LENGTH} one sum in index order; from there the sum over
     * each half (with the stiffness test's sums over that half when asked for) on the pair when it is free, else
     * both halves here, and the halves' sums added in the same order either way.
     */
    private double errorNorm(double[] y, double h, double rtol, double atol, boolean withStiffness) {
        stiffSumsReady = false;
        if (halves == null) return Math.sqrt(errorSum(y, h, rtol, atol, 0, n) / n);
        errRtol = rtol;
        errAtol = atol;
        errWithStiffness = withStiffness;
        loops(NORMS, y, h);
        if (withStiffness) {
            stiffSums[0] = stiffHalf[0][0] + stiffHalf[1][0];
            stiffSums[1] = stiffHalf[0][1] + stiffHalf[1][1];
            stiffSumsReady = true;
        }
        return Math.sqrt((errHalf[0] + errHalf[1]) / n);
    }

    /** chunk 0 or 1 of loop s: the first or second half of the entries (for {@link #NORMS}, of its sums) */
    void chunk(int s, double[] y, double h, int chunk, int mid) {
        int from = chunk == 0 ? 0 : mid, to = chunk == 0 ? mid : n;
        if (s == NORMS) {
            errHalf[chunk] = errorSum(y, h, errRtol, errAtol, from, to);
            if (errWithStiffness) StiffnessTest.sums(k7, k6, yNew, yStage, from, to, stiffHalf[chunk]);
        } else {
            loop(s, y, h, from, to);
        }
    }

    /** Hairer's starting step (hinit), using k1 = f(y0) already evaluated. */
    private double initialStep(VectorField f, double[] y, double t, double tEnd, double rtol, double atol) {
        double dnf = 0, dny = 0;
        for (int i = 0; i < n; i++) {
            double sk = atol + rtol * Math.abs(y[i]);
            dnf += (k1[i] / sk) * (k1[i] / sk);
            dny += (y[i] / sk) * (y[i] / sk);
        }
        double span = tEnd - t;
        double h = (dnf <= 1e-10 || dny <= 1e-10) ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
        h = Math.min(h, span);
        for (int i = 0; i < n; i++) yStage[i] = y[i] + h * k1[i];
        f.evaluate(yStage, k2);
        double der2 = 0;
        for (int i = 0; i < n; i++) {
            double sk = atol + rtol * Math.abs(y[i]);
            double d = (k2[i] - k1[i]) / sk;
            der2 += d * d;
        }
        der2 = Math.sqrt(der2) / h;
        double der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
        double h1 = der12 <= 1e-15 ? Math.max(1e-6, Math.abs(h) * 1e-3) : Math.pow(0.01 / der12, 0.2);
        return Math.min(Math.min(100 * Math.abs(h), h1), span);
    }

    private static boolean allFinite(double[] y) {
        for (double v : y) if (!Double.isFinite(v)) return false;
        return true;
    }
}
