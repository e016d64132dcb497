package org.dlnexplorer.model.relu;

/**
 * The events of the piecewise-linear flow and what happens at them (Filippov's convention, the limit of
 * gradient descent as η → 0). Two kinds, located on the integrator's continuous extension of a step:
 * <ul>
 * <li>a crossing: the preactivation z_ki = w_k·x_i of a pair off its surface reaches zero. At the surface
 *     the two one-sided rates ż⁺ (slope 1) and ż⁻ (slope γ) decide: both positive → active side, both
 *     negative → inactive side, ż⁺ ≤ 0 ≤ ż⁻ (the field points into the surface from both sides) → the pair
 *     slides, w_k is put on the surface; ż⁺ &gt; 0 &gt; ż⁻ (repelling) → it goes on across;</li>
 * <li>an exit: a sliding pair's Filippov slope c_ki leaves [γ, 1]; it leaves the surface to the active side
 *     (c &gt; 1) or the inactive one (c &lt; γ). The field is continuous there.</li>
 * </ul>
 */
public final class Switching {
    /** bisection steps of a root on s ∈ [0, 1]: the bracket ends below 2^−60 of a step */
    static final int ROOT_ITERATIONS = 60;
    /** a Filippov slope this far outside [γ, 1] (relative to 1 − γ) is an exit; round-off stays well below */
    public static final double SLOPE_TOLERANCE = 1e-9;

    private final PiecewiseNet net;
    private final int d, h, n;
    private final double[] state;
    private final double[] inputNorm;   // ‖x_i‖
    private final double[] z0, z1;      // the preactivations at both ends of a step (h × n)

    /** the first event of a step: its kind, pair and place s in [0, 1] (the bracket's right end) */
    public record Event(boolean exit, int k, int i, double s, int towards) {}

    public Switching(PiecewiseNet net) {
        this.net = net;
        this.d = net.inputDim();
        this.h = net.hidden();
        this.n = net.samples();
        this.state = new double[net.parameterCount()];
        this.inputNorm = new double[n];
        for (int i = 0; i < n; i++) inputNorm[i] = Math.sqrt(net.inputDot(i, i));
        this.z0 = new double[h * n];
        this.z1 = new double[h * n];
    }

    /**
     * The first event inside a step from y0 (s = 0) to y1 (s = 1), or null. A pair counts as crossed when its
     * signed preactivation at the end is below −tol·‖w_k‖‖x_i‖ (tol = {@link #crossTolerance}) after being
     * above it at the start: a pair left just on its surface by the last event does not fire again.
     */
    public Event firstEvent(double[] y0, double[] y1, Mode mode, Interpolant dense) {
        Event best = null;
        double[] xs = net.inputs();
        if (mode.slidingCount() > 0) net.prepare(y1, mode);
        double[][] slopes = new double[h][];
        for (int k = 0; k < h; k++) if (mode.sliding(k).length > 0) slopes[k] = net.filippovSlopesPrepared(mode, k);
        // z_ki at both ends for every pair: Z = W Xᵀ, two blocked products
        net.preactivations(y0, z0);
        net.preactivations(y1, z1);
        for (int k = 0; k < h; k++) {
            if (mode.collapsed(k)) continue;
            double wn0 = norm(y0, k), wn1 = norm(y1, k);
            for (int i = 0; i < n; i++) {
                int side = mode.side(k, i);
                if (side == 0) continue;
                double xn = inputNorm[i];
                double g0 = side * z0[k * n + i];
                double g1 = side * z1[k * n + i];
                double tol = crossTolerance() * Math.max(wn0, wn1) * xn;
                if (g0 < -tol) {
                    // across already at the start (a grazing decision, or round-off on a neuron near w_k = 0):
                    // decided again at once only when the step takes it further across
                    if (g1 < g0 && (best == null || best.s() > 0)) best = new Event(false, k, i, 0.0, -side);
                    continue;
                }
                if (!(g1 < -tol)) continue;
                double limit = best == null ? 1.0 : best.s();
                if (limit < 1.0 && signedZ(k, i, side, xs, dense, limit) >= 0) continue;   // crosses later
                double s = crossing(k, i, side, xs, dense, limit);
                if (best == null || s < best.s()) best = new Event(false, k, i, s, -side);
            }
            int[] sl = mode.sliding(k);
            if (sl.length == 0) continue;
            double[] c = slopes[k];
            for (int j = 0; j < sl.length; j++) {
                int out = outside(c[j]);
                if (out == 0) continue;
                double s = exit(k, j, out, mode, dense, best == null ? 1.0 : best.s());
                if (best == null || s < best.s()) best = new Event(true, k, sl[j], s, out);
            }
        }
        return best;
    }

