package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.relu.Interpolant;
import org.dlnexplorer.model.relu.Mode;
import org.dlnexplorer.model.relu.PiecewiseNet;
import org.dlnexplorer.model.relu.Switching;

import static org.dlnexplorer.model.engine.DormandPrince54.*;

/**
 * Gradient flow of the two-layer piecewise-linear network with its switching surfaces located, not stepped
 * over: adaptive Dormand–Prince 5(4) on the smooth field of the current {@link Mode} (the activation pattern
 * held fixed, Filippov's sliding field on the surfaces the flow slides on); after every accepted step the
 * first event inside it (a crossing or a sliding exit, {@link Switching}) is found on the step's continuous
 * extension, the step is cut there, the mode changes and the integration restarts. The sliding field keeps
 * w_k·x_i = 0 as a linear invariant, which Runge–Kutta steps preserve to round-off; each δ_k is kept to the
 * integrator's tolerance (exactly conserved by the field).
 */
public final class FilippovFlow {
    private static final double SAFETY = 0.9, MIN_FACTOR = 0.2, MAX_FACTOR = 10.0;
    /** events in a row at the very start of a step (s = 0): past this the mode is taken from the signs */
    static final int MAX_EVENTS_IN_PLACE = 1000;

    private final PiecewiseNet net;
    private final Switching switching;
    private final int n;
    private final double[] k1, k2, k3, k4, k5, k6, k7, yStage, yNew, r1, r2, r3, r4, r5, out;
    private Mode mode;
    private long events, slides;

    public FilippovFlow(PiecewiseNet net) {
        this.net = net;
        this.switching = new Switching(net);
        this.n = net.parameterCount();
        k1 = new double[n]; k2 = new double[n]; k3 = new double[n]; k4 = new double[n];
        k5 = new double[n]; k6 = new double[n]; k7 = new double[n];
        yStage = new double[n]; yNew = new double[n];
        r1 = new double[n]; r2 = new double[n]; r3 = new double[n]; r4 = new double[n]; r5 = new double[n];
        out = new double[n];
    }

    /** events (crossings, slides, exits) handled in the last run */
    public long events() { return events; }

    /** pairs that started sliding in the last run */
    public long slides() { return slides; }

    /** the mode at the end of the last run */
    public Mode mode() { return mode; }