    /** relative size of z_ki below which a pair sits on its surface */
    public static double crossTolerance() { return 1e-13; }

    /** +1 when c &gt; 1, −1 when c &lt; γ, else 0 */
    private int outside(double c) {
        if (Double.isNaN(c)) return 0;
        double tol = SLOPE_TOLERANCE * (1 - net.gamma());
        return c > 1 + tol ? 1 : c < net.gamma() - tol ? -1 : 0;
    }

    /** the root of the signed preactivation on [0, hi], where it is ≥ 0 at 0 and &lt; 0 at hi */
    private double crossing(int k, int i, int side, double[] xs, Interpolant dense, double hi) {
        double lo = 0;
        for (int it = 0; it < ROOT_ITERATIONS; it++) {
            double mid = 0.5 * (lo + hi);
            if (signedZ(k, i, side, xs, dense, mid) >= 0) lo = mid; else hi = mid;
        }
        return hi;
    }

    private double signedZ(int k, int i, int side, double[] xs, Interpolant dense, double s) {
        double z = 0;
        for (int c = 0; c < d; c++) z += dense.component(k * d + c, s) * xs[i * d + c];
        return side * z;
    }

    private double exit(int k, int j, int out, Mode mode, Interpolant dense, double hi) {
        double lo = 0;
        hi = 1.0;
        for (int it = 0; it < ROOT_ITERATIONS / 2; it++) {   // the field is continuous at an exit: half the bits do
            double mid = 0.5 * (lo + hi);
            dense.state(mid, state);
            if (outside(net.filippovSlopes(state, mode, k)[j]) == out) hi = mid; else lo = mid;
        }
        return hi;
    }

    /**
     * Applies an event at state y (changed in place: a pair that starts sliding has w_k put exactly on its
     * surface, w_k ← w_k − (w_k·x_i/‖x_i‖²) x_i, which moves ‖w_k‖ by a round-off amount) and changes the mode.
     * True when a pair started sliding.
     */
    public boolean apply(Event e, double[] y, Mode mode) {
        double[] xs = net.inputs();
        if (e.exit()) {
            mode.release(e.k(), e.i(), e.towards(), xs);
            return false;
        }
        int k = e.k(), i = e.i(), from = -e.towards();
        double up = net.surfaceRate(y, mode, k, i, 1.0);
        double down = net.surfaceRate(y, mode, k, i, net.gamma());
        int to;
        if (up > 0 && down > 0) to = 1;
        else if (up < 0 && down < 0) to = -1;
        else if (up <= 0 && down >= 0) to = 0;
        else to = -from;   // repelling: it came from one side, it goes on to the other
        if (to == 0) {
            putOnSurface(y, k, i, xs);
            if (mode.slide(k, i, xs)) {
                if (mode.collapsed(k)) for (int c = 0; c < d; c++) y[k * d + c] = 0.0;   // the surfaces meet at 0 only
                return true;
            }
            to = -from;
        }
        mode.setSide(k, i, to);
        return false;
    }

    /**
     * Collapsed neurons (w_k = 0) whose field now leaves the origin inside its own region escape: w_k stays 0,
     * the mode takes that region's pattern. True when any did (the field changed).
     */
    public boolean escapes(double[] y, Mode mode) {
        boolean any = false;
        for (int k = 0; k < h; k++) {
            if (!mode.collapsed(k)) continue;
            PiecewiseNet.Escape e = net.escape(y, mode, k);
            if (e == null) continue;
            for (int c = 0; c < d; c++) y[k * d + c] = 0.0;
            mode.escape(k, e.pattern());
            if (e.slideOn() >= 0) mode.slide(k, e.slideOn(), net.inputs());
            any = true;
        }
        return any;
    }

    private void putOnSurface(double[] y, int k, int i, double[] xs) {
        double z = net.preactivation(y, k, i), xx = net.inputDot(i, i);
        for (int c = 0; c < d; c++) y[k * d + c] -= z / xx * xs[i * d + c];
    }

    private double norm(double[] y, int k) {
        double s = 0;
        for (int c = 0; c < d; c++) s += y[k * d + c] * y[k * d + c];
        return Math.sqrt(s);
    }
}