    /** Integrates from (grid[0], y0) through every grid time; y0 is not modified. */
    public IntegrationResult integrate(double[] y0, double[] grid, double rtol, double atol, long maxSteps,
                                       CancellationToken cancel, GridListener listener) {
        double[] y = y0.clone();
        mode = net.modeOf(y);
        events = 0;
        slides = 0;
        long steps = 0, evals = 0;
        if (!listener.onGrid(0, grid[0], y, 0)) return new IntegrationResult(0, 0, false, false, null);
        if (grid.length == 1) return new IntegrationResult(0, 0, true, false, null);
        double t = grid[0], tEnd = grid[grid.length - 1];
        int next = 1;
        field(y, k1);
        evals++;
        double h = initialStep(y, tEnd - t, rtol, atol);
        double errOld = 1e-4;
        boolean rejectedLast = false;
        int inPlace = 0;
        Interpolant dense = new Interpolant() {
            @Override public double component(int j, double s) {
                double s1 = 1 - s;
                return r1[j] + s * (r2[j] + s1 * (r3[j] + s * (r4[j] + s1 * r5[j])));
            }
            @Override public void state(double s, double[] o) {
                double s1 = 1 - s;
                for (int j = 0; j < n; j++) o[j] = r1[j] + s * (r2[j] + s1 * (r3[j] + s * (r4[j] + s1 * r5[j])));
            }
        };
        while (next < grid.length) {
            if (steps >= maxSteps) return new IntegrationResult(steps, evals, false, false, null, true);
            if ((steps & 63) == 0) {
                cancel.reportSteps(steps);
                if (cancel.isCancelled()) return new IntegrationResult(steps, evals, false, false, null);
            }
            if (h < 1e-14 * Math.max(1.0, Math.abs(t)))
                return new IntegrationResult(steps, evals, false, true, "step size underflow at t = " + t);
            if (t + h > tEnd) h = tEnd - t;
            step(y, h);
            evals += 6;
            double err = errorNorm(y, h, rtol, atol);
            if (!(err <= 1.0)) {
                if (!Double.isFinite(err)) {
                    h *= MIN_FACTOR;
                    if (!allFinite(y)) return new IntegrationResult(steps, evals, false, true, "non-finite state at t = " + t);
                } else {
                    h /= Math.min(1.0 / MIN_FACTOR, Math.pow(err, 0.2 - 0.75 * PI_BETA) / SAFETY);
                }
                rejectedLast = true;
                continue;
            }
            steps++;
            denseCoefficients(y, h);
            Switching.Event e = switching.firstEvent(y, yNew, mode, dense);
            double sEnd = e == null ? 1.0 : e.s();
            double tNew = e == null && tEnd - (t + h) <= 1e-14 * Math.max(1.0, Math.abs(tEnd)) ? tEnd : t + sEnd * h;
            while (next < grid.length && grid[next] <= tNew) {
                double[] state;
                if (e == null && grid[next] == tNew) state = yNew;
                else { dense.state((grid[next] - t) / h, out); state = out; }
                if (!allFinite(state)) return new IntegrationResult(steps, evals, false, true, "non-finite state at t = " + grid[next]);
                if (!listener.onGrid(next, grid[next], state, steps)) return new IntegrationResult(steps, evals, false, false, null);
                next++;
            }
            if (e == null) {
                System.arraycopy(yNew, 0, y, 0, n);
                System.arraycopy(k7, 0, k1, 0, n);
                t = tNew;
                double quotient = Math.pow(err, 0.2 - 0.75 * PI_BETA) / Math.pow(errOld, PI_BETA) / SAFETY;
                quotient = Math.max(1.0 / MAX_FACTOR, Math.min(1.0 / MIN_FACTOR, quotient));
                if (rejectedLast) quotient = Math.max(1.0, quotient);
                errOld = Math.max(err, 1e-4);
                rejectedLast = false;
                h /= quotient;
                inPlace = 0;
                if (collapsed(mode) && switching.escapes(y, mode)) {   // a neuron at w_k = 0 leaves it
                    events++;
                    field(y, k1);
                    evals++;
                }
                continue;
            }
            // an event at t + s·h: the state there, the new mode, a fresh start of the field
            events++;
            if (e.s() == 0.0) {
                if (++inPlace > MAX_EVENTS_IN_PLACE)
                    return new IntegrationResult(steps, evals, false, true, "the switching did not settle at t = " + t);
            } else {
                inPlace = 0;
                dense.state(e.s(), y);
            }
            if (switching.apply(e, y, mode)) slides++;
            t = tNew;
            field(y, k1);
            evals++;
            rejectedLast = false;
            h = Math.max(h * Math.max(e.s(), MIN_FACTOR), 1e-12 * Math.max(1.0, Math.abs(t)));
        }
        return new IntegrationResult(steps, evals, true, false, null);
    }

    private boolean collapsed(Mode m) {
        if (m.slidingCount() < net.inputDim()) return false;
        for (int k = 0; k < net.hidden(); k++) if (m.collapsed(k)) return true;
        return false;
    }

    private void field(double[] y, double[] dy) { net.flow(y, mode, dy); }

    private void step(double[] y, double h) {
        for (int i = 0; i < n; i++) yStage[i] = y[i] + h * A21 * k1[i];
        field(yStage, k2);
        for (int i = 0; i < n; i++) yStage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        field(yStage, k3);
        for (int i = 0; i < n; i++) yStage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        field(yStage, k4);
        for (int i = 0; i < n; i++) yStage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        field(yStage, k5);
        for (int i = 0; i < n; i++)
            yStage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        field(yStage, k6);
        for (int i = 0; i < n; i++)
            yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
        field(yNew, k7);
    }

    /** Hairer's contd5 coefficients of the step from y to yNew */
    private void denseCoefficients(double[] y, double h) {
        DormandPrince54.denseCoefficients(y, yNew, h, k1, k3, k4, k5, k6, k7, r1, r2, r3, r4, r5, 0, n);
    }

    private double errorNorm(double[] y, double h, double rtol, double atol) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
            double r = e / sc;
            sum += r * r;
        }
        return Math.sqrt(sum / n);
    }

    /** Hairer's starting step, with k1 = f(y0) evaluated */
    private double initialStep(double[] y, double span, double rtol, double atol) {
        double dnf = 0, dny = 0;
        for (int i = 0; i < n; i++) {
            double sk = atol + rtol * Math.abs(y[i]);
            dnf += (k1[i] / sk) * (k1[i] / sk);
            dny += (y[i] / sk) * (y[i] / sk);
        }
        double h = (dnf <= 1e-10 || dny <= 1e-10) ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
        return Math.min(h, span);
    }

    private static boolean allFinite(double[] y) {
        for (double v : y) if (!Double.isFinite(v)) return false;
        return true;
    }
}
